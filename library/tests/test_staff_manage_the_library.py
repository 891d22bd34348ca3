from news.models import PostAttachment
from pages.models import Page, PageAttachment

LIST = "/admin/library/document/"


def test_the_list_finds_documents_by_title(redaktor_client, make_document):
    make_document("Regulamin naboru")
    make_document("Sprawozdanie roczne")

    response = redaktor_client.get(LIST, {"q": "sprawozdanie"})

    assert "Sprawozdanie roczne" in response.text and "Regulamin naboru" not in response.text


def test_the_list_filters_by_kind_and_by_use(redaktor_client, make_document, make_post):
    from meetings.tests.conftest import docx_bytes

    used = make_document("Regulamin naboru")
    make_document("Wniosek", data=docx_bytes(), name="wniosek.docx")
    PostAttachment.objects.create(post=make_post(), document=used)
    PageAttachment.objects.create(page=Page.objects.create(title="Nabory", slug="nabory"), document=used)

    def titles(**params):
        response = redaktor_client.get(LIST, params)
        assert response.status_code == 200
        return [d.title for d in response.context["cl"].result_list]

    assert titles(uzycie="uzywane") == ["Regulamin naboru"]
    assert titles(uzycie="nieuzywane") == ["Wniosek"]
    assert titles(rodzaj="docx") == ["Wniosek"]
    response = redaktor_client.get(LIST)
    assert "2 miejsca" in response.text and "nieużywany" in response.text


def test_the_list_runs_the_same_queries_with_one_document_or_many(
    redaktor_client, make_document, make_post, django_assert_num_queries
):
    PostAttachment.objects.create(post=make_post(), document=make_document("Dokument 0"))
    redaktor_client.get(LIST)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        redaktor_client.get(LIST)
    for n in range(1, 6):
        PostAttachment.objects.create(post=make_post(), document=make_document(f"Dokument {n}"))

    with django_assert_num_queries(len(one)):
        redaktor_client.get(LIST)


def test_a_document_says_where_it_is_used_with_links(redaktor_client, make_document, make_post):
    document = make_document("Regulamin naboru")
    post = make_post(title="Nabór wniosków 2026")
    page = Page.objects.create(title="Nabory", slug="nabory")
    PostAttachment.objects.create(post=post, document=document)
    PageAttachment.objects.create(page=page, document=document)

    html = redaktor_client.get(f"{LIST}{document.pk}/change/").text

    assert "Gdzie użyto" in html
    assert f'<a href="/admin/news/post/{post.pk}/change/">Wpis „Nabór wniosków 2026”</a>' in html
    assert f'<a href="/admin/pages/page/{page.pk}/change/">Strona „Nabory”</a>' in html


def test_an_unused_document_says_so(redaktor_client, make_document):
    document = make_document("Regulamin naboru")

    html = redaktor_client.get(f"{LIST}{document.pk}/change/").text

    assert "Nigdzie: dokumentu nie dołączono do żadnego wpisu ani strony." in html
