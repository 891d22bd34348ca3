"""A form with an editor is autosaved for its user; reopened, it offers the unsaved version.

static/js/admin-drafts.js posts the form's state to drafts/views.py while staff type; the browser
side is tested in tests/browser/test_staff_never_lose_unsaved_work.py.
"""

import datetime
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from adminsite.tests.forms import change_form_data
from drafts.models import Draft
from pagecache import versions

SAVE = "/admin/szkic/zapisz/"
DISCARD = "/admin/szkic/odrzuc/"
NOTICE = "Niezapisana wersja formularza"


def draft_data(post, **fields):
    return {
        "model": "news.post",
        "object_id": str(post.pk),
        "fields": json.dumps([["title", post.title], ["lead", "Zajawka pisana przed awarią."], *fields.items()]),
        "edit_token": "token-z-formularza",
    }


def test_a_change_form_autosaves_and_offers_the_draft_when_reopened(client, alice, make_post):
    post = make_post()
    url = f"/admin/news/post/{post.pk}/change/"
    client.force_login(alice)
    opened = client.get(url)
    assert f'data-save-url="{SAVE}"' in opened.text and f'data-object-id="{post.pk}"' in opened.text
    assert NOTICE not in opened.text

    with time_machine.travel(datetime.datetime(2026, 12, 5, 9, 12, tzinfo=datetime.UTC), tick=False):
        saved = client.post(SAVE, draft_data(post))
    assert saved.status_code == 200
    assert saved.json() == {"message": "Niezapisane zmiany przechowano o 10:12."}  # Warsaw time
    draft = Draft.objects.get()
    assert draft.user == alice and draft.object_id == str(post.pk) and draft.edit_token == "token-z-formularza"

    reopened = client.get(url)
    assert NOTICE in reopened.text
    assert "przechowane automatycznie 5 grudnia 2026 o 10:12" in reopened.text
    assert "Przywróć niezapisaną wersję" in reopened.text and "Odrzuć ją" in reopened.text
    assert json.dumps("Zajawka pisana przed awarią.") in reopened.text  # in the JSON the script restores from

    # Another member of staff sees nothing of it.
    assert not Draft.objects.exclude(user=alice).exists()

    form = change_form_data(reopened)
    form["lead"] = "Zajawka zapisana."
    assert client.post(url, form).status_code == 302
    assert not Draft.objects.exists()  # saved: nothing left to restore


def test_an_add_form_keeps_one_draft_until_something_is_added(client, alice, category):
    client.force_login(alice)
    fields = [["title", "Nowy wpis o targach"], ["body", "<p>Początek tekstu.</p>"]]
    assert client.post(SAVE, {"model": "news.post", "object_id": "", "fields": json.dumps(fields)}).status_code == 200
    assert json.dumps("Nowy wpis o targach") in client.get("/admin/news/post/add/").text
    client.post(DISCARD, {"model": "news.post", "object_id": ""})
    assert not Draft.objects.exists()
    assert NOTICE not in client.get("/admin/news/post/add/").text


def test_a_form_without_an_editor_does_not_autosave(client, alice, category):
    client.force_login(alice)
    page = client.get(f"/admin/news/category/{category.pk}/change/")
    assert "data-unsaved-changes" in page.text  # the warning before leaving
    assert "data-save-url" not in page.text


def test_drafts_are_only_for_who_may_change_the_form(client, bob, make_post, staff_in_role):
    post = make_post()
    client.force_login(bob)
    refused = client.post(SAVE, draft_data(post))
    assert refused.status_code == 302 and "/login/" in refused.url  # the admin's login, not a draft
    client.force_login(staff_in_role("Moderator"))
    refused = client.post(SAVE, draft_data(post))
    assert refused.status_code == 403
    assert refused.json() == {"error": "Brak uprawnień do zmiany tego formularza."}
    assert not Draft.objects.exists()


@pytest.mark.parametrize(
    "change,status,error",
    [
        ({"fields": "nie json"}, 400, "Niepoprawny zapis formularza."),
        ({"fields": json.dumps({"title": "x"})}, 400, "Niepoprawny zapis formularza."),
        ({"fields": json.dumps([["title", 1]])}, 400, "Niepoprawny zapis formularza."),
        ({"model": "news.nieistnieje"}, 404, "Nie ma takiego formularza."),
        ({"model": "bez-kropki"}, 404, "Nie ma takiego formularza."),
        ({"model": "drafts.draft"}, 404, "Nie ma takiego formularza."),
        ({"object_id": "999999"}, 404, "Tego obiektu już nie ma."),
        ({"object_id": "abc"}, 404, "Tego obiektu już nie ma."),
    ],
)
def test_bad_drafts_are_refused_in_polish(client, alice, make_post, change, status, error):
    client.force_login(alice)
    answer = client.post(SAVE, {**draft_data(make_post()), **change})
    assert answer.status_code == status
    assert answer.json() == {"error": error}
    assert not Draft.objects.exists()


def test_a_get_is_refused(client, alice):
    client.force_login(alice)
    assert client.get(SAVE).status_code == 405


def test_an_autosave_renews_no_cached_page(client, alice, make_post, django_capture_on_commit_callbacks):
    post = make_post()
    client.force_login(alice)
    before = versions.bump()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(SAVE, draft_data(post)).status_code == 200
        assert client.post(DISCARD, draft_data(post)).status_code == 200
    assert versions.cache.get(versions.VERSION_KEY) == before
    with django_capture_on_commit_callbacks(execute=True):  # a real save does renew them
        client.post("/admin/news/category/add/", {"name": "Ogłoszenia", "slug": "ogloszenia"})
    assert versions.cache.get(versions.VERSION_KEY) != before


def test_old_drafts_are_deleted_by_the_daily_duties(client, alice, make_post):
    post = make_post()
    client.force_login(alice)
    client.post(SAVE, draft_data(post))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=29)):
        call_command("daily", stdout=io.StringIO())
    assert Draft.objects.exists()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        out = io.StringIO()
        call_command("daily", stdout=out)
    assert "Deleted 1 admin drafts." in out.getvalue()
    assert not Draft.objects.exists()
