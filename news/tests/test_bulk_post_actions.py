"""Staff publish, unpublish and recategorise posts in bulk from the admin's list."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.utils import timezone

from changelog.models import ChangeRecord
from changelog.versions import versions_of
from news.models import Category, Post

CHANGELIST = "/admin/news/post/"


@pytest.fixture
def announcements(db):
    return Category.objects.create(name="Ogłoszenia", slug="ogloszenia")


def _act(client, action, posts, **data):
    data = {"action": action, "_selected_action": [p.pk for p in posts], **data}
    return client.post(CHANGELIST, data, follow=True)


def _drafts(make_post, n):
    return [make_post(title=f"Szkic numer {i}", status=Post.Status.DRAFT) for i in range(1, n + 1)]


@pytest.mark.parametrize("count, words", [(1, "1 wpis"), (2, "2 wpisy"), (5, "5 wpisów")])
def test_publishing_counts_the_posts_in_polish(client, alice, make_post, count, words):
    drafts = _drafts(make_post, count)
    client.force_login(alice)
    response = _act(client, "publish_selected", drafts)
    assert f"Opublikowano {words}." in response.text
    assert Post.objects.published().count() == count


def test_published_drafts_appear_on_the_cached_public_list(
    client, alice, make_post, django_capture_on_commit_callbacks
):
    make_post(title="Starszy wpis")
    drafts = _drafts(make_post, 2)
    reader = Client()
    assert "Szkic numer 1" not in reader.get("/aktualnosci/").text
    assert reader.get("/aktualnosci/")["X-Page-Cache"] == "hit"
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        _act(client, "publish_selected", drafts)
    html = reader.get("/aktualnosci/").text
    assert "Szkic numer 1" in html and "Szkic numer 2" in html
    # Published now, so they lead the list, not at the date the draft was begun.
    assert html.index("Szkic numer") < html.index("Starszy wpis")


def test_publishing_keeps_a_date_set_for_later_and_skips_published_posts(client, alice, make_post):
    later = timezone.now() + datetime.timedelta(days=3)
    planned = make_post(title="Na później", status=Post.Status.DRAFT, published_at=later)
    done = make_post(title="Już na stronie")
    client.force_login(alice)
    response = _act(client, "publish_selected", [planned, done])
    assert "Zaplanowano publikację 1 wpisu: ukaże się w ustawionej dacie publikacji." in response.text
    assert "1 zaznaczony wpis był już opublikowany, więc został bez zmian." in response.text
    planned.refresh_from_db()
    assert planned.is_scheduled and planned.published_at == later


def test_unpublishing_hides_the_posts_and_counts_them(client, alice, make_post, django_capture_on_commit_callbacks):
    posts = [make_post(title=f"Publiczny {i}") for i in range(1, 6)]
    reader = Client()
    assert "Publiczny 1" in reader.get("/aktualnosci/").text
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = _act(client, "unpublish_selected", posts)
    assert "Wycofano z publikacji 5 wpisów. Są teraz szkicami i nie widać ich na stronie." in response.text
    assert "Publiczny 1" not in reader.get("/aktualnosci/").text
    assert reader.get(posts[0].get_absolute_url()).status_code == 404


def test_unpublishing_a_draft_changes_nothing(client, alice, make_post):
    drafts = _drafts(make_post, 2)
    client.force_login(alice)
    response = _act(client, "unpublish_selected", drafts)
    assert "2 zaznaczone wpisy były już szkicami, więc zostały bez zmian." in response.text
    assert not LogEntry.objects.exists()


def test_changing_the_category_asks_which_one_first(client, alice, make_post, announcements):
    posts = [make_post(title="Pierwszy"), make_post(title="Drugi")]
    client.force_login(alice)
    page = _act(client, "change_category_of_selected", posts)
    assert page.status_code == 200
    assert "Zmiana kategorii: 2 wpisy" in page.text
    assert '<label for="id_category" class="required">Nowa kategoria:</label>' in page.text
    assert "csrfmiddlewaretoken" in page.text
    assert Post.objects.filter(category=announcements).count() == 0


def test_a_missing_category_is_refused_and_the_selection_kept(client, alice, make_post):
    posts = [make_post(title="Pierwszy"), make_post(title="Drugi")]
    client.force_login(alice)
    response = _act(client, "change_category_of_selected", posts, apply="1", category="")
    assert response.status_code == 400
    assert "Wybierz kategorię, do której mają trafić wpisy." in response.text
    for post in posts:
        assert f'name="_selected_action" value="{post.pk}"' in response.text
    response = _act(client, "change_category_of_selected", posts, apply="1", category="999999")
    assert response.status_code == 400
    assert "Tej kategorii już nie ma. Wybierz inną." in response.text


def test_changing_the_category_moves_the_posts_on_the_public_pages(
    client, alice, make_post, announcements, django_capture_on_commit_callbacks
):
    posts = [make_post(title=f"Ogłoszenie {i}") for i in range(1, 6)]
    reader = Client()
    assert "Ogłoszenie 1" not in reader.get(announcements.get_absolute_url()).text
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = _act(client, "change_category_of_selected", posts, apply="1", category=announcements.pk)
    assert "Przeniesiono 5 wpisów do kategorii „Ogłoszenia”." in response.text
    assert "Ogłoszenie 1" in reader.get(announcements.get_absolute_url()).text
    response = _act(client, "change_category_of_selected", posts[:1], apply="1", category=announcements.pk)
    assert "1 zaznaczony wpis był już w kategorii „Ogłoszenia”, więc został bez zmian." in response.text


def test_each_post_keeps_the_change_in_its_history(client, alice, make_post, announcements):
    (post,) = _drafts(make_post, 1)
    client.force_login(alice)
    _act(client, "publish_selected", [post])
    _act(client, "change_category_of_selected", [post], apply="1", category=announcements.pk)
    comments = [v.revision.comment for v in versions_of(post)]
    assert comments[:2] == ["Zmiana kategorii z listy wpisów na „Ogłoszenia”", "Publikacja z listy wpisów"]
    records = ChangeRecord.objects.filter(object_id=post.pk).order_by("pk")
    assert [(r.summary, r.is_publication) for r in records] == [
        ("Publikacja z listy wpisów", True),
        ("Zmiana kategorii z listy wpisów na „Ogłoszenia”", False),
    ]
    assert LogEntry.objects.filter(object_id=str(post.pk), user=alice).count() == 2
    history = client.get(f"{CHANGELIST}{post.pk}/history/").text
    assert "Publikacja z listy wpisów" in history


def test_a_moderator_cannot_use_the_actions(client, staff_in_role, make_post, announcements):
    (draft,) = _drafts(make_post, 1)
    client.force_login(staff_in_role("Moderator"))
    for action, extra in [
        ("publish_selected", {}),
        ("unpublish_selected", {}),
        ("change_category_of_selected", {"apply": "1", "category": announcements.pk}),
    ]:
        response = client.post(CHANGELIST, {"action": action, "_selected_action": [draft.pk], **extra})
        assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT and draft.category != announcements


def test_a_redaktor_sees_the_actions_in_the_list(client, staff_in_role, make_post):
    make_post()
    client.force_login(staff_in_role("Redaktor"))
    html = client.get(CHANGELIST).text
    for label in [
        "Opublikuj zaznaczone wpisy",
        "Wycofaj z publikacji zaznaczone wpisy",
        "Zmień kategorię zaznaczonych wpisów",
        "Przenieś zaznaczone wpisy do kosza",
    ]:
        assert label in html


def test_a_view_only_account_is_not_offered_the_actions(client, make_post, django_user_model):
    from django.contrib.auth.models import Permission

    make_post()
    viewer = django_user_model.objects.create_user(username="v@pup.example", email="v@pup.example", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_post"))
    client.force_login(viewer)
    html = client.get(CHANGELIST).text
    assert "Opublikuj zaznaczone wpisy" not in html
