"""The oracle of the page cache: after any change, and at every moment the clock changes what is
public, every page type answers as a fresh render of it would, for anonymous and signed-in readers.

Each check first lets the cache store every page (the anonymous reader's second visit is a hit
when nothing changed), then changes something, then compares each answer with a render made
with the cache off.
"""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from conftest import without_per_response_values
from meetings.models import Meeting, Report
from members.models import Office
from news.models import Comment, Post, Rating
from pages.models import Announcement, Coordinator, HomeBlock, MenuItem, Page

START = datetime.datetime(2026, 6, 10, 10, 0, tzinfo=datetime.UTC)  # 12:00 in Warsaw


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def site(clock, make_post, make_institution, make_office, make_person, bob, django_capture_on_commit_callbacks):
    """A little of everything that is public, and of everything that changes with the date."""
    from allauth.account.models import EmailAddress

    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        post = make_post(title="Targi pracy w Nasielsku", published_at=timezone.now() - datetime.timedelta(days=2))
        Comment.objects.create(
            post=post, user=bob, author_name="Bob", body="Będę na targach.", status=Comment.Status.APPROVED
        )
        make_post(title="Zaplanowany nabór", published_at=timezone.now() + datetime.timedelta(hours=2))
        make_post(title="Wpis do usunięcia", published_at=timezone.now() - datetime.timedelta(days=5))
        Meeting.objects.create(title="Spotkanie dzisiejsze", slug="dzisiejsze", date=today)
        Meeting.objects.create(title="Spotkanie jutrzejsze", slug="jutrzejsze", date=today + datetime.timedelta(1))
        past = Meeting.objects.create(
            title="Spotkanie wczorajsze", slug="wczorajsze", date=today - datetime.timedelta(1), status="held"
        )
        Report.objects.create(
            meeting=past,
            body="<p>Relacja ze spotkania.</p>",
            status=Report.Status.PUBLISHED,
            published_at=timezone.now() + datetime.timedelta(hours=3),
        )
        gmina = make_institution(name="Gmina Pomiechówek", slug="pomiechowek", is_published=True)
        make_office(gmina, function="Wójt Gminy Pomiechówek", person=make_person("Stary", "Wójt"), end_date=today)
        make_office(
            gmina,
            function="Wójt Gminy Pomiechówek",
            person=make_person("Nowy", "Wójt"),
            start_date=today + datetime.timedelta(1),
        )
        Page.objects.create(title="Historia partnerstwa", slug="historia", url_path="historia")
        MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS, position=1)
        home = Coordinator.objects.create()
        HomeBlock.ensure_for(home)
        Announcement.objects.create(
            home=home,
            title="Przerwa w pracy portalu",
            text="Krótko.",
            ends_at=timezone.now() + datetime.timedelta(hours=4),
        )
        EmailAddress.objects.create(user=bob, email=bob.email, verified=True, primary=True)
    return {"post": post, "gmina": gmina}


def _urls(site):
    return [
        "/",
        "/aktualnosci/",
        site["post"].get_absolute_url(),
        site["post"].category.get_absolute_url(),
        "/aktualnosci/rss/",
        "/spotkania/",
        "/spotkania/wczorajsze/",
        "/spotkania/dzisiejsze/",
        "/spotkania/kalendarz.ics",
        "/partnerzy/",
        site["gmina"].get_absolute_url(),
        "/dane/instytucje.csv",
        Page.objects.get(slug="historia").get_absolute_url(),
        "/kontakt/",
        "/szukaj/?q=targi",
        "/sitemap.xml",
    ]


def _readers(bob):
    signed_in = Client()
    signed_in.force_login(bob)
    return {"anonymous": Client(), "signed-in": signed_in}


