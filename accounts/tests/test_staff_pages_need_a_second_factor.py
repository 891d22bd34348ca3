"""Staff without an authenticator app get nothing a reader does not, on any address of the site.

Every URL pattern is visited (tests/urlmap.py) by a reader, by staff with TOTP and by
staff without it: wherever the reader is refused and staff with TOTP are served, staff
without TOTP must be refused too, or sent to set up the authenticator app.
"""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import image_bytes
from news.models import Category, Post
from pages.models import Page
from tests.urlmap import site_urls

ACTIVATE = "/konto/weryfikacja-dwuetapowa/aplikacja/wlacz/"
LOGIN_PAGES = ("/admin/login/", "/konto/zaloguj/")


@pytest.fixture
def sample_objects(db):
    """A draft, and an unpublished institution, at the sample slug: staff preview them, readers get 404."""
    from members.models import Gmina, Institution, InstitutionKind

    Institution.objects.create(
        name="Przykład", slug="przyklad", kind=InstitutionKind.GMINA, gmina=Gmina.NASIELSK, is_published=False
    )
    category = Category.objects.create(name="Przykład", slug="przyklad")
    Post.objects.create(
        title="Szkic", slug="przyklad", category=category, body="<p>Szkic</p>", status=Post.Status.DRAFT
    )
    Page.objects.create(title="Przykład", slug="przyklad", body="<p>Treść</p>")


@pytest.fixture
def clients(db, alice, bob, django_user_model, settings, sample_objects):
    settings.MFA_REQUIRED_FOR_STAFF = True
    TOTP.activate(alice, generate_totp_secret())
    carol = django_user_model.objects.create(
        username="carol@pup.example", email="carol@pup.example", is_staff=True, is_superuser=True
    )
    made = {}
    for name, user in [("reader", bob), ("staff", alice), ("staff_without_totp", carol)]:
        made[name] = Client()
        made[name].force_login(user)
    return made


def _refused(response):
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].startswith(LOGIN_PAGES)


def _served(response):
    return response.status_code < 300 or response.status_code == 400  # 400: a form's own answer


def _visit(client, method, url):
    if method == "GET":
        return client.get(url)
    upload = SimpleUploadedFile("a.png", image_bytes("PNG"), content_type="image/png")
    return client.post(url, {"upload": upload})


@pytest.mark.sweep
def test_every_staff_only_address_refuses_staff_without_a_second_factor(clients):
    checked = []
    for url, name in site_urls():
        if "logout" in name:
            continue
        for method in ("GET", "POST"):
            if method == "POST" and clients["reader"].get(url).status_code != 405:
                continue  # POST only where a page takes nothing but posts (GET answers 405)
            reader = _visit(clients["reader"], method, url)
            staff = _visit(clients["staff"], method, url)
            if not (_refused(reader) and _served(staff)):
                continue
            checked.append(f"{method} {url}")
            response = _visit(clients["staff_without_totp"], method, url)
            sent_to_set_up = response.status_code == 302 and response["Location"] == ACTIVATE
            assert sent_to_set_up or response.status_code == reader.status_code, (
                f"{method} {url} ({name}): {response.status_code} for staff without a second factor"
            )
    # The walk really met the admin, the editor's upload and the draft preview.
    assert "GET /admin/" in checked
    assert "POST /ckeditor5/image_upload/" in checked
    assert "GET /aktualnosci/przyklad/" in checked


def test_staff_without_a_second_factor_cannot_upload_through_the_editor(clients):
    upload = SimpleUploadedFile("a.png", image_bytes("PNG"), content_type="image/png")
    response = clients["staff_without_totp"].post("/ckeditor5/image_upload/", {"upload": upload})
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


def test_staff_without_a_second_factor_do_not_see_drafts(clients):
    assert clients["staff"].get("/aktualnosci/przyklad/").status_code == 200
    assert clients["staff_without_totp"].get("/aktualnosci/przyklad/").status_code == 404
