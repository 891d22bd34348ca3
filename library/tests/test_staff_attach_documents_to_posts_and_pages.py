from django.core.files.uploadedfile import SimpleUploadedFile

from adminsite.tests.forms import change_form_data
from conftest import pdf_bytes
from library.models import Document
from news.models import PostAttachment
from pages.models import Page, PageAttachment


def post_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Załączniki" in response.text
    return change_form_data(response)


def test_an_editor_attaches_library_documents_to_a_post_in_order(redaktor_client, make_post, make_document):
    post = make_post(title="Nabór wniosków")
    first, second = make_document("Regulamin naboru"), make_document("Formularz wniosku")
    url = f"/admin/news/post/{post.pk}/change/"
    form = post_form(redaktor_client, url)
    form.update(
        {
            "attachments-TOTAL_FORMS": "2",
            "attachments-0-document": str(second.pk),
            "attachments-0-position": "2",
            "attachments-1-document": str(first.pk),
            "attachments-1-position": "1",
        }
    )

    response = redaktor_client.post(url, form)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert [a.document for a in post.attachments.all()] == [first, second]


def test_an_editor_uploads_a_new_document_while_attaching_it(redaktor_client, make_post):
    post = make_post()
    url = f"/admin/news/post/{post.pk}/change/"
    form = post_form(redaktor_client, url)
    form.update(
        {
            "attachments-0-upload": SimpleUploadedFile("Wzór umowy.pdf", pdf_bytes(text="Umowa")),
            "attachments-0-upload_title": "Wzór umowy 2026",
        }
    )

    response = redaktor_client.post(url, form)

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title, document.file.name) == ("Wzór umowy 2026", "dokumenty/wzor-umowy-2026.pdf")
    assert PostAttachment.objects.get().document == document


def test_an_upload_without_a_title_is_refused_in_polish(redaktor_client, make_post):
    post = make_post()
    url = f"/admin/news/post/{post.pk}/change/"
    form = post_form(redaktor_client, url)
    form["attachments-0-upload"] = SimpleUploadedFile("umowa.pdf", pdf_bytes(text="Umowa"))

    response = redaktor_client.post(url, form)

    assert response.status_code == 200
    assert "Podaj tytuł nowego dokumentu: z niego powstanie jego adres." in response.text
    assert not Document.objects.exists()


def test_an_unsafe_upload_is_refused_as_in_the_library(redaktor_client, make_post):
    post = make_post()
    url = f"/admin/news/post/{post.pk}/change/"
    form = post_form(redaktor_client, url)
    form["attachments-0-upload"] = SimpleUploadedFile("umowa.pdf", b"<html>nie dokument</html>")
    form["attachments-0-upload_title"] = "Umowa"

    response = redaktor_client.post(url, form)

    assert response.status_code == 200
    assert "Plik nie jest dokumentem PDF" in response.text
    assert not Document.objects.exists()


def test_choosing_and_uploading_at_once_is_refused(redaktor_client, make_post, make_document):
    post, document = make_post(), make_document()
    url = f"/admin/news/post/{post.pk}/change/"
    form = post_form(redaktor_client, url)
    form["attachments-0-document"] = str(document.pk)
    form["attachments-0-upload"] = SimpleUploadedFile("umowa.pdf", pdf_bytes(text="Umowa"))
    form["attachments-0-upload_title"] = "Umowa"

    response = redaktor_client.post(url, form)

    assert "Wybierz dokument z biblioteki albo prześlij nowy plik, nie oba naraz." in response.text
    assert Document.objects.count() == 1 and not PostAttachment.objects.exists()


def test_an_editor_attaches_a_document_to_a_page(redaktor_client, make_document):
    page = Page.objects.create(title="Nabory", slug="nabory", body="<p>Nabory wniosków.</p>")
    document = make_document("Regulamin naboru")
    url = f"/admin/pages/page/{page.pk}/change/"
    form = post_form(redaktor_client, url)
    form["attachments-0-document"] = str(document.pk)

    response = redaktor_client.post(url, form)

    assert response.status_code == 302
    assert PageAttachment.objects.get().document == document


def test_the_editor_finds_a_document_by_title_in_the_autocomplete(redaktor_client, make_document):
    make_document("Regulamin naboru")
    make_document("Sprawozdanie roczne")

    response = redaktor_client.get(
        "/admin/autocomplete/",
        {"app_label": "news", "model_name": "postattachment", "field_name": "document", "term": "regulamin"},
    )

    assert response.status_code == 200
    found = [r["text"] for r in response.json()["results"]]
    assert len(found) == 1 and found[0].startswith("Regulamin naboru (PDF, ")


def test_a_post_form_without_the_attachments_section_keeps_them(redaktor_client, make_post, make_document):
    post = make_post(title="Nabór wniosków")
    PostAttachment.objects.create(post=post, document=make_document())
    url = f"/admin/news/post/{post.pk}/change/"
    form = {k: v for k, v in post_form(redaktor_client, url).items() if not k.startswith("attachments-")}
    form["title"] = "Nabór wniosków 2026"

    response = redaktor_client.post(url, form)

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "Nabór wniosków 2026"
    assert post.attachments.count() == 1


def test_a_refused_post_keeps_the_chosen_upload(redaktor_client, make_post):
    post = make_post()
    url = f"/admin/news/post/{post.pk}/change/"
    form = post_form(redaktor_client, url)
    form["attachments-0-upload"] = SimpleUploadedFile("umowa.pdf", pdf_bytes(text="Umowa"))

    refused = redaktor_client.post(url, form)  # no title for the new document
    again = change_form_data(refused)
    again["attachments-0-upload_title"] = "Wzór umowy"
    response = redaktor_client.post(url, again)

    assert response.status_code == 302
    assert PostAttachment.objects.get(post=post).document.title == "Wzór umowy"
