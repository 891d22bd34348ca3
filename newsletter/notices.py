"""Notices of new posts: one mailing per post, a grace period after the post becomes public.

The notice waits ``NEWSLETTER_NOTICE_DELAY_MINUTES`` (default 15) after the
publication time, so staff can still fix a typo (the notice is written from
the post as it is then) or tick "nie powiadamiaj subskrybentów" on the post,
which keeps it out for good. A scheduled post becomes public when its time
comes, with no save and so no signal: `manage.py newsletter_notify_posts --every 60` (bin/worker.d/newsletter)
looks for public posts without a notice. The OneToOne link from the mailing to
the post makes "once per post" a database rule; later edits of the post never
send anything. Posts published before ``NewsletterSettings.post_notices_since``
(set when the newsletter was first installed) never trigger a notice, so the
old posts do not go out in bulk to the first subscribers.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.links import absolute_url
from news.models import Post
from newsletter.models import Issue, NewsletterSettings
from newsletter.tasks import send_issue_task


def notice_delay():
    return timedelta(minutes=settings.NEWSLETTER_NOTICE_DELAY_MINUTES)


def posts_to_announce():
    since = NewsletterSettings.load().post_notices_since
    return (
        Post.objects.published()
        .filter(
            published_at__gte=since,
            published_at__lte=timezone.now() - notice_delay(),
            skip_newsletter_notice=False,
            newsletter_notice__isnull=True,
        )
        .order_by("published_at", "pk")
    )


def notice_body(post):
    return render_to_string(
        "newsletter/email/post_notice_body.html",
        {
            "post": post,
            "url": absolute_url(post.get_absolute_url()),
        },
    )


def announce_new_posts():
    """Create and queue a notice for each newly public post; returns how many."""
    count = 0
    for post in posts_to_announce():
        with transaction.atomic():
            issue, created = Issue.objects.get_or_create(
                post=post,
                defaults={
                    "kind": Issue.Kind.POST_NOTICE,
                    "subject": f"Nowy wpis: {post.title}"[:200],
                    "body": notice_body(post),
                    "status": Issue.Status.SENDING,
                    "queued_at": timezone.now(),
                },
            )
            if created:
                send_issue_task.enqueue(issue.pk)
                count += 1
    return count
