"""„Biblioteka → Obrazy”: the images put into rich text, with thumbnails, sizes, use counts and
where each is used, found by title and filtered by use."""

import pytest

LIST = "/admin/library/image/"


def shown_in(image):
    return f'<p>Tekst</p><figure class="image"><img src="{image.url}" alt="Sala"></figure>'


def test_the_admin_index_shows_documents_and_images_under_the_library(redaktor_client):
    html = redaktor_client.get("/admin/").text
    assert "Biblioteka" in html
    assert f'href="{LIST}"' in html
    assert 'href="/admin/library/document/"' in html


def test_the_list_shows_a_thumbnail_with_alt_its_size_and_uses(redaktor_client, make_image, make_post):
    image = make_image("Sala obrad.jpg", alt="Sala obrad z rzędami krzeseł")
    make_post(body=shown_in(image))
    make_post(body=shown_in(image))

    html = redaktor_client.get(LIST).text

    assert "<h1>Obrazy</h1>" in html
    assert f'src="{image.thumbnail_url}" width="480" height="360" alt="Sala obrad z rzędami krzeseł"' in html
    assert "Sala obrad" in html
    assert "1600 × 1200 px" in html
    assert "KB" in html
    assert "2 miejsca" in html


def test_the_list_finds_images_by_title_and_filters_by_use(redaktor_client, make_image, make_post):
    used = make_image("Sala obrad.jpg")
    make_image("Plakat naboru.png", fmt="PNG")
    make_post(body=shown_in(used))

    found = redaktor_client.get(LIST, {"q": "plakat"}).text
    assert "Plakat naboru" in found and "Sala obrad" not in found
    in_use = redaktor_client.get(LIST, {"uzycie": "uzywane"}).text
    assert "Sala obrad" in in_use and "Plakat naboru" not in in_use
    not_in_use = redaktor_client.get(LIST, {"uzycie": "nieuzywane"}).text
    assert "Plakat naboru" in not_in_use and "Sala obrad" not in not_in_use
    assert "nieużywany" in not_in_use


def test_the_list_runs_the_same_queries_with_one_image_or_five(
    redaktor_client, make_image, make_post, django_assert_num_queries
):
    make_post(body=shown_in(make_image("Obraz 0.jpg", size=(600, 400))))
    redaktor_client.get(LIST)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        redaktor_client.get(LIST)
    for n in range(1, 5):
        make_post(body=shown_in(make_image(f"Obraz {n}.jpg", size=(600, 400))))

    with django_assert_num_queries(len(one)):
        assert redaktor_client.get(LIST).text.count("1 miejsce") == 5


def test_an_image_says_where_it_is_used_with_links(redaktor_client, make_image, make_post, django_assert_num_queries):
    from pages.models import Page

    image = make_image("Sala obrad.jpg")
    post = make_post(title="Nabór wniosków 2026", body=shown_in(image))
    page = Page.objects.create(title="O partnerstwie", slug="o-partnerstwie", body=shown_in(image))

    html = redaktor_client.get(f"{LIST}{image.pk}/change/").text

    assert "Gdzie użyto" in html
    assert f'<a href="/admin/news/post/{post.pk}/change/">Wpis „Nabór wniosków 2026”</a>' in html
    assert f'<a href="/admin/pages/page/{page.pk}/change/">Strona „O partnerstwie”</a>' in html
    assert "Zastąp plik" in html


def test_an_unused_image_says_so(redaktor_client, make_image):
    image = make_image()
    html = redaktor_client.get(f"{LIST}{image.pk}/change/").text
    assert "Nigdzie: żaden zapisany wpis, strona ani spotkanie nie pokazuje tego obrazu." in html


def test_images_are_not_added_here(redaktor_client):
    assert redaktor_client.get(f"{LIST}add/").status_code == 403


@pytest.mark.parametrize("field", ["title", "alt"])
def test_staff_rename_an_image_and_give_it_an_alt(redaktor_client, make_image, field):
    from adminsite.tests.forms import change_form_data

    image = make_image()
    url = f"{LIST}{image.pk}/change/"
    form = change_form_data(redaktor_client.get(url))
    form[field] = "Sala obrad w starostwie"

    assert redaktor_client.post(url, form).status_code == 302
    image.refresh_from_db()
    assert getattr(image, field) == "Sala obrad w starostwie"


def test_the_change_page_runs_the_same_queries_with_one_use_or_five(redaktor_client, make_image, make_post):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    image = make_image()
    make_post(body=shown_in(image))
    url = f"{LIST}{image.pk}/change/"
    redaktor_client.get(url)
    with CaptureQueriesContext(connection) as one:
        redaktor_client.get(url)
    for _ in range(4):
        make_post(body=shown_in(image))

    with CaptureQueriesContext(connection) as five:
        assert redaktor_client.get(url).text.count('">Wpis „Wpis numer') == 5
    assert len(five) == len(one)
