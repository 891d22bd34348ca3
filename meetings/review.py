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

A meeting's report (Report) takes the same steps on its own admin page, below.
"""

from django.urls import reverse
from django.utils import timezone

from changelog import review
from changelog.metryczka import record_change
from changelog.review import APPROVE, RETURN, SUBMIT
from core.links import absolute_url
from core.templatetags.pl import pl_datetime
from meetings.models import Meeting, Report

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


def register_report(meeting, user):
    """After an approval: a report published while its meeting waited is public from now on, and
    the change register (the metryczka's) records its publication."""
    report = Report.objects.published(scheduled=True).filter(meeting=meeting).first()
    if report is not None:
        record_change(report, user, created=False, was_public=False, summary="Publikacja po zatwierdzeniu spotkania")


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


# A meeting's report: the same steps, with the report's status (Report.Status) as its state.
# Approved, it is published now, or at its publication date when that is still to come.

ReportStatus = Report.Status
REPORT_WHAT = ("relację", "relacji", "w relacji")


def report_can_submit(report):
    return report is None or report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


def report_awaits_approval(report):
    return report is not None and report.status == ReportStatus.SUBMITTED


def begin_report(report, step, user, now=None):
    now = now or timezone.now()
    if step == SUBMIT:
        report.status = ReportStatus.SUBMITTED
        report.submitted_by = user
    elif step == APPROVE:
        report.status = ReportStatus.PUBLISHED
        report.review_note = ""
        if report.published_at <= now:
            report.published_at = now  # its date is when it was begun: it appears as new


def _report_when(report):
    return pl_datetime(timezone.localtime(report.published_at))


def report_history_comment(report, step, note=""):
    if step == APPROVE and report.published_at > timezone.now():
        return f"Zatwierdzenie, publikacja zaplanowana na {_report_when(report)}"
    return history_comment(step, note)


def finish_report(report, step, note=""):
    review.write_step(report_history_comment(report, step, note))
    notify_report(report, step, note)


def send_back_report(report, user, note):
    def mark(report):
        report.status = ReportStatus.RETURNED
        report.review_note = note

    review.send_back(report, user, mark=mark, comment=report_history_comment(report, RETURN, note))
    notify_report(report, RETURN, note)


def notify_report(report, step, note=""):
    title = report.meeting.title
    change_url = absolute_url(reverse("admin:meetings_report_change", args=[report.pk]))
    if step == SUBMIT:
        body = (
            f"Relacja ze spotkania „{report.meeting}” czeka na akceptację przed publikacją.\n\n"
            "Po przeczytaniu można ją zatwierdzić i opublikować albo zwrócić do poprawy z uwagami:\n"
            f"{change_url}\n"
        )
        review.tell_approvers(f"Relacja czeka na akceptację: {title}", body, permission=PUBLISH)
        return
    if step == APPROVE:
        subject = f"Relacja zatwierdzona: {title}"
        if report.published_at > timezone.now():
            body = (
                f"Relacja ze spotkania „{report.meeting}” została zatwierdzona. Ukaże się na stronie "
                f"{_report_when(report)} pod adresem:\n"
            )
        else:
            body = f"Relacja ze spotkania „{report.meeting}” została zatwierdzona i jest już na stronie:\n"
        body += f"{absolute_url(report.meeting.get_absolute_url())}\n"
    else:
        subject = f"Relacja do poprawy: {title}"
        body = (
            f"Relacja ze spotkania „{report.meeting}” została zwrócona do poprawy przed publikacją.\n\n"
            f"Uwagi:\n{note}\n\n"
            "Po wprowadzeniu poprawek można ją ponownie wysłać do akceptacji:\n"
            f"{change_url}\n"
        )
    review.tell_person(report.submitted_by or report.author, subject, body)
