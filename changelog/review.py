"""Approval before publishing, what is the same for every kind of content that has it.

A post (news/review.py) and a meeting (meetings/review.py) made without the right to publish wait
for someone who has it: sent „do akceptacji”, then approved, or returned with a note. Each app
keeps its own states, permission and words; the steps, the note's form, the version comment
(the item's „Historia”) and the e-mails to whoever acts next are here, once.
"""

import reversion
from django import forms
from django.db import transaction

from changelog.metryczka import is_public_now, record_change
from core.notify import notify_staff, office_reply_to, send_later

SUBMIT, APPROVE, RETURN = "submit", "approve", "return"

# The names of the change forms' buttons (templates/admin/review_buttons.html).
BUTTONS = {"_submit_for_review": SUBMIT, "_approve": APPROVE}

NOTE_MAX_LENGTH = 2000


class SendBackForm(forms.Form):
    """The note of „Zwróć do poprawy”; ``what``: the item in the accusative, the genitive and „in it”."""

    note = forms.CharField(
        label="Uwagi do poprawy",
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": NOTE_MAX_LENGTH}),
        max_length=NOTE_MAX_LENGTH,
        error_messages={"max_length": "Uwagi mogą mieć najwyżej %(limit_value)d znaków (teraz: %(show_value)d)."},
    )

    def __init__(self, *args, what=("wpis", "wpisu", "we wpisie"), **kwargs):
        super().__init__(*args, **kwargs)
        accusative, genitive, in_it = what
        note = self.fields["note"]
        note.help_text = (
            f"Co trzeba poprawić przed publikacją. Uwagi dostanie e-mailem osoba, która wysłała {accusative} "
            f"do akceptacji; zostaną też w historii zmian {genitive}."
        )
        note.error_messages = {
            **note.error_messages,
            "required": f"Napisz, co trzeba poprawić: bez uwag nie wiadomo, co zmienić {in_it}.",
        }

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError(self.fields["note"].error_messages["required"], code="required")
        return note


def write_step(comment):
    """Put the step into the version being saved, ahead of the list of changed fields."""
    if reversion.is_active():
        changes = reversion.get_comment()
        if changes.startswith("Zmiana: "):
            comment += ". " + changes
        reversion.set_comment(comment)


def send_back(obj, user, *, mark, comment, record=True):
    """Save ``obj`` returned for changes (``mark(obj)`` sets its state and note) as a new version.

    ``record``: the change also goes to the metryczka register (for items that have one).
    """
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        was_public = is_public_now(obj) if record else False
        mark(obj)
        obj.save()
        if record:
            record_change(obj, user, created=False, was_public=was_public, summary=comment)
        write_step(comment)


def tell_approvers(subject, body, *, permission):
    """E-mail everyone who may approve (core.notify.staff_recipients)."""
    notify_staff(subject, body, permission=permission)


def tell_person(person, subject, body):
    """E-mail the person who sent the item for approval; replies go to the office, not to the approver."""
    if person is None or not person.email or not person.is_active:
        return
    send_later(subject, body, [person.email], reply_to=office_reply_to())
