"""The editor's „Dokument z biblioteki” dialog asks two admin addresses (adminsite/views.py):
the newest or the found documents for staff who edit rich text and may view the library, and a new
document checked exactly as the library's own „Dodaj” form checks it."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat

from accounts.roles import AUTHOR, MODERATOR
from conftest import pdf_bytes
from library.models import Document
from meetings.tests.conftest import zip_bytes

LIST = "/admin/biblioteka/dokumenty/"
UPLOAD = "/admin/biblioteka/dokumenty/dodaj/"


def pdf(name="regulamin.pdf", **options):
    return SimpleUploadedFile(name, pdf_bytes(text="Regulamin naboru", **options), content_type="application/pdf")


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    assert client.get(LIST).status_code == 302
    response = client.post(UPLOAD, {"title": "Regulamin", "file": pdf()})
    assert response.status_code == 302
    assert not Document.objects.exists()


@pytest.mark.parametrize("role", [MODERATOR, AUTHOR])
def test_staff_without_the_library_get_403(client, staff_in_role, make_document, role):
    make_document()
    client.force_login(staff_in_role(role))

    response = client.get(LIST)
    assert response.status_code == 403
    assert response.json()["error"].startswith("Biblioteka dokumentów jest dostępna dla osób")
    assert client.post(UPLOAD, {"title": "Regulamin", "file": pdf()}).status_code == 403
    assert Document.objects.count() == 1


def test_a_partner_institutions_account_sees_no_library(client, partner_account, make_document):
    """The role holds no permission of the library: its documents are listed by the office only."""
    make_document()
    client.force_login(partner_account)

    assert client.get(LIST).status_code == 403
    assert client.post(UPLOAD, {"title": "Regulamin", "file": pdf()}).status_code == 403


def test_staff_who_may_only_view_the_library_list_it_but_may_not_add(client, django_user_model, make_document):
    user = django_user_model.objects.create_user(username="ola@pup.example", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["change_post", "view_post", "view_document"]))
    make_document()
    client.force_login(user)

    assert client.get(LIST).status_code == 200
    response = client.post(UPLOAD, {"title": "Regulamin", "file": pdf()})
    assert response.status_code == 403
    assert "uprawnienia" in response.json()["error"]


def test_viewing_the_library_alone_does_not_open_it_to_someone_who_edits_no_text(
    client, django_user_model, make_document
):
    user = django_user_model.objects.create_user(username="jan@pup.example", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_document"))
    client.force_login(user)
    assert client.get(LIST).status_code == 403


def test_the_list_gives_the_newest_documents_with_type_and_size(redaktor_client, make_document):
    make_document("Regulamin naboru 2025")
    newest = make_document("Uchwała nr 5/2025")

    response = redaktor_client.get(LIST)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    first = response.json()["results"][0]
    assert first == {
        "id": newest.pk,
        "title": "Uchwała nr 5/2025",
        "url": "/dokumenty/uchwala-nr-5-2025.pdf",
        "label": newest.label,
        "kind": "pdf",
    }
    assert first["label"] == f"PDF, {filesizeformat(newest.size)}"
    assert [row["title"] for row in response.json()["results"]] == ["Uchwała nr 5/2025", "Regulamin naboru 2025"]


def test_the_search_finds_documents_by_title(redaktor_client, make_document):
    make_document("Regulamin naboru 2026")
    make_document("Uchwała nr 5/2025")

    results = redaktor_client.get(LIST, {"q": "uchwała"}).json()["results"]

    assert [row["title"] for row in results] == ["Uchwała nr 5/2025"]
    assert redaktor_client.get(LIST, {"q": "nic takiego"}).json()["results"] == []


def test_the_list_holds_twenty_documents_at_most(redaktor_client, make_document):
    for n in range(21):
        make_document(f"Dokument {n}")
    results = redaktor_client.get(LIST).json()["results"]
    assert len(results) == 20
    assert results[0]["title"] == "Dokument 20"


def test_the_list_runs_the_same_queries_for_one_document_or_twenty(
    redaktor_client, make_document, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_document("Dokument 0")
    redaktor_client.get(LIST)  # warm up: one-off lookups
    with CaptureQueriesContext(connection) as one:
        redaktor_client.get(LIST)
    for n in range(1, 20):
        make_document(f"Dokument {n}")

    with django_assert_num_queries(len(one)):
        response = redaktor_client.get(LIST)

    assert len(response.json()["results"]) == 20


def test_an_unknown_kind_is_404(redaktor_client):
    assert redaktor_client.get("/admin/biblioteka/obrazy-z-kosmosu/").status_code == 404


def test_a_redaktor_adds_a_document_and_gets_its_address_and_label(redaktor_client):
    tagged = pdf(tagged=True, lang="pl", title="Regulamin naboru")

    response = redaktor_client.post(UPLOAD, {"title": "Regulamin naboru 2026", "file": tagged})

    assert response.status_code == 201
    document = Document.objects.get()
    assert response.json() == {
        "result": {
            "id": document.pk,
            "title": "Regulamin naboru 2026",
            "url": "/dokumenty/regulamin-naboru-2026.pdf",
            "label": document.label,
            "kind": "pdf",
        },
        "warning": "",
    }


def test_an_untagged_pdf_is_added_with_the_librarys_warning(redaktor_client):
    response = redaktor_client.post(UPLOAD, {"title": "Skan uchwały", "file": pdf()})

    assert response.status_code == 201
    assert "Skan uchwały" in response.json()["warning"]
    assert Document.objects.get().pdf_problems


def test_a_program_is_refused_in_polish(redaktor_client):
    program = SimpleUploadedFile("instalator.exe", b"MZ\x90\x00" + b"\x00" * 200)

    response = redaktor_client.post(UPLOAD, {"title": "Instalator", "file": program})

    assert response.status_code == 400
    assert response.json()["errors"][0].startswith("Plik: ")
    assert not Document.objects.exists()


def test_a_presentation_is_refused_with_the_librarys_own_words(redaktor_client):
    pptx = zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})

    response = redaktor_client.post(UPLOAD, {"title": "Prezentacja", "file": SimpleUploadedFile("p.pptx", pptx)})

    assert response.status_code == 400
    assert response.json()["errors"] == [
        "Plik: Biblioteka przyjmuje tylko dokumenty PDF, DOCX, ODT, XLSX lub ODS, a ten plik to PPTX."
    ]


def test_a_too_large_document_is_refused_in_polish(redaktor_client, settings):
    settings.MAX_DOCUMENT_UPLOAD_MB = 1
    big = SimpleUploadedFile("duzy.pdf", pdf_bytes(1024 * 1024 + 1))

    response = redaktor_client.post(UPLOAD, {"title": "Duży", "file": big})

    assert response.status_code == 400
    assert response.json()["errors"] == [
        "Plik: Plik jest za duży (1,0\xa0MB). Największy dozwolony rozmiar to 1,0\xa0MB."
    ]
    assert not Document.objects.exists()


def test_a_missing_title_is_refused_and_nothing_is_stored(redaktor_client):
    response = redaktor_client.post(UPLOAD, {"title": "", "file": pdf()})

    assert response.status_code == 400
    assert response.json()["errors"] == ["Tytuł: To pole jest wymagane."]
    assert not Document.objects.exists()


def test_uploads_from_the_editor_share_the_image_uploads_rate_limit(redaktor_client, monkeypatch):
    from adminsite import views

    monkeypatch.setattr(views, "is_limited", lambda scope, key, **limits: scope == "editor-upload")
    response = redaktor_client.post(UPLOAD, {"title": "Regulamin", "file": pdf()})
    assert response.status_code == 429
    assert "Spróbuj ponownie" in response.json()["error"]


def test_the_post_form_gives_the_editor_the_librarys_addresses(redaktor_client):
    html = redaktor_client.get("/admin/news/post/add/").text

    images, documents = sorted(
        editor_config(html)["partnerstwoLibrary"], key=lambda kind: kind["toolbarName"] != "libraryImage"
    )
    assert (images["toolbarName"], images["allowed"], images["insert"]) == ("libraryImage", True, "image")
    assert images["listUrl"] == "http://testserver/admin/biblioteka/obrazy/" and "uploadUrl" not in images
    assert documents["toolbarName"] == "libraryDocument"
    assert documents["allowed"] is True
    assert documents["button"] == "Dokument z biblioteki"
    assert documents["listUrl"] == f"http://testserver{LIST}"
    assert documents["uploadUrl"] == f"http://testserver{UPLOAD}"
    assert [field["label"] for field in documents["uploadFields"]] == ["Tytuł", "Plik"]


def test_a_writer_gets_the_editor_without_the_library_button(client, staff_in_role):
    client.force_login(staff_in_role(AUTHOR))
    html = client.get("/admin/news/post/add/").text

    assert editor_config(html)["partnerstwoLibrary"] == [
        {"toolbarName": "libraryDocument", "allowed": False},
        {"toolbarName": "libraryImage", "allowed": False},
    ]


def test_a_partner_institutions_account_gets_the_editor_without_the_library_button(client, partner_account):
    client.force_login(partner_account)
    html = client.get("/admin/news/post/add/").text

    assert editor_config(html)["partnerstwoLibrary"] == [
        {"toolbarName": "libraryDocument", "allowed": False},
        {"toolbarName": "libraryImage", "allowed": False},
    ]


def editor_config(html):
    """The body editor's config, as django-ckeditor-5 prints it for its script."""
    return json.loads(html.split('id="id_body_script"')[1].split(">", 1)[1].split("</script>")[0])


@pytest.fixture
def partner_account(staff_in_role, make_institution):
    from accounts.roles import PARTNER
    from members.models import InstitutionAccount

    user = staff_in_role(PARTNER, email="nasielsk@pup.example")
    InstitutionAccount.objects.create(user=user, institution=make_institution(name="Urząd Miejski w Nasielsku"))
    return user
