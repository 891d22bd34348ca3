"""Changes a partner institution's own account proposes to its page, accepted before they are public.

An account limited to one institution (members/partner_access.py) edits the institution's
contacts, logo and description in the admin as everyone does, but its save changes nothing on
the site: it becomes the institution's one open InstitutionChange, „czeka na akceptację”, and
whoever holds ``members.approve_institutionchange`` (the Redaktor, the Moderator and the
Administrator, accounts/roles.py) is e-mailed. On the institution's page in the admin they see
each proposed value beside the current one and either

- approve: the values are written into the institution, the change is in its history, and the
  proposal is gone; or
- send back: „zwrócona do poprawy” with a note, e-mailed to the person who proposed it, who finds
  the proposal (and the note) in the form, changes it and saves it again.

A later save of the account replaces its open proposal: nothing typed is lost, nothing is
published early.
"""

from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import normalize_newlines

from changelog.diff import html_to_text, plain_lines
from changelog.metryczka import as_read
from changelog.review import tell_approvers, tell_person
from core.links import absolute_url
from core.sanitize import clean_html
from members.models import Institution, InstitutionChange

APPROVE = "members.approve_institutionchange"

# What the institution's own account changes; its name, kind, address on the site and publication
# stay with the partnership's staff.
FIELDS = ["address", "phone", "email", "website", "bip_url", "logo_alt", "description"]
EDITABLE = [*FIELDS, "logo"]


def can_approve(user):
    return user.has_perm(APPROVE)


def open_change(institution):
    return InstitutionChange.objects.filter(institution=institution).first()


def show_proposed(institution, change):
    """Put the proposed values on the (unsaved) institution, for the form of the account that proposed them."""
    for name, value in change.values.items():
        setattr(institution, name, value)
    if change.logo:
        institution.logo = change.logo.name
    elif change.remove_logo:
        institution.logo = ""
    return institution


def _rich(html):
    """Rich text as compared: CKEditor's own markup of the same text, or of nothing, is no change."""
    read = as_read(html)
    return read if plain_lines(html_to_text(read)) or "<img" in read else ""


def _text(value):
    """A text field's value as kept: browsers send a textarea's line breaks as CRLF, the page keeps LF."""
    return normalize_newlines(value or "")


def _same(name, proposed, current):
    if name == "description":
        return _rich(proposed) == _rich(current)
    return _text(proposed) == _text(current)


def _shown(name, value):
    if name == "description":
        return "\n".join(plain_lines(html_to_text(value)))
    return value


def propose(institution_pk, cleaned_data, user):
    """Keep what the account saved as its institution's open proposal; returns it, or None when
    nothing differs from the page any more (an open proposal is then withdrawn)."""
    with transaction.atomic():
        live = Institution.objects.select_for_update().get(pk=institution_pk)
        values = {
            name: _text(cleaned_data[name])
            for name in FIELDS
            if not _same(name, cleaned_data[name], getattr(live, name))
        }
        if "description" in values:
            values["description"] = clean_html(values["description"])
        change = InstitutionChange.objects.filter(institution=live).first() or InstitutionChange(institution=live)
        logo = cleaned_data.get("logo")
        new_logo = bool(logo) and not isinstance(logo, FieldFile)  # a cleaned upload, not a stored file
        keeps_proposed_logo = bool(change.logo) and logo and getattr(logo, "name", None) == change.logo.name
        change.remove_logo = logo is False and bool(live.logo)
        if new_logo:
            change.logo.save(logo.name, logo, save=False)
        elif not keeps_proposed_logo:
            change.logo = ""
        if not values and not change.logo and not change.remove_logo:
            if change.pk:
                change.delete()
            return None
        change.values = values
        change.status = InstitutionChange.Status.SUBMITTED
        change.note = ""
        change.proposed_by = user
        change.proposed_at = timezone.now()
        change.save()
        _tell_approvers(change)
    return change


def labels():
    return {name: Institution._meta.get_field(name).verbose_name for name in EDITABLE}


def rows(change):
    """(label, now, proposed) for each proposed value: what the approver compares."""
    institution = change.institution
    found = [
        (labels()[name], _shown(name, getattr(institution, name)), _shown(name, value))
        for name, value in change.values.items()
    ]
    if change.logo:
        found.append((labels()["logo"], institution.logo.name or "", change.logo.name))
    elif change.remove_logo:
        found.append((labels()["logo"], institution.logo.name, ""))
    return found


def summary(change):
    names = [labels()[name] for name in change.values]
    if change.logo or change.remove_logo:
        names.append(labels()["logo"])
    return ", ".join(names)


def approve(change, user):
    """Write the proposal into the institution; returns the institution, saved."""
    with transaction.atomic():
        institution = Institution.objects.select_for_update().get(pk=change.institution_id)
        for name, value in change.values.items():
            setattr(institution, name, value)
        if change.logo:
            institution.logo = change.logo.name  # the file stays where it is, now the institution's
        elif change.remove_logo:
            institution.logo = ""
        institution.full_clean(exclude=["slug"])
        institution.save()
        proposer = change.proposed_by
        change.delete()
        _tell_proposer(institution, proposer, approved=True)
    return institution


def send_back(change, user, note):
    change.status = InstitutionChange.Status.RETURNED
    change.note = note
    change.save(update_fields=["status", "note"])
    _tell_proposer(change.institution, change.proposed_by, approved=False, note=note)


# The notices.


def _change_url(institution):
    return absolute_url(reverse("admin:members_institution_change", args=[institution.pk]))


def _tell_approvers(change):
    institution = change.institution
    body = (
        f"Osoba z instytucji „{institution}” zaproponowała zmiany danych instytucji na stronie "
        f"({summary(change)}).\n\n"
        "Zmiany pojawią się na stronie dopiero po zatwierdzeniu. Propozycję można zatwierdzić albo "
        f"zwrócić do poprawy z uwagami:\n{_change_url(institution)}\n"
    )
    tell_approvers(f"Zmiany danych instytucji czekają na akceptację: {institution}", body, permission=APPROVE)


def _tell_proposer(institution, person, *, approved, note=""):
    if approved:
        subject = f"Zmiany zatwierdzone: {institution}"
        body = (
            f"Zaproponowane zmiany danych instytucji „{institution}” zostały zatwierdzone i są już na stronie:\n"
            f"{absolute_url(institution.get_absolute_url())}\n"
        )
    else:
        subject = f"Zmiany do poprawy: {institution}"
        body = (
            f"Zaproponowane zmiany danych instytucji „{institution}” zostały zwrócone do poprawy.\n\n"
            f"Uwagi:\n{note}\n\n"
            f"Propozycję można poprawić i zapisać ponownie:\n{_change_url(institution)}\n"
        )
    tell_person(person, subject, body)
