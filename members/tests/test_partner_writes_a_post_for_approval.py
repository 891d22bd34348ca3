"""A gmina's account writes a post and sends it for approval; the Redaktor sees its gmina and publishes it."""

from django.core import mail

from adminsite.tests.forms import change_form_data
from news.models import Post


def test_the_post_gets_the_partners_institution_and_waits_for_approval(
    client, from_nasielsk, nasielsk, czosnow, category, editor, settings, in_background
):
    settings.STAFF_NOTIFY_EMAILS = []
    client.force_login(from_nasielsk)
    page = client.get("/admin/news/post/add/")
    assert page.status_code == 200
    assert 'name="_submit_for_review"' in page.text and 'name="_approve"' not in page.text
    assert 'name="institution"' not in page.text  # set on save, shown read-only
    assert 'name="author"' not in page.text  # no list of every staff account
    data = change_form_data(page) | {
        "title": "Dni Nasielska 2027",
        "category": str(category.pk),
        "body": "<p>Zapraszamy.</p>",
        "published_at_0": "2026-12-10",
        "published_at_1": "10:00:00",
        "institution": str(czosnow.pk),  # a forged field changes nothing
        "status": Post.Status.PUBLISHED,  # nor does a forged status
        "_submit_for_review": "1",
    }
    with in_background():
        response = client.post("/admin/news/post/add/", data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    post = Post.objects.get()
    assert (post.institution, post.status, post.author) == (nasielsk, Post.Status.SUBMITTED, from_nasielsk)
    assert not post.is_public
    assert [m.to for m in mail.outbox] == [["redakcja@pup.example"]]

    page = client.get(f"/admin/news/post/{post.pk}/change/").text
    assert "Urząd Miejski w Nasielsku" in page


def test_the_redaktor_sees_the_gmina_and_publishes_the_post(client, editor, make_post, from_nasielsk, nasielsk):
    post = make_post(
        title="Dni Nasielska 2027",
        status=Post.Status.SUBMITTED,
        institution=nasielsk,
        author=from_nasielsk,
        submitted_by=from_nasielsk,
    )
    client.force_login(editor)
    assert "(Nasielsk)" in client.get("/admin/news/post/", {"stan": "czeka"}).text
    page = client.get(f"/admin/news/post/{post.pk}/change/")
    assert 'name="institution"' in page.text  # the approver may correct it
    data = change_form_data(page) | {"_approve": "1"}
    assert client.post(f"/admin/news/post/{post.pk}/change/", data).status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.institution == nasielsk
    assert client.get(post.get_absolute_url()).status_code == 200


def test_a_published_post_is_only_viewed_by_its_gmina(client, make_post, from_nasielsk, nasielsk):
    post = make_post(title="Opublikowany", institution=nasielsk)
    client.force_login(from_nasielsk)
    page = client.get(f"/admin/news/post/{post.pk}/change/")
    assert page.status_code == 200 and 'name="title"' not in page.text
