import datetime

from django.core.management import call_command
from django.utils import timezone

from news.models import Post
from newsletter.models import Issue, NewsletterSettings
from newsletter.tests.conftest import recipients


def notify(run_worker):
    call_command("newsletter_notify_posts", stdout=open("/dev/null", "w"))
    run_worker()


def test_a_new_post_is_announced_once_and_never_again_after_edits(db, make_post, make_subscriber, mailoutbox,
                                                                   run_worker):
    make_subscriber(email="wpisy@example.com", wants_posts=True, wants_issues=False)
    make_subscriber(email="tylko-newsletter@example.com", wants_posts=False, wants_issues=True)
    post = make_post(title="Spotkanie partnerów", published_at=timezone.now())

    notify(run_worker)
    assert recipients() == ["wpisy@example.com"]
    assert mailoutbox[0].subject == "Nowy wpis: Spotkanie partnerów"
    assert f"http://127.0.0.1:8000{post.get_absolute_url()}" in mailoutbox[0].body

    post.title = "Spotkanie partnerów – poprawiony tytuł"
    post.save()
    notify(run_worker)
    notify(run_worker)
    assert len(mailoutbox) == 1
    assert Issue.objects.filter(post=post).count() == 1


def test_a_scheduled_post_is_announced_when_its_time_comes(db, make_post, make_subscriber, mailoutbox, run_worker):
    make_subscriber(email="wpisy@example.com")
    post = make_post(published_at=timezone.now() + datetime.timedelta(hours=1))
    notify(run_worker)
    assert mailoutbox == []
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now())  # time passes; nobody saves
    notify(run_worker)
    assert recipients() == ["wpisy@example.com"]


def test_drafts_and_posts_older_than_the_newsletter_are_not_announced(db, make_post, make_subscriber, mailoutbox,
                                                                      run_worker):
    make_subscriber()
    NewsletterSettings.objects.update(post_notices_since=timezone.now() - datetime.timedelta(minutes=5))
    make_post(published_at=datetime.datetime(2018, 6, 8, 10, tzinfo=datetime.UTC))  # the demo post of 2018
    make_post(status=Post.Status.DRAFT, published_at=timezone.now())
    notify(run_worker)
    assert mailoutbox == []
    assert not Issue.objects.exists()


def test_the_start_date_is_recorded_when_the_newsletter_is_installed(db):
    since = NewsletterSettings.objects.get(pk=1).post_notices_since
    assert since <= timezone.now()