def _answer(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return without_per_response_values(response.content.decode())


def _fresh(client, url, settings):
    settings.PAGECACHE_ENABLED = False
    try:
        return _answer(client, url)
    finally:
        settings.PAGECACHE_ENABLED = True


def _stored(site, bob):
    """Every page read twice by each reader: the anonymous pages are in the cache now."""
    readers = _readers(bob)
    for url in _urls(site):
        for client in readers.values():
            client.get(url)
        assert readers["anonymous"].get(url)["X-Page-Cache"] == "hit", url
    return readers


def assert_every_page_is_fresh(site, readers, settings):
    stale = []
    for url in _urls(site):
        for name, client in readers.items():
            if _answer(client, url) != _fresh(client, url, settings):
                stale.append((name, url))
    assert stale == []


@pytest.mark.sweep  # walks every page type: make test and CI run it, make test-fast leaves it out
def test_every_page_is_fresh_after_an_edit_in_the_admin(site, bob, alice, settings, django_capture_on_commit_callbacks):
    readers = _stored(site, bob)
    staff = Client()
    staff.force_login(alice)
    draft = Post.objects.get(title="Wpis do usunięcia")
    # A bulk action, the admin's way of changing many rows at once.
    with django_capture_on_commit_callbacks(execute=True):  # the request commits, as in production
        response = staff.post(
            "/admin/news/post/", {"action": "delete_selected", "_selected_action": [draft.pk], "post": "yes"}
        )
    assert response.status_code == 302
    assert not Post.objects.filter(pk=draft.pk).exists()
    assert_every_page_is_fresh(site, readers, settings)


@pytest.mark.sweep  # walks every page type: make test and CI run it, make test-fast leaves it out
def test_every_page_is_fresh_after_a_delete_to_the_kosz_and_a_restore(
    site, bob, alice, settings, django_capture_on_commit_callbacks
):
    readers = _stored(site, bob)
    staff = Client()
    staff.force_login(alice)
    meeting = Meeting.objects.get(slug="jutrzejsze")
    with django_capture_on_commit_callbacks(execute=True):  # the request commits, as in production
        assert staff.post(f"/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert_every_page_is_fresh(site, readers, settings)

    readers = _stored(site, bob)
    with django_capture_on_commit_callbacks(execute=True):
        assert staff.post(f"/admin/kosz/meetings.meeting/{meeting.pk}/przywroc/").status_code == 302
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert_every_page_is_fresh(site, readers, settings)


@pytest.mark.sweep  # walks every page type: make test and CI run it, make test-fast leaves it out
def test_every_page_is_fresh_after_a_vote_and_a_comment(site, bob, settings, django_capture_on_commit_callbacks):
    readers = _stored(site, bob)
    voter = Client()
    with django_capture_on_commit_callbacks(execute=True):  # each request commits, as in production
        assert voter.post(site["post"].get_absolute_url() + "ocena/", {"value": "4"}).status_code == 302
    assert_every_page_is_fresh(site, readers, settings)
    commenter = Client()
    commenter.force_login(bob)  # trusted: an earlier comment of theirs was approved
    with django_capture_on_commit_callbacks(execute=True):
        response = commenter.post(
            site["post"].get_absolute_url() + "komentarze/", {"author_name": "Bob", "body": "Do zobaczenia."}
        )
    assert response.status_code == 302
    assert Comment.objects.filter(body="Do zobaczenia.", status=Comment.Status.APPROVED).exists()
    assert Rating.objects.count() == 1
    assert_every_page_is_fresh(site, readers, settings)


@pytest.mark.sweep  # walks every page type: make test and CI run it, make test-fast leaves it out
def test_every_page_is_fresh_after_a_menu_edit_a_page_move_and_a_new_officeholder(
    site, bob, make_person, settings, django_capture_on_commit_callbacks
):
    readers = _stored(site, bob)
    with django_capture_on_commit_callbacks(execute=True):
        MenuItem.objects.filter(label="Aktualności").update(label="Wiadomości")
        MenuItem.objects.get().save()  # as the admin saves it
    assert_every_page_is_fresh(site, readers, settings)

    readers = _stored(site, bob)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.create(title="O nas", slug="o-nas", url_path="o-nas")
        page = Page.objects.get(slug="historia")
        page.parent = Page.objects.get(slug="o-nas")
        page.save()
    assert_every_page_is_fresh(site, readers, settings)

    readers = _stored(site, bob)
    with django_capture_on_commit_callbacks(execute=True):
        Office.objects.create(
            institution=site["gmina"], function="Sekretarz Gminy", person=make_person("Anna", "Sekretarz")
        )
    assert_every_page_is_fresh(site, readers, settings)


@pytest.mark.sweep  # walks every page type: make test and CI run it, make test-fast leaves it out
def test_every_page_is_fresh_at_every_moment_the_clock_changes_what_is_public(site, bob, clock, settings):
    moments = [
        START + datetime.timedelta(hours=2, seconds=1),  # the scheduled post appears
        START + datetime.timedelta(hours=3, seconds=1),  # the scheduled report appears
        START + datetime.timedelta(hours=4, seconds=1),  # the home page's notice ends
        # Midnight in Warsaw: today's meeting is past, tomorrow's is today's, the old office
        # has ended and the new one begins.
        datetime.datetime(2026, 6, 10, 22, 0, 1, tzinfo=datetime.UTC),
        datetime.datetime(2026, 12, 31, 23, 0, 1, tzinfo=datetime.UTC),  # a new year in the footer
    ]
    for moment in moments:
        # Stored a minute before the moment, well within their maximum age.
        clock.move_to(moment - datetime.timedelta(minutes=1))
        readers = _stored(site, bob)
        clock.move_to(moment)
        assert_every_page_is_fresh(site, readers, settings)


def test_the_successor_shows_on_the_day_the_term_starts_without_any_save(
    clock, make_institution, make_office, make_person, django_capture_on_commit_callbacks
):
    # Nothing else changes at that midnight: the office's own dates must renew the pages.
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        gmina = make_institution(name="Gmina Pomiechówek", slug="pomiechowek", is_published=True)
        make_office(gmina, function="Wójt Gminy Pomiechówek", person=make_person("Stary", "Wójt"), end_date=today)
        make_office(
            gmina,
            function="Wójt Gminy Pomiechówek",
            person=make_person("Nowy", "Wójt"),
            start_date=today + datetime.timedelta(1),
        )
    reader = Client()
    midnight = datetime.datetime(2026, 6, 10, 22, 0, tzinfo=datetime.UTC)  # in Warsaw
    clock.move_to(midnight - datetime.timedelta(minutes=1))  # stored within their maximum age
    for url in ("/partnerzy/", gmina.get_absolute_url(), "/dane/instytucje.csv"):
        assert "Stary Wójt" in reader.get(url).text, url
        again = reader.get(url)
        assert again["X-Page-Cache"] == "hit"
        assert "Nowy Wójt" not in again.text.split("Dawniej")[0], url
    clock.move_to(midnight + datetime.timedelta(seconds=1))
    for url in ("/partnerzy/", gmina.get_absolute_url(), "/dane/instytucje.csv"):
        page = reader.get(url)
        assert page["X-Page-Cache"] == "miss", url
        assert "Nowy Wójt" in page.text.split("Dawniej")[0], url
    assert "Stary Wójt" not in reader.get("/partnerzy/").text


def test_a_notice_leaves_the_home_page_at_its_end_without_any_save(db, clock, django_capture_on_commit_callbacks):
    end = datetime.datetime(2026, 6, 11, 13, 0, tzinfo=datetime.UTC)  # tomorrow, 15:00 in Warsaw
    with django_capture_on_commit_callbacks(execute=True):
        home = Coordinator.objects.create()
        HomeBlock.ensure_for(home)
        Announcement.objects.create(home=home, title="Dzień otwarty urzędu", text="Zapraszamy.", ends_at=end)
    reader = Client()
    clock.move_to(end - datetime.timedelta(minutes=1))  # stored within its maximum age
    assert "Dzień otwarty urzędu" in reader.get("/").text
    again = reader.get("/")
    assert again["X-Page-Cache"] == "hit"
    assert "Dzień otwarty urzędu" in again.text
    clock.move_to(end + datetime.timedelta(seconds=1))
    page = reader.get("/")
    assert page["X-Page-Cache"] == "miss"
    assert "Dzień otwarty urzędu" not in page.text


def test_every_stored_page_expires_after_its_maximum_age(site, clock, settings, django_assert_num_queries):
    reader = Client()
    reader.get("/")
    assert reader.get("/")["X-Page-Cache"] == "hit"
    Post.objects.filter(pk=site["post"].pk).update(title="Zmieniony bez sygnału")  # nothing reports it
    clock.shift(datetime.timedelta(seconds=settings.PAGECACHE_MAX_AGE + 1))
    page = reader.get("/")
    assert page["X-Page-Cache"] == "miss"
    assert "Zmieniony bez sygnału" in page.text
