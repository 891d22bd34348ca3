import re

from news.models import PostAttachment
from pages.models import Page, PageAttachment


def attachments_section(html):
    return re.search(r'<section class="attachments".*?</section>', html, re.S).group(0)


def test_a_post_lists_its_attachments_with_type_and_size(client, make_post, make_document):
    from conftest import pdf_bytes

    post = make_post()
    document = make_document("Regulamin naboru 2026", data=pdf_bytes(size=123_456, text="Regulamin"))
    PostAttachment.objects.create(post=post, document=document)

    section = attachments_section(client.get(post.get_absolute_url()).text)

    assert '<h2 id="zalaczniki">Załączniki</h2>' in section
    assert '<a href="/dokumenty/regulamin-naboru-2026.pdf">Regulamin naboru 2026</a>' in section
    assert "(PDF, 120,6\xa0KB)" in section  # Polish number formatting


def test_an_inaccessible_pdf_carries_the_accessibility_note(client, make_post, make_document):
    from conftest import pdf_bytes

    post = make_post()
    PostAttachment.objects.create(post=post, document=make_document("Skan uchwały", data=pdf_bytes()))

    section = attachments_section(client.get(post.get_absolute_url()).text)

    assert "Ten dokument nie jest w pełni dostępny: brak warstwy tekstowej (skan)" in section


def test_a_post_without_attachments_shows_no_section(client, make_post):
    post = make_post()

    assert "Załączniki" not in client.get(post.get_absolute_url()).text


def test_a_page_lists_its_attachments_in_their_order(client, make_document):
    page = Page.objects.create(title="Nabory", slug="nabory", body="<p>Nabory wniosków.</p>")
    PageAttachment.objects.create(page=page, document=make_document("Formularz"), position=2)
    PageAttachment.objects.create(page=page, document=make_document("Regulamin"), position=1)

    section = attachments_section(client.get("/nabory/").text)

    assert section.index("Regulamin") < section.index("Formularz")


def test_a_post_runs_the_same_queries_with_one_attachment_or_many(
    client, make_post, make_document, django_assert_num_queries, cold_render
):
    post = make_post()
    PostAttachment.objects.create(post=post, document=make_document("Dokument 0"))
    client.get(post.get_absolute_url())  # warm up: one-off lookups
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(post.get_absolute_url())
    for n in range(1, 6):
        PostAttachment.objects.create(post=post, document=make_document(f"Dokument {n}"), position=n)

    with django_assert_num_queries(len(one)):
        response = client.get(post.get_absolute_url())

    assert response.text.count("/dokumenty/dokument-") == 6


def test_a_replaced_document_renews_the_cached_post(
    client, make_post, make_document, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetings.tests.conftest import docx_bytes

    post = make_post()
    document = make_document("Wniosek")
    PostAttachment.objects.create(post=post, document=document)
    assert "(PDF, " in client.get(post.get_absolute_url()).text

    with django_capture_on_commit_callbacks(execute=True):
        document.file = SimpleUploadedFile("wniosek.docx", docx_bytes())
        document.save()

    html = client.get(post.get_absolute_url()).text
    assert "(DOCX, " in html and "/dokumenty/wniosek.docx" in html
