"""Approval before publishing: a post written without the right to publish waits for someone with it.

The right is the permission ``news.publish_post`` (the Redaktor and the Administrator hold it,
accounts/roles.py). Without it a post is never published by any path of the admin (news/admin.py
keeps the status field read-only and the list's publishing actions hidden); it goes through these
steps instead, each saved as a version with its own comment (the post's „Historia” page) and
e-mailed to whoever acts next:

- submit: a draft, or a post returned for changes, „Czeka na akceptację”; everyone who may
  publish is told (core.notify.notify_staff);
- approve: published now, or at its publication date when that is still to come; the person who
  submitted it is told;
- send back: „Do poprawy” with a note; the person who submitted it is told, with the note.
"""

from django.urls import reverse
from django.utils import timezone

from changelog import review
from changelog.review import APPROVE, BUTTONS, NOTE_MAX_LENGTH, RETURN, SUBMIT  # noqa: F401 (this module's steps)
from core.links import absolute_url
from core.templatetags.pl import pl_datetime
from news.models import Post

PUBLISH = "news.publish_post"


def can_publish(user):
    return user.has_perm(PUBLISH)


def can_submit(post):
    """A new post, a draft or a post returned for changes may be sent for approval."""
    return post is None or post.status in (Post.Status.DRAFT, Post.Status.RETURNED)


def awaits_approval(post):
    return post is not None and post.status == Post.Status.SUBMITTED


def _change_url(post):
    return absolute_url(reverse("admin:news_post_change", args=[post.pk]))


def _when(post):
    return pl_datetime(timezone.localtime(post.published_at))


# The steps. ``begin`` changes the post before the change form saves it; ``finish`` runs after
# the save, inside the same transaction and revision.


def begin(post, step, user, now=None):
    now = now or timezone.now()
    if step == SUBMIT:
        post.status = Post.Status.SUBMITTED
        post.submitted_by = user
    elif step == APPROVE:
        post.status = Post.Status.PUBLISHED
        post.review_note = ""
        if post.published_at <= now:
            post.published_at = now  # its date is when it was begun: it appears as new


def history_comment(post, step, note=""):
    if step == SUBMIT:
        return "Wysłanie do akceptacji"
    if step == APPROVE:
        if post.is_scheduled:
            return f"Zatwierdzenie, publikacja zaplanowana na {_when(post)}"
        return "Zatwierdzenie i publikacja"
    return f"Zwrot do poprawy. Uwagi: {note}"


def finish(post, step, user, note=""):
    """Write the step into the version being saved and tell whoever acts next."""
    review.write_step(history_comment(post, step, note))
    notify(post, step, note)


def notify(post, step, note=""):
    """E-mail whoever acts next: the approvers of a submitted post, else the person who submitted it."""
    if step == SUBMIT:
        _tell_approvers(post)
    else:
        _tell_author(post, step, note)


def send_back(post, user, note):
    """Return a post waiting for approval to the person who submitted it, with a note."""

    def mark(post):
        post.status = Post.Status.RETURNED
        post.review_note = note

    review.send_back(post, user, mark=mark, comment=history_comment(post, RETURN, note))
    notify(post, RETURN, note)


# The notices.


def _tell_approvers(post):
    body = (
        f"Wpis „{post.title}” czeka na akceptację przed publikacją.\n\n"
        "Po przeczytaniu można go zatwierdzić i opublikować albo zwrócić do poprawy z uwagami:\n"
        f"{_change_url(post)}\n"
    )
    review.tell_approvers(f"Wpis czeka na akceptację: {post.title}", body, permission=PUBLISH)


def _tell_author(post, step, note):
    if step == APPROVE:
        subject = f"Wpis zatwierdzony: {post.title}"
        if post.is_scheduled:
            body = f"Wpis „{post.title}” został zatwierdzony. Ukaże się na stronie {_when(post)} pod adresem:\n"
        else:
            body = f"Wpis „{post.title}” został zatwierdzony i jest już na stronie:\n"
        body += f"{absolute_url(post.get_absolute_url())}\n"
    else:
        subject = f"Wpis do poprawy: {post.title}"
        body = (
            f"Wpis „{post.title}” został zwrócony do poprawy przed publikacją.\n\n"
            f"Uwagi:\n{note}\n\n"
            "Po wprowadzeniu poprawek można go ponownie wysłać do akceptacji:\n"
            f"{_change_url(post)}\n"
        )
    review.tell_person(post.submitted_by or post.author, subject, body)
