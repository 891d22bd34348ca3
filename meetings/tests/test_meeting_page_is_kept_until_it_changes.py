"""The meeting page is kept per process (pagecache.fragments) and renewed by any change."""

from allauth.account.models import EmailAddress
from django.test import Client

from conftest import without_per_response_values
from meetings.models import Meeting


def test_a_signed_in_reader_sees_a_cancellation_at_once(
    make_meeting, django_user_model, page_cache, django_capture_on_commit_callbacks
):
    meeting = make_meeting(title="Spotkanie w Nasielsku")
    user = django_user_model.objects.create_user(username="czytelnik@example.com", email="czytelnik@example.com")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    reader = Client()
    reader.force_login(user)
    assert "Odwołane" not in reader.get(meeting.get_absolute_url()).text
    assert "Odwołane" not in reader.get(meeting.get_absolute_url()).text  # kept
    with django_capture_on_commit_callbacks(execute=True):
        meeting.status = Meeting.Status.CANCELLED
        meeting.save()
    assert "Odwołane" in reader.get(meeting.get_absolute_url()).text


def test_a_kept_page_is_the_same_as_a_rendered_one(make_meeting, bob, settings, page_cache):
    meeting = make_meeting(title="Spotkanie w Nasielsku")
    reader = Client()
    reader.force_login(bob)  # past the page cache: fragments only
    kept_twice = [without_per_response_values(reader.get(meeting.get_absolute_url()).text) for _ in range(2)]
    settings.PAGECACHE_FRAGMENTS = False
    rendered = without_per_response_values(reader.get(meeting.get_absolute_url()).text)
    assert kept_twice[0] == kept_twice[1] == rendered
