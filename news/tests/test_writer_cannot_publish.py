"""Without the right to publish, no path of the admin publishes a post or changes a published one."""

from accounts.roles import AUTHOR, ROLES
from adminsite.tests.forms import change_form_data
from changelog.versions import versions_of
from news.models import Post
from news.tests.test_admin import post_form


def test_only_the_redaktor_and_the_administrator_may_publish(writer, editor, alice):
    assert not writer.has_perm("news.publish_post")
    assert editor.has_perm("news.publish_post") and alice.has_perm("news.publish_post")
    assert "publish" not in ROLES[AUTHOR]["news.post"]


def test_the_writer_lands_on_a_working_admin_home(client, writer):
    client.force_login(writer)
    home = client.get("/admin/")
    assert home.status_code == 200
    assert "Brak dostępu" not in home.text
    assert 'href="/admin/news/post/"' in home.text


def test_the_status_field_is_read_only_for_the_writer(client, writer, category, make_post):
    client.force_login(writer)
    assert 'name="status"' not in client.get("/admin/news/post/add/").text
    assert client.post("/admin/news/post/add/", post_form(category, status="published")).status_code == 302
    assert Post.objects.get().status == Post.Status.DRAFT

    draft = make_post(status=Post.Status.DRAFT, author=writer)
    page = client.get(f"/admin/news/post/{draft.pk}/change/")
    client.post(f"/admin/news/post/{draft.pk}/change/", change_form_data(page) | {"status": "published"})
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT


def test_the_approve_button_sent_by_hand_is_refused(client, writer, waiting_post):
    client.force_login(writer)
    page = client.get(f"/admin/news/post/{waiting_post.pk}/change/")
    response = client.post(f"/admin/news/post/{waiting_post.pk}/change/", change_form_data(page) | {"_approve": "1"})
    assert response.status_code == 403
    waiting_post.refresh_from_db()
    assert waiting_post.status == Post.Status.SUBMITTED


def test_the_list_offers_the_writer_no_publishing_actions(client, writer, make_post):
    draft = make_post(status=Post.Status.DRAFT, author=writer)
    published = make_post()
    client.force_login(writer)
    page = client.get("/admin/news/post/")
    assert "publish_selected" not in page.text and "unpublish_selected" not in page.text
    for action, post in [("publish_selected", draft), ("unpublish_selected", published)]:
        client.post("/admin/news/post/", {"action": action, "_selected_action": [post.pk]})
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == Post.Status.DRAFT and published.status == Post.Status.PUBLISHED


def test_a_published_post_is_only_viewed_by_the_writer(client, writer, alice, make_post):
    post = make_post(title="Opublikowany wpis", author=writer)
    client.force_login(alice)
    page = client.get(f"/admin/news/post/{post.pk}/change/")
    client.post(f"/admin/news/post/{post.pk}/change/", change_form_data(page) | {"title": "Poprawiony tytuł"})
    version = versions_of(post).first()

    client.force_login(writer)
    page = client.get(f"/admin/news/post/{post.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.text
    assert client.post(f"/admin/news/post/{post.pk}/change/", {"title": "Przejęty"}).status_code == 403
    assert client.post(f"/admin/news/post/{post.pk}/history/{version.pk}/restore/").status_code == 403
    post.refresh_from_db()
    assert post.title == "Poprawiony tytuł" and post.status == Post.Status.PUBLISHED


def test_restoring_a_published_version_keeps_the_writers_draft_a_draft(client, writer, alice, make_post):
    post = make_post(title="Wycofany wpis", author=writer)
    client.force_login(alice)
    page = client.get(f"/admin/news/post/{post.pk}/change/")
    client.post(f"/admin/news/post/{post.pk}/change/", change_form_data(page) | {"lead": "Zajawka."})
    published_version = versions_of(post).first()
    page = client.get(f"/admin/news/post/{post.pk}/change/")
    client.post(f"/admin/news/post/{post.pk}/change/", change_form_data(page) | {"status": "draft"})

    client.force_login(writer)
    response = client.post(f"/admin/news/post/{post.pk}/history/{published_version.pk}/restore/")
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.lead == "Zajawka." and post.status == Post.Status.DRAFT
