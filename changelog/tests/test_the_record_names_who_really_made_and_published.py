"""The metryczka and the change register name who really produced and published an item.

Content made outside the admin (the demo) has no author: its first edit, or a move of a page,
makes nobody its author or publisher. „Treść” is listed among the changes only when the text
a reader sees changed, whatever markup CKEditor sends.
"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from reversion.models import Version

from changelog.metryczka import record_change
from changelog.models import ChangeRecord
from news.models import Post
from pages.models import Coordinator, Page

OFFICE = "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim"
# A whole minute, as the admin's date and time fields send it.
PUBLISHED = datetime.datetime(2018, 6, 8, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def office(db):
    return Coordinator.objects.create(pk=1)


def _page_form(page, **fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "parent": str(page.parent_id or ""),
        "section": page.section,
        "position": str(page.position),
        "body": page.body,
        "is_published": "on" if page.is_published else "",
    }
    data.update(fields)
    return data


def _post_form(post, **fields):
    when = timezone.localtime(post.published_at)
    data = {
        # A field with a callable default sends its initial value too, as the browser does.
        "initial-published_at_0": f"{when:%Y-%m-%d}",
        "initial-published_at_1": f"{when:%H:%M:%S}",
        "title": post.title,
        "slug": post.slug,
        "category": post.category_id,
        "lead": post.lead,
        "body": post.body,
        "image_alt": "",
        "status": post.status,
        "published_at_0": f"{when:%Y-%m-%d}",
        "published_at_1": f"{when:%H:%M:%S}",
        "author": "",
    }
    data.update(fields)
    return data


def _metryczka(html):
    return html[html.index('id="metryczka-naglowek"') :]


def test_moving_a_seeded_page_makes_nobody_its_author(client, editor, office):
    parent = Page.objects.create(title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP)
    page = Page.objects.create(
        title="Zasady partnerstwa",
        slug="zasady",
        section=Page.Section.PARTNERSHIP,
        # Seeded text laid out on lines, as CKEditor never sends it.
        body="<h2>Zasady</h2>\n<p>Dobrowolność.</p>\n<ul>\n  <li>jawność</li>\n</ul>",
    )
    client.force_login(editor)
    # CKEditor sends the same text in its own markup: no line breaks.
    body = "<h2>Zasady</h2><p>Dobrowolność.</p><ul><li>jawność</li></ul>"
    response = client.post(f"/admin/pages/page/{page.pk}/change/", _page_form(page, parent=str(parent.pk), body=body))
    assert response.status_code == 302

    record = ChangeRecord.objects.get()
    assert (record.is_creation, record.is_public, record.is_publication) == (False, True, False)
    assert record.summary == "Zmiana: Strona nadrzędna"
    html = _metryczka(client.get("/partnerstwo/cele/zasady/").text)
    assert f"<dt>Informację wytworzył</dt><dd>{OFFICE}</dd>" in html
    assert f"<dt>Opublikował</dt><dd>{OFFICE}</dd>" in html
    assert "<dt>Ostatnia zmiana</dt><dd>Alicja Redakcyjna, <time" in html
    assert "<td>Zmiana: Strona nadrzędna</td>" in html
    assert "Treść" not in html


def test_the_first_edit_of_a_seeded_post_names_its_editor_only_as_a_change(client, editor, office, make_post):
    post = make_post(
        title="Spotkanie partnerów",
        lead="Stara zajawka.",
        body="<p>Pierwszy akapit.</p>\n<p>Drugi.</p>",
        published_at=PUBLISHED,
    )
    client.force_login(editor)
    client.post(
        f"/admin/news/post/{post.pk}/change/",
        _post_form(post, lead="Nowa zajawka.", body="<p>Pierwszy akapit.</p><p>Drugi.</p>"),
    )
    record = ChangeRecord.objects.get()
    assert record.summary == "Zmiana: Zajawka"
    # The admin's „Historia” says the same.
    assert Version.objects.get_for_object(post).first().revision.comment == "Zmiana: Zajawka"

    html = _metryczka(client.get(post.get_absolute_url()).text)
    assert f"<dt>Informację wytworzył</dt><dd>{OFFICE}</dd>" in html
    assert f"<dt>Opublikował</dt><dd>{OFFICE}, <time" in html
    assert "<dt>Ostatnia zmiana</dt><dd>Alicja Redakcyjna" in html
    assert "Rejestr zmian (1 zmiana)" in html


def test_a_changed_text_is_still_listed(client, editor, office, make_post):
    post = make_post(lead="Zajawka.", body="<p>Pierwszy akapit.</p>", published_at=PUBLISHED)
    client.force_login(editor)
    client.post(f"/admin/news/post/{post.pk}/change/", _post_form(post, body="<p>Pierwszy akapit, poprawiony.</p>"))
    assert ChangeRecord.objects.get().summary == "Zmiana: Treść"


def test_a_seeded_draft_published_in_the_admin_names_who_published_it(client, editor, office, make_post):
    post = make_post(status=Post.Status.DRAFT, published_at=PUBLISHED)
    client.force_login(editor)
    client.post(f"/admin/news/post/{post.pk}/change/", _post_form(post, status=Post.Status.PUBLISHED))
    assert ChangeRecord.objects.get().is_publication
    html = _metryczka(client.get(post.get_absolute_url()).text)
    assert f"<dt>Informację wytworzył</dt><dd>{OFFICE}</dd>" in html
    assert "<dt>Opublikował</dt><dd>Alicja Redakcyjna, <time" in html


def test_records_made_before_publications_were_kept_are_read_truthfully(editor, make_post):
    """The migration marks as the publication only a record that is known to have made the item public."""
    seeded, written = make_post(), make_post(status=Post.Status.DRAFT)
    content_type = ContentType.objects.get_for_model(Post)

    def record(post, **fields):
        return ChangeRecord.objects.create(
            content_type=content_type, object_id=post.pk, editor=editor, editor_name="Redakcja portalu", **fields
        )

    seeded_edit = record(seeded, is_public=True)
    created = record(written, is_creation=True, is_public=False)
    published = record(written, is_public=True)
    edited = record(written, is_public=True)

    migration = importlib.import_module("changelog.migrations.0003_record_who_published")
    migration.mark_publications(apps, None)
    migration.drop_the_stand_in(apps, None)

    marked = set(ChangeRecord.objects.filter(is_publication=True).values_list("pk", flat=True))
    assert marked == {published.pk}
    assert {seeded_edit.pk, created.pk, edited.pk}.isdisjoint(marked)
    assert set(ChangeRecord.objects.values_list("editor_name", flat=True)) == {""}


def test_staff_see_in_the_register_which_account_had_no_name(client, alice, editor, make_post):
    """The public page names the office; the admin's register names the account, so it can be given a name."""
    post = make_post(title="Wpis bez podpisu")
    nameless = type(alice).objects.create_user(
        username="bez.nazwiska@pup.example", email="bez.nazwiska@pup.example", is_staff=True
    )
    record_change(post, nameless, created=True)
    assert str(ChangeRecord.objects.get()).startswith("„Wpis bez podpisu”: konto bez imienia i nazwiska, ")
    client.force_login(editor)
    html = client.get("/admin/changelog/changerecord/").text
    assert "bez.nazwiska@pup.example (konto bez imienia i nazwiska)" in html
