"""Staff tell drafts, scheduled and published posts apart in the list and in the preview."""

import datetime

from django.utils import timezone

from core.templatetags.pl import pl_datetime
from news.models import Post


def in_a_week():
    return (timezone.now() + datetime.timedelta(days=7)).replace(second=0, microsecond=0)


def test_the_admin_list_says_scheduled_with_the_date(client, alice, make_post):
    when = in_a_week()
    make_post(title="Nabór na staże", published_at=when)
    make_post(title="Relacja ze spotkania")
    make_post(title="Notatka robocza", status=Post.Status.DRAFT)
    client.force_login(alice)
    html = client.get("/admin/news/post/").text
    assert f"Zaplanowany na {pl_datetime(timezone.localtime(when))}" in html
    assert "Opublikowany" in html and "Szkic" in html

    scheduled = client.get("/admin/news/post/?stan=zaplanowany").text
    assert "Nabór na staże" in scheduled
    assert "Relacja ze spotkania" not in scheduled and "Notatka robocza" not in scheduled


def test_saving_a_scheduled_post_says_when_it_appears(client, alice, category):
    from news.tests.test_admin import post_form

    when = timezone.localtime(in_a_week())
    client.force_login(alice)
    response = client.post(
        "/admin/news/post/add/",
        post_form(
            category,
            published_at_0=when.strftime("%Y-%m-%d"),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
        follow=True,
    )
    assert f"Wpis ukaże się na stronie {pl_datetime(when)}." in response.text
    assert f"Zaplanowany na {pl_datetime(when)}" in response.text


def test_the_preview_of_a_scheduled_post_says_scheduled_not_published(client, alice, make_post):
    when = in_a_week()
    post = make_post(published_at=when)
    assert client.get(post.get_absolute_url()).status_code == 404
    client.force_login(alice)
    html = client.get(post.get_absolute_url()).text
    assert f'Zaplanowany na <time datetime="{timezone.localtime(when).isoformat()}">' in html
    assert "Podgląd: ten wpis jest zaplanowany na" in html
    assert "Opublikowano" not in html and "Opublikował" not in html


def test_the_preview_of_a_draft_never_says_published(client, alice, make_post):
    for published_at in (timezone.now() - datetime.timedelta(days=3), in_a_week()):
        draft = make_post(status=Post.Status.DRAFT, published_at=published_at)
        client.force_login(alice)
        html = client.get(draft.get_absolute_url()).text
        assert "Podgląd: ten wpis jest szkicem" in html
        assert "Opublikowano" not in html and "Opublikował" not in html
        assert "Zaplanowany" not in html
