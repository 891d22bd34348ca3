"""Who may publish approves a post waiting for approval: it is published now or at its date, its writer is told."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from adminsite.tests.forms import change_form_data
from changelog.models import ChangeRecord
from changelog.versions import versions_of
from news.models import Post


@pytest.fixture(autouse=True)
def office(settings):
    settings.OFFICE_EMAIL = "biuro@pup.example"


def approve(client, post, **changes):
    page = client.get(f"/admin/news/post/{post.pk}/change/")
    assert 'name="_approve" value="Zatwierdź i opublikuj"' in page.text
    return client.post(f"/admin/news/post/{post.pk}/change/", change_form_data(page) | changes | {"_approve": "1"})


def test_the_editor_approves_and_the_post_is_public_at_once(client, editor, writer, waiting_post, in_background):
    client.force_login(editor)
    with in_background():
        response = approve(client, waiting_post)
    assert response.status_code == 302
    waiting_post.refresh_from_db()
    assert waiting_post.status == Post.Status.PUBLISHED and waiting_post.is_public
    assert timezone.now() - waiting_post.published_at < datetime.timedelta(minutes=1)  # appears as new
    assert client.get(waiting_post.get_absolute_url()).status_code == 200

    [notice] = mail.outbox
    assert notice.to == ["autorka@pup.example"]
    assert notice.reply_to == ["biuro@pup.example"]
    assert notice.subject == "Wpis zatwierdzony: Nabór do projektu"
    assert "został zatwierdzony i jest już na stronie" in notice.body
    assert waiting_post.get_absolute_url() in notice.body
    assert versions_of(waiting_post).first().revision.comment == "Zatwierdzenie i publikacja"
    record = ChangeRecord.objects.get(object_id=waiting_post.pk)
    assert record.is_publication and record.editor == editor  # the metryczka names who published it


def test_a_post_with_a_date_to_come_is_approved_for_that_date(client, editor, waiting_post, in_background):
    when = timezone.now() + datetime.timedelta(days=2)
    waiting_post.published_at = when
    waiting_post.save()
    client.force_login(editor)
    with in_background():
        approve(client, waiting_post)
    waiting_post.refresh_from_db()
    assert waiting_post.is_scheduled and waiting_post.published_at == when.replace(microsecond=0)
    assert "Ukaże się na stronie" in mail.outbox[0].body
    assert versions_of(waiting_post).first().revision.comment.startswith("Zatwierdzenie, publikacja zaplanowana na ")


def test_publishing_with_the_status_field_counts_as_approval(client, editor, waiting_post, in_background):
    client.force_login(editor)
    page = client.get(f"/admin/news/post/{waiting_post.pk}/change/")
    with in_background():
        client.post(f"/admin/news/post/{waiting_post.pk}/change/", change_form_data(page) | {"status": "published"})
    waiting_post.refresh_from_db()
    assert waiting_post.status == Post.Status.PUBLISHED
    assert mail.outbox[0].subject == "Wpis zatwierdzony: Nabór do projektu"


def test_publishing_from_the_list_approves_and_tells_the_writer(client, editor, waiting_post, in_background):
    client.force_login(editor)
    with in_background():
        response = client.post(
            "/admin/news/post/", {"action": "publish_selected", "_selected_action": [waiting_post.pk]}, follow=True
        )
    assert "Opublikowano 1 wpis." in response.text
    waiting_post.refresh_from_db()
    assert waiting_post.is_public
    assert [m.to for m in mail.outbox] == [["autorka@pup.example"]]


def test_the_editor_form_offers_only_draft_and_published_to_a_post_outside_review(client, editor, make_post):
    client.force_login(editor)
    page = client.get(f"/admin/news/post/{make_post(status=Post.Status.DRAFT).pk}/change/")
    assert 'value="submitted"' not in page.text and 'value="returned"' not in page.text
    assert 'name="_approve"' not in page.text and "Zwróć do poprawy" not in page.text
