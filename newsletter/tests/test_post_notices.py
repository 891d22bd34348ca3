import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from news.models import Post
from news.tests.test_admin import post_form
from newsletter.models import Issue, NewsletterSettings
from newsletter.tests.conftest import recipients

MINUTE = datetime.timedelta(minutes=1)


def notify(run_worker):
    call_command("newsletter_notify_posts", stdout=open("/dev/null", "w"))
    run_worker()


@pytest.fixture
def clock(db):
    """A stopped clock a few hours back (the database's own now() stays ahead of it), moved by hand."""
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=3), tick=False) as traveller:
        NewsletterSettings.objects.update(post_notices_since=timezone.now() - datetime.timedelta(days=1))
        yield traveller


def publish_in_admin(client, category, title="Spotkanie partnerów", **fields):
    now = timezone.localtime()
    response = client.post(
        "/admin/news/post/add/",
        post_form(
            category,
            title=title,
            published_at_0=now.strftime("%Y-%m-%d"),
            published_at_1=now.strftime("%H:%M:%S"),
            **fields,
        ),
    )
    assert response.status_code == 302
    return Post.objects.get(title=title)


def test_a_new_post_is_announced_after_the_grace_period_with_its_typo_fixed(
    client, alice, category, make_subscriber, mailoutbox, run_worker, clock
):
    make_subscriber(email="wpisy@example.com", wants_posts=True, wants_issues=False)
    make_subscriber(email="tylko-newsletter@example.com", wants_posts=False, wants_issues=True)
    client.force_login(alice)
    post = publish_in_admin(client, category, title="Spotkanie partnreów")

    notify(run_worker)
    assert mailoutbox == [] and not Issue.objects.exists()

    clock.shift(10 * MINUTE)  # the editor spots the typo
    post.title = "Spotkanie partnerów"
    post.save()
    notify(run_worker)
    assert mailoutbox == []

    clock.shift(5 * MINUTE)  # 15 minutes after publication
    notify(run_worker)
    assert recipients() == ["wpisy@example.com"]
    assert mailoutbox[0].subject == "Nowy wpis: Spotkanie partnerów"
    assert f"http://127.0.0.1:8000{post.get_absolute_url()}" in mailoutbox[0].body


def test_later_edits_never_send_the_notice_again(db, make_post, make_subscriber, mailoutbox, run_worker, clock):
    make_subscriber(email="wpisy@example.com")
    post = make_post(title="Spotkanie partnerów", published_at=timezone.now())
    clock.shift(16 * MINUTE)
    notify(run_worker)
    assert len(mailoutbox) == 1

    post.title = "Spotkanie partnerów – poprawiony tytuł"
    post.save()
    clock.shift(60 * MINUTE)
    notify(run_worker)
    notify(run_worker)
    assert len(mailoutbox) == 1
    assert Issue.objects.filter(post=post).count() == 1


def test_a_post_marked_do_not_notify_is_never_announced(
    client, alice, category, make_subscriber, mailoutbox, run_worker, clock
):
    make_subscriber()
    client.force_login(alice)
    form = client.get("/admin/news/post/add/").text
    assert "Nie powiadamiaj subskrybentów" in form
    assert "Powiadomienie wychodzi 15 minut po publikacji" in form
    publish_in_admin(client, category, skip_newsletter_notice="on")
    clock.shift(60 * MINUTE)
    notify(run_worker)
    assert mailoutbox == []
    assert not Issue.objects.exists()


def test_staff_can_still_opt_out_during_the_grace_period(
    client, alice, category, make_subscriber, mailoutbox, run_worker, clock
):
    make_subscriber()
    client.force_login(alice)
    post = publish_in_admin(client, category)
    clock.shift(5 * MINUTE)
    published = timezone.localtime(post.published_at)
    response = client.post(
        f"/admin/news/post/{post.pk}/change/",
        post_form(
            category,
            title=post.title,
            slug=post.slug,
            published_at_0=published.strftime("%Y-%m-%d"),
            published_at_1=published.strftime("%H:%M:%S"),
            skip_newsletter_notice="on",
        ),
    )
    assert response.status_code == 302
    clock.shift(60 * MINUTE)
    notify(run_worker)
    assert mailoutbox == []


def test_a_scheduled_post_is_announced_the_grace_period_after_its_time(
    db, make_post, make_subscriber, mailoutbox, run_worker, clock
):
    make_subscriber(email="wpisy@example.com")
    make_post(published_at=timezone.now() + 60 * MINUTE)
    notify(run_worker)
    clock.shift(60 * MINUTE)  # public now; nobody saves it
    notify(run_worker)
    assert mailoutbox == []
    clock.shift(15 * MINUTE)
    notify(run_worker)
    assert recipients() == ["wpisy@example.com"]


def test_the_grace_period_is_a_setting(db, settings, make_post, make_subscriber, mailoutbox, run_worker, clock):
    make_subscriber()
    settings.NEWSLETTER_NOTICE_DELAY_MINUTES = 0
    make_post(published_at=timezone.now())
    notify(run_worker)
    assert len(mailoutbox) == 1


def test_drafts_and_posts_older_than_the_newsletter_are_not_announced(
    db, make_post, make_subscriber, mailoutbox, run_worker
):
    make_subscriber()
    NewsletterSettings.objects.update(post_notices_since=timezone.now() - datetime.timedelta(minutes=5))
    make_post(published_at=datetime.datetime(2018, 6, 8, 10, tzinfo=datetime.UTC))  # the demo post of 2018
    make_post(status=Post.Status.DRAFT, published_at=timezone.now() - datetime.timedelta(minutes=30))
    notify(run_worker)
    assert mailoutbox == []
    assert not Issue.objects.exists()


def test_the_start_date_is_recorded_when_the_newsletter_is_installed(db):
    since = NewsletterSettings.objects.get(pk=1).post_notices_since
    assert since <= timezone.now()
