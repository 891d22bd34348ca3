"""A version the edit form would refuse today is not restored: Polish reasons, nothing saved, never a 500."""

import reversion
from reversion.models import Version

from changelog.models import ChangeRecord
from news.models import Post
from pages.models import Page


def _save_version(obj, user, **fields):
    with reversion.create_revision():
        reversion.set_user(user)
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
    return Version.objects.get_for_object(obj).order_by("-pk").first()


def _restore(client, obj, version):
    info = f"{obj._meta.app_label}/{obj._meta.model_name}"
    return client.post(f"/admin/{info}/{obj.pk}/history/{version.pk}/restore/")


def _nothing_saved(obj, versions_before):
    assert Version.objects.get_for_object(obj).count() == versions_before
    assert not ChangeRecord.objects.filter(summary__startswith="Przywrócenie wersji").exists()


def test_a_version_that_would_put_a_page_under_its_own_subpage_is_refused(client, editor):
    a = Page.objects.create(title="A", slug="rt-a")
    b = Page.objects.create(title="B", slug="rt-b")
    under_b = _save_version(a, editor, parent=b)
    _save_version(a, editor, parent=None)
    _save_version(b, editor, parent=a)
    client.force_login(editor)

    response = _restore(client, a, under_b)

    assert response.status_code == 409
    assert "Czy przywrócić tę wersję?" in response.text  # the confirmation page again
    assert "Strony nie można umieścić pod nią samą ani pod żadną z jej podstron." in response.text
    assert "Nic nie zostało zapisane." in response.text
    a.refresh_from_db()
    assert a.parent_id is None and a.get_absolute_url() == "/rt-a/"
    _nothing_saved(a, 2)


def test_a_version_whose_page_address_is_now_taken_is_refused(client, editor):
    c = Page.objects.create(title="C", slug="rt-c")
    first = _save_version(c, editor)
    _save_version(c, editor, slug="rt-c2")
    Page.objects.create(title="D", slug="rt-c")
    client.force_login(editor)

    response = _restore(client, c, first)

    assert response.status_code == 409
    assert "Pod adresem /rt-c/ jest już strona „D”." in response.text
    c.refresh_from_db()
    assert c.slug == "rt-c2"
    _nothing_saved(c, 2)


def test_a_version_whose_post_address_is_now_taken_is_refused(client, editor, make_post):
    p = make_post(title="Wpis P", slug="rt-dup-a", status=Post.Status.DRAFT)
    first = _save_version(p, editor)
    _save_version(p, editor, slug="rt-dup-b")
    make_post(title="Wpis Q", slug="rt-dup-a")
    client.force_login(editor)

    response = _restore(client, p, first)

    assert response.status_code == 409
    assert "Pole „adres (slug)” miałoby wartość „rt-dup-a”, którą ma już „Wpis Q”. Najpierw zmień ją tam." in (
        response.text
    )
    p.refresh_from_db()
    assert p.slug == "rt-dup-b"
    _nothing_saved(p, 2)


def test_a_version_that_would_land_on_an_address_of_the_portal_is_refused(client, editor):
    f = Page.objects.create(title="F", slug="rt-f")
    g = Page.objects.create(title="G", slug="rt-g")
    e = Page.objects.create(title="E", slug="kontakt", parent=f)
    under_f = _save_version(e, editor)
    _save_version(e, editor, parent=g)
    f.delete()
    client.force_login(editor)

    response = _restore(client, e, under_f)

    assert response.status_code == 409
    assert "Adres /kontakt/ zajmuje już inna część portalu. Wybierz inny adres." in response.text
    e.refresh_from_db()
    assert e.get_absolute_url() == "/rt-g/kontakt/"
    _nothing_saved(e, 2)


def test_a_version_the_form_accepts_is_still_restored(client, editor):
    page = Page.objects.create(title="Stary tytuł", slug="rt-h")
    first = _save_version(page, editor)
    _save_version(page, editor, title="Nowy tytuł", slug="rt-h2")
    client.force_login(editor)

    response = _restore(client, page, first)

    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.title, page.get_absolute_url()) == ("Stary tytuł", "/rt-h/")
