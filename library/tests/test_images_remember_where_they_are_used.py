"""Every save of a text that shows a library image records where the image is used, through the
registry (library/uses.py) the apps above the library fill from their AppConfig.ready()."""

from django.contrib.contenttypes.models import ContentType

from library import uses
from library.models import Image, ImageUse, image_title
from meetings.models import Meeting
from news.models import Post
from pages.models import Page


def img_tag(image):
    return f'<figure class="image"><img src="{image.url}" alt="Sala"></figure>'


def test_the_apps_with_rich_text_register_their_fields():
    registered = uses.registered()
    assert registered[Post] == (("body",), "Wpis")
    assert registered[Page] == (("body",), "Strona")
    assert registered[Meeting] == (("description",), "Spotkanie")


def test_a_title_is_read_from_the_file_name():
    assert image_title("sala_obrad.JPG") == "Sala obrad"
    assert image_title("Sala obrad w Łomiankach.jpeg") == "Sala obrad w Łomiankach"
    assert image_title(".jpg") == "Obraz"


def test_the_largest_copy_names_every_file(make_image):
    image = make_image(size=(2000, 1500))
    assert image.width == 1600 and image.height == 1200
    stem = image.file.removesuffix("-1600w.jpg")
    assert image.file_names == [image.file, f"{stem}-480w.jpg", f"{stem}-960w.jpg"]
    assert image.thumbnail_url == f"/media/{stem}-480w.jpg"
    assert (image.thumbnail_width, image.thumbnail_height) == (480, 360)


def test_saving_a_post_records_and_forgets_its_images(make_image, make_post):
    shown, other = make_image("Sala obrad.jpg"), make_image("Plakat.png", fmt="PNG")
    post = make_post(title="Nabór wniosków", body=f"<p>Tekst</p>{img_tag(shown)}")

    use = ImageUse.objects.get()
    assert (use.image, use.content_type.model_class(), use.object_id, use.title) == (
        shown,
        Post,
        post.pk,
        "Nabór wniosków",
    )

    post.body = img_tag(other)
    post.save()
    assert list(ImageUse.objects.values_list("image", flat=True)) == [other.pk]
    assert list(Image.objects.used()) == [other]
    assert list(Image.objects.unused()) == [shown]

    post.delete()
    assert not ImageUse.objects.exists()


def test_a_page_and_a_meeting_count_too(make_image, make_post):
    image = make_image()
    page = Page.objects.create(title="O partnerstwie", slug="o-partnerstwie", body=img_tag(image))
    assert ImageUse.objects.get().content_type == ContentType.objects.get_for_model(Page)
    assert ImageUse.objects.get().object_id == page.pk


def test_the_daily_check_mends_what_an_update_left_out(make_image, make_post):
    image = make_image()
    post = make_post(body="<p>Bez obrazu</p>")
    Post.objects.filter(pk=post.pk).update(body=img_tag(image))  # no signal
    assert not ImageUse.objects.exists()

    assert uses.refresh_all() == 1
    assert ImageUse.objects.get().object_id == post.pk
    assert uses.refresh_all() == 0

    Post.objects.filter(pk=post.pk).update(body="<p>Bez obrazu</p>")
    assert uses.refresh_all() == 1
    assert not ImageUse.objects.exists()


def test_an_address_of_another_kind_is_not_a_use(make_image, make_post):
    image = make_image()
    make_post(body=f'<p><a href="https://example.com{image.url}x">link</a> <img src="/media/inne/x.jpg" alt="x"></p>')
    assert not ImageUse.objects.exists()


def test_the_first_text_alternative_in_a_text_becomes_the_librarys(make_image, make_post):
    image = make_image()
    make_post(body=f'<figure class="image"><img src="{image.url}" alt="Sala obrad &amp; scena"></figure>')
    image.refresh_from_db()
    assert image.alt == "Sala obrad & scena"

    make_post(body=f'<figure class="image"><img src="{image.url}" alt="Inny opis"></figure>')
    image.refresh_from_db()
    assert image.alt == "Sala obrad & scena"


def test_every_model_edited_with_the_rich_text_editor_is_registered():
    from agreement.models import Agreement
    from meetings.models import Report
    from members.models import Institution
    from newsletter.models import Issue
    from pages.models import ActivityInformation, HomePage

    registered = set(uses.registered())
    assert {Post, Page, Meeting, Report, Institution, Issue, ActivityInformation, Agreement, HomePage} <= registered


def test_an_image_in_the_home_pages_introduction_links_to_its_form(make_image, client, alice):
    from pages.models import HomePage

    image = make_image()
    home = HomePage.load()
    home.home_intro = img_tag(image)
    home.save()

    client.force_login(alice)
    html = client.get(f"/admin/library/image/{image.pk}/change/").text
    assert f'<a href="/admin/pages/homepage/{home.pk}/change/">Strona główna</a>' in html
    uses.refresh_all()
    assert ImageUse.objects.count() == 1
