"""Approval before publishing a meeting: proposed without the right to publish, it waits for someone with it.

The right is the permission ``meetings.publish_meeting`` (the Redaktor and the Administrator hold
it, accounts/roles.py). A meeting's ``review_state`` is apart from its public status (planned,
held…): a meeting is on the public pages only once approved (MeetingQuerySet.published). Without
the right no path of the admin approves one (meetings/admin.py keeps the state read-only); the
steps, shared with posts (changelog/review.py), are saved as versions with their own comments
(the meeting's „Historia”) and e-mailed to whoever acts next:

- submit: a draft, or a meeting returned for changes, „Czeka na akceptację”; everyone who may
  publish meetings is told;
- approve: on the site at once; the person who submitted it is told;
- send back: „Do poprawy” with a note; the person who submitted it is told, with the note.
"""

from django.urls import reverse

from changelog import review
from changelog.review import APPROVE, RETURN, SUBMIT
from core.links import absolute_url
from meetings.models import Meeting

PUBLISH = "meetings.publish_meeting"

State = Meeting.ReviewState
WHAT = ("spotkanie", "spotkania", "w spotkaniu")
# The states from which a meeting may be sent for approval.
SUBMITTABLE = (State.DRAFT, State.RETURNED)


def can_publish(user):
    return user.has_perm(PUBLISH)


def can_submit(meeting):
    """A new meeting, a draft or a meeting returned for changes may be sent for approval."""
    return meeting is None or meeting.review_state in SUBMITTABLE


def awaits_approval(meeting):
    return meeting is not None and meeting.review_state == State.SUBMITTED


def begin(meeting, step, user):
    """Change the meeting before the change form saves it."""
    if step == SUBMIT:
        meeting.review_state = State.SUBMITTED
        meeting.submitted_by = user
    elif step == APPROVE:
        meeting.review_state = State.APPROVED
        meeting.review_note = ""


def history_comment(step, note=""):
    if step == SUBMIT:
        return "Wysłanie do akceptacji"
    if step == APPROVE:
        return "Zatwierdzenie i publikacja"
    return f"Zwrot do poprawy. Uwagi: {note}"


def finish(meeting, step, note=""):
    """After the save, in the same revision: the step in the history, and an e-mail."""
    review.write_step(history_comment(step, note))
    notify(meeting, step, note)


def send_back(meeting, user, note):
    def mark(meeting):
        meeting.review_state = State.RETURNED
        meeting.review_note = note

    # A meeting has no metryczka of its own (its report has): nothing for the register.
    review.send_back(meeting, user, mark=mark, comment=history_comment(RETURN, note), record=False)
    notify(meeting, RETURN, note)


def _change_url(meeting):
    return absolute_url(reverse("admin:meetings_meeting_change", args=[meeting.pk]))


def notify(meeting, step, note=""):
    if step == SUBMIT:
        body = (
            f"Spotkanie „{meeting}” czeka na akceptację przed publikacją.\n\n"
            "Po przeczytaniu można je zatwierdzić i opublikować albo zwrócić do poprawy z uwagami:\n"
            f"{_change_url(meeting)}\n"
        )
        review.tell_approvers(f"Spotkanie czeka na akceptację: {meeting.title}", body, permission=PUBLISH)
        return
    if step == APPROVE:
        subject = f"Spotkanie zatwierdzone: {meeting.title}"
        body = (
            f"Spotkanie „{meeting}” zostało zatwierdzone i jest już na stronie:\n"
            f"{absolute_url(meeting.get_absolute_url())}\n"
        )
    else:
        subject = f"Spotkanie do poprawy: {meeting.title}"
        body = (
            f"Spotkanie „{meeting}” zostało zwrócone do poprawy przed publikacją.\n\n"
            f"Uwagi:\n{note}\n\n"
            "Po wprowadzeniu poprawek można je ponownie wysłać do akceptacji:\n"
            f"{_change_url(meeting)}\n"
        )
    review.tell_person(meeting.submitted_by, subject, body)
