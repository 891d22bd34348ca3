import os

from library.models import Document
from news.models import PostAttachment

LIST = "/admin/library/document/"


def test_deleting_a_used_document_is_refused_with_where_it_is_used(redaktor_client, make_document, make_post):
    document = make_document("Regulamin naboru")
    PostAttachment.objects.create(post=make_post(title="Nabór wniosków"), document=document)

    page = redaktor_client.get(f"{LIST}{document.pk}/delete/")
    sent = redaktor_client.post(f"{LIST}{document.pk}/delete/", {"post": "yes"})

    for response in (page, sent):
        assert "Nie można usunąć dokumentu „Regulamin naboru" in response.text
        assert "bo jest załącznikiem tych wpisów i stron" in response.text
        assert "wpis „Nabór wniosków”" in response.text
    assert Document.objects.filter(pk=document.pk).exists()
    assert os.path.exists(document.file.path)


def test_a_document_of_a_post_in_the_trash_is_still_refused(redaktor_client, make_document, make_post):
    document = make_document("Regulamin naboru")
    post = make_post(title="Nabór wniosków")
    PostAttachment.objects.create(post=post, document=document)
    post.move_to_trash()

    redaktor_client.post(f"{LIST}{document.pk}/delete/", {"post": "yes"})

    assert Document.objects.filter(pk=document.pk).exists()
    html = redaktor_client.get(f"{LIST}{document.pk}/change/").text
    assert "Wpis „Nabór wniosków”</a> (w koszu)" in html


def test_bulk_delete_of_used_documents_is_refused(redaktor_client, make_document, make_post):
    used, unused = make_document("Regulamin naboru"), make_document("Stary wniosek")
    PostAttachment.objects.create(post=make_post(), document=used)

    response = redaktor_client.post(
        LIST, {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"}
    )

    assert "Nie można usunąć 2 dokumentów: wśród nich są załączniki wpisów lub stron z tej listy." in response.text
    assert Document.objects.count() == 2


def test_an_unused_document_is_deleted_with_its_file(
    redaktor_client, make_document, django_capture_on_commit_callbacks
):
    document = make_document("Stary wniosek")
    path = document.file.path

    with django_capture_on_commit_callbacks(execute=True):
        response = redaktor_client.post(f"{LIST}{document.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Document.objects.exists()
    assert not os.path.exists(path)
