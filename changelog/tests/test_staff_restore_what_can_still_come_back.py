"""A restore brings back what still exists, and says in Polish what it could not."""

import reversion
from django.core.files.base import ContentFile
from django.core.management import call_command
from reversion.models import Version

from conftest import image_bytes
from news.models import Category, Post


def _save_version(obj, user, **fields):
    with reversion.create_revision():
        reversion.set_user(user)
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()


def test_a_version_pointing_at_a_deleted_category_is_refused_with_a_reason(client, editor, make_post):
    old = Category.objects.create(name="Archiwum", slug="archiwum")
    post = make_post(title="Stary wpis", category=old)
    _save_version(post, editor, body="<p>Pierwsza treść.</p>")
    _save_version(post, editor, category=Category.objects.exclude(pk=old.pk).get(), body="<p>Nowa treść.</p>")
    old.delete()
    client.force_login(editor)
    first = Version.objects.get_for_object(post).order_by("pk").first()
    response = client.post(f"/admin/news/post/{post.pk}/history/{first.pk}/restore/", follow=True)
    assert "Nie można przywrócić tej wersji: pole „kategoria” wskazuje obiekt, którego już nie ma." in response.text
    assert Post.objects.get().body == "<p>Nowa treść.</p>"
    assert Version.objects.get_for_object(post).count() == 2


def test_a_deleted_file_is_not_brought_back_and_the_text_is(client, editor, make_post):
    post = make_post(title="Wpis z ilustracją")
    _save_version(post, editor, image=ContentFile(image_bytes(), name="stara.jpg"), image_alt="Stara ilustracja")
    old_name = post.image.name
    _save_version(post, editor, image=ContentFile(image_bytes(), name="nowa.jpg"), body="<p>Nowa treść.</p>")
    post.image.storage.delete(old_name)
    client.force_login(editor)
    first = Version.objects.get_for_object(post).order_by("pk").first()
    response = client.post(f"/admin/news/post/{post.pk}/history/{first.pk}/restore/", follow=True)
    assert "Przywrócono wersję z" in response.text
    assert "Nie przywrócono: plik w polu „ilustracja” (nie ma go już na serwerze)." in response.text
    post.refresh_from_db()
    assert post.body == "<p>Treść wpisu.</p>" and post.image_alt == "Stara ilustracja"
    assert post.image.name.startswith("aktualnosci/") and "nowa" in post.image.name


def test_content_saved_before_versions_existed_gets_a_first_one_on_request(make_post):
    post = make_post(title="Wpis sprzed wersji")
    call_command("createinitialrevisions", "news.Post", comment="Wersja początkowa", stdout=open("/dev/null", "w"))
    version = Version.objects.get_for_object(post).get()
    assert version.revision.comment == "Wersja początkowa" and version.field_dict["title"] == "Wpis sprzed wersji"
