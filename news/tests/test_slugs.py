from core.text import slugify_pl
from news.models import Post


def test_polish_titles_are_transliterated():
    assert slugify_pl("Łódź i żółć") == "lodz-i-zolc"
    assert slugify_pl("Zażółć gęślą jaźń") == "zazolc-gesla-jazn"


def test_slug_is_made_from_title_and_kept_unique(make_post):
    first = make_post(title="Spotkanie w Nasielsku")
    second = make_post(title="Spotkanie w Nasielsku")
    assert first.slug == "spotkanie-w-nasielsku"
    assert second.slug == "spotkanie-w-nasielsku-2"


def test_slug_stays_when_title_changes(make_post):
    post = make_post(title="Pierwszy tytuł")
    post.title = "Drugi tytuł"
    post.save()
    assert Post.objects.get(pk=post.pk).slug == "pierwszy-tytul"
