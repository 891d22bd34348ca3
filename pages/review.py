"""The accessibility statement's yearly review, due by 31 March (ustawa z 4 kwietnia 2019, art. 10
ust. 3): administrators are e-mailed on 1 March and, if it is still not done, on 25 March.

Run daily (``manage.py daily``, bin/worker.d/daily); each reminder goes out once, whatever the
number of runs on a day, and a day the task missed is made up the next day
(AccessibilityStatement.review_reminder_due). The dashboard's item shows from 1 March too
(adminsite/dashboard.py).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from core.links import absolute_url
from core.notify import send_later
from core.templatetags.pl import pl_date, plural_form
from pages.models import AccessibilityStatement

# The role that holds every permission (accounts/roles.py); named here, as pages never imports
# the apps' code the other way round would need.
ADMINISTRATOR_ROLE = "Administrator"


def administrator_emails():
    """Active superusers and members of the Administrator role, with an e-mail address."""
    users = (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATOR_ROLE), is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def _message(statement, today, which):
    due = statement.next_review_due
    url = absolute_url(reverse("admin:pages_accessibilitystatement_change", args=[1]))
    if due is None:
        first = "Deklaracja dostępności portalu nie ma daty sporządzenia ani daty ostatniego przeglądu."
    elif due < today:
        first = f"Przegląd deklaracji dostępności portalu jest zaległy: termin minął {pl_date(due)} r."
    else:
        days = (due - today).days
        left = f"{days} {plural_form(days, 'dzień', 'dni', 'dni')}"
        when = "dziś" if days == 0 else f"za {left}"
        first = f"Do {pl_date(due)} r. ({when}) trzeba przejrzeć i zaktualizować deklarację dostępności portalu."
    lines = [
        first,
        "Ustawa o dostępności cyfrowej wymaga przeglądu deklaracji co roku do 31 marca.",
        "",
        "Co zrobić:",
        "1. Sprawdzić, czy opis stanu dostępności i lista niedostępnych treści są aktualne.",
        "2. Uzupełnić dane kontaktowe i datę ostatniej istotnej aktualizacji portalu, jeśli się zmieniły.",
        "3. Wpisać dzisiejszą datę w polu „data ostatniego przeglądu deklaracji” i zapisać.",
        "",
        f"Deklaracja w panelu administracyjnym: {url}",
    ]
    if which == "last":
        lines.insert(0, "Przypomnienie: przeglądu deklaracji dostępności jeszcze nie odnotowano.\n")
    subject = (
        "Ostatnie przypomnienie: przegląd deklaracji dostępności do 31 marca"
        if which == "last"
        else "Przegląd deklaracji dostępności do 31 marca"
    )
    return subject, "\n".join(lines)


def send_review_reminders(today):
    """E-mail administrators the reminder owed on ``today``, if any; returns how many were e-mailed."""
    with transaction.atomic():
        statement = AccessibilityStatement.objects.select_for_update().filter(pk=1).first()
        if statement is None:
            return 0
        which = statement.review_reminder_due(today)
        if which is None:
            return 0
        recipients = administrator_emails()
        subject, body = _message(statement, today, which)
        send_later(subject, body, recipients)  # queued when this transaction commits
        # An update, not a save: the statement's public page and its „zmieniono” stay as they were.
        AccessibilityStatement.objects.filter(pk=1).update(review_reminder_sent_on=today)
    return len(recipients)
