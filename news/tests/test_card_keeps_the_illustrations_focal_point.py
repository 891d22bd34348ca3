"""A card crops a post's illustration to 4:3; the part staff chose stays in view (a class mapped
to object-position in site.css, no inline style)."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import image_bytes
from news.models import ImageFocus, Post


def with_image(make_post, **fields):
    image = SimpleUploadedFile("sala.jpg", image_bytes(size=(1200, 400)))
    return make_post(image=image, image_alt="Sala obrad", **fields)


def test_a_chosen_focal_point_is_a_class_on_the_card_image(client, make_post):
    with_image(make_post, title="Zebranie", image_focus=ImageFocus.TOP_LEFT)

    html = client.get("/aktualnosci/").text

    assert 'class="card-image focus-top-left"' in html
    assert "style=" not in html.split('class="card-image')[1].split(">")[0]


def test_the_centre_adds_no_class(client, make_post):
    post = with_image(make_post, title="Zebranie")
    assert post.image_focus == ImageFocus.CENTER

    assert 'class="card-image"' in client.get("/aktualnosci/").text


def test_every_focal_point_has_its_rule_in_a_stylesheet_the_card_pages_link(db, client):
    css = (Path(settings.BASE_DIR) / "static/css/card-focus.css").read_text()
    for focus in ImageFocus:
        if focus != ImageFocus.CENTER:
            assert f".card-image.focus-{focus.value} {{ object-position:" in css
    for address in ("/aktualnosci/", "/"):
        assert 'href="/static/css/card-focus.css"' in client.get(address).text


def test_the_admin_offers_the_choice_in_polish(client, alice):
    client.force_login(alice)
    html = client.get("/admin/news/post/add/").text
    assert "Najważniejsza część ilustracji" in html
    assert "lewy górny róg" in html and "środek" in html
    assert Post._meta.get_field("image_focus").default == "center"


def test_staff_choose_it_in_the_admin_and_a_form_without_it_keeps_it(client, alice, make_post):
    from adminsite.tests.forms import change_form_data

    post = with_image(make_post, title="Zebranie")
    client.force_login(alice)
    url = f"/admin/news/post/{post.pk}/change/"
    form = change_form_data(client.get(url))
    form["image_focus"] = "bottom-right"
    assert client.post(url, form).status_code == 302
    post.refresh_from_db()
    assert post.image_focus == ImageFocus.BOTTOM_RIGHT

    form = change_form_data(client.get(url))
    del form["image_focus"]  # a tab opened before the field existed
    form["title"] = "Zebranie partnerów"
    assert client.post(url, form).status_code == 302
    post.refresh_from_db()
    assert (post.title, post.image_focus) == ("Zebranie partnerów", ImageFocus.BOTTOM_RIGHT)
