"""Requests for accessibility (ustawa z 4 kwietnia 2019 r. o dostępności cyfrowej, art. 18) as cases.

A request sent from the public form is a case with a statutory deadline: the portal must act
within 7 days of the day it arrived; staff may move the deadline once or more, to at most two
months from that day, and only by telling the requester why and until when. A case ends resolved
or refused, a refusal always with an alternative way of access offered. Every step is kept in
the case's history (``CaseEvent``): who, what, when.
"""

import calendar
import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.templatetags.pl import pl_date, plural_form

# Art. 18: act within 7 days; a later date only with a notice, at most 2 months from the request.
DAYS_TO_ACT = 7
MAX_EXTENSION_MONTHS = 2
# The dashboard warns about a case this many days before its deadline.
DUE_SOON_DAYS = 2


def add_months(day, months):
    """The same day ``months`` later, or the last day of that month (31 December + 2 → 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class AlternativeAccess(models.TextChoices):
    TEXT_EMAIL = "tekst-email", "treść przesłana e-mailem jako zwykły tekst"
    DOCUMENT = "dokument", "dostępny dokument (np. tekst lub DOCX zamiast skanu)"
    PHONE = "telefon", "odczytanie lub omówienie treści przez telefon"
    EASY_TEXT = "etr", "tekst łatwy do czytania i rozumienia"
    SIGN_LANGUAGE = "pjm", "informacja w polskim języku migowym"
    LETTER = "list", "wydruk przesłany pocztą (także powiększonym drukiem)"
    OTHER = "inny", "inny sposób (opisany w zgłoszeniu)"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=[AccessibilityRequest.Status.OPEN, AccessibilityRequest.Status.EXTENDED])

    def closed(self):
        return self.filter(status__in=[AccessibilityRequest.Status.RESOLVED, AccessibilityRequest.Status.REFUSED])


class AccessibilityRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "otwarte", "w toku"
        EXTENDED = "przedluzone", "w toku, termin przedłużony"
        RESOLVED = "zalatwione", "załatwione"
        REFUSED = "odmowa", "odmowa z propozycją dostępu alternatywnego"

    address = models.CharField(
        "strona lub dokument",
        max_length=500,
        help_text="Adres strony albo nazwa dokumentu, którego dotyczy zgłoszenie.",
    )
    need = models.TextField(
        "czego potrzeba",
        max_length=3000,
        help_text="Opis problemu i tego, co pomogłoby zgłaszającemu.",
    )
    alternative = models.CharField(
        "preferowany dostęp alternatywny",
        max_length=20,
        choices=AlternativeAccess.choices,
        blank=True,
        help_text="Sposób, w jaki zgłaszający wolałby otrzymać treść, jeśli nie da się jej udostępnić w portalu.",
    )
    name = models.CharField("imię i nazwisko", max_length=200, help_text="Osoba, która wystąpiła z żądaniem.")
    email = models.EmailField("e-mail", help_text="Na ten adres idą wiadomości w sprawie.")
    phone = models.CharField("telefon", max_length=50, blank=True, help_text="Nieobowiązkowy.")
    status = models.CharField("stan sprawy", max_length=20, choices=Status.choices, default=Status.OPEN)
    received_at = models.DateTimeField("wpłynęło", default=timezone.now, help_text="Dzień wystąpienia z żądaniem.")
    due_on = models.DateField(
        "termin załatwienia",
        help_text="7 dni od wpłynięcia; po przedłużeniu nowy termin, najwyżej 2 miesiące od wpłynięcia.",
    )
    extension_reason = models.TextField(
        "powód przedłużenia", blank=True, help_text="Przekazany zgłaszającemu razem z nowym terminem."
    )
    outcome = models.TextField(
        "rozstrzygnięcie",
        blank=True,
        help_text="Jak zapewniono dostępność albo dlaczego odmówiono; trafia do zgłaszającego.",
    )
    alternative_offered = models.TextField(
        "zaproponowany dostęp alternatywny",
        blank=True,
        help_text="Wymagany przy odmowie: sposób, w jaki zgłaszający otrzyma treść.",
    )
    closed_at = models.DateTimeField("zamknięto", null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = "zgłoszenie dostępności"
        verbose_name_plural = "zgłoszenia dostępności"
        ordering = ["-received_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["otwarte", "przedluzone"]) | models.Q(closed_at__isnull=False),
                name="accessibility_closed_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="odmowa") | (~models.Q(outcome="") & ~models.Q(alternative_offered="")),
                name="accessibility_refusal_offers_alternative",
                violation_error_message="Odmowa wymaga powodu i propozycji dostępu alternatywnego.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="przedluzone") | ~models.Q(extension_reason=""),
                name="accessibility_extension_has_reason",
                violation_error_message="Przedłużenie terminu wymaga powodu.",
            ),
        ]
        indexes = [
            # The dashboard and the daily clean-up look cases up by state.
            models.Index(fields=["status", "due_on"], name="accessibility_status_due"),
        ]

    def __str__(self):
        return f"Zgłoszenie nr {self.pk}" if self.pk else "Nowe zgłoszenie"

    def save(self, *args, **kwargs):
        if self.due_on is None:
            self.due_on = self.received_on + datetime.timedelta(days=DAYS_TO_ACT)
        super().save(*args, **kwargs)

    @property
    def received_on(self):
        return timezone.localdate(self.received_at)

    @property
    def latest_due_on(self):
        """The latest deadline the law allows: two months from the day of the request."""
        return add_months(self.received_on, MAX_EXTENSION_MONTHS)

    @property
    def is_open(self):
        return self.status in (self.Status.OPEN, self.Status.EXTENDED)

    def days_left(self, today=None):
        return (self.due_on - (today or timezone.localdate())).days

    def deadline_text(self, today=None):
        """„termin 12 grudnia 2026 (za 3 dni)”, „… (dziś)”, „… (2 dni po terminie)”."""
        days = self.days_left(today)
        if days > 0:
            when = f"za {days} {plural_form(days, 'dzień', 'dni', 'dni')}"
        elif days == 0:
            when = "dziś"
        else:
            when = f"{-days} {plural_form(-days, 'dzień', 'dni', 'dni')} po terminie"
        return f"termin {pl_date(self.due_on)} ({when})"


class CaseEvent(models.Model):
    """One step of a case: who did what, when, and what the requester was told."""

    class Kind(models.TextChoices):
        RECEIVED = "wplynelo", "wpłynęło zgłoszenie"
        EXTENDED = "przedluzono", "przedłużono termin"
        RESOLVED = "zalatwiono", "załatwiono"
        REFUSED = "odmowiono", "odmówiono, proponując dostęp alternatywny"
        NOTE = "notatka", "notatka"

    case = models.ForeignKey(
        AccessibilityRequest, on_delete=models.CASCADE, related_name="events", verbose_name="zgłoszenie"
    )
    at = models.DateTimeField("kiedy", default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="kto",
        help_text="Puste: zgłaszający (formularz) albo konto już usunięte.",
    )
    kind = models.CharField("co", max_length=20, choices=Kind.choices)
    text = models.TextField("szczegóły", blank=True, help_text="Np. nowy termin i powód albo treść odpowiedzi.")
    mailed = models.BooleanField(
        "wysłano e-mail do zgłaszającego",
        default=False,
        help_text="Czy krok zakończył się wiadomością do zgłaszającego.",
    )

    class Meta:
        verbose_name = "krok sprawy"
        verbose_name_plural = "kroki sprawy"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({timezone.localtime(self.at):%d.%m.%Y %H:%M})"
