from django.core.management import call_command

from news.models import Category, Post
from partnerstwo.models import Page


def test_demo_content_loads_once_and_keeps_edits(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    post = Post.objects.get(slug="partnerstwo-lokalne-w-powiecie-nowodworskim")
    assert post.title == "Partnerstwo lokalne w powiecie nowodworskim"
    assert post.published_at.date().isoformat() == "2018-06-08"
    assert post.category.name == "Newsy"
    assert "<h2>" in post.body and "<ul>" in post.body
    post.title = "Tytuł zmieniony przez redakcję"
    post.save()
    counts = (Post.objects.count(), Category.objects.count(), Page.objects.count())

    call_command("seed_demo", stdout=open("/dev/null", "w"))

    assert (Post.objects.count(), Category.objects.count(), Page.objects.count()) == counts
    assert Post.objects.get(pk=post.pk).title == "Tytuł zmieniony przez redakcję"
    assert Page.objects.filter(slug="polityka-prywatnosci").exists()


def test_demo_post_is_shown_with_its_polish_date(client, db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    html = client.get("/aktualnosci/partnerstwo-lokalne-w-powiecie-nowodworskim/").text
    assert 'Opublikowano: <time datetime="2018-06-08T10:00:00+02:00">8 czerwca 2018</time>' in html
    assert 'Kategoria: <a href="/aktualnosci/kategoria/newsy/">Newsy</a>' in html
