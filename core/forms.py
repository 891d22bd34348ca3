"""Form pieces every public form shares."""

import re

from django import forms
from django.core.exceptions import ValidationError

PHONE_RE = re.compile(r"^\+?[0-9 ()\-]{9,20}$")


def clean_phone(value):
    """A phone number a person can dial: digits, spaces, brackets and dashes, at least 9 digits."""
    phone = value.strip()
    if phone and (not PHONE_RE.match(phone) or sum(c.isdigit() for c in phone) < 9):
        raise ValidationError("Podaj numer telefonu złożony z co najmniej 9 cyfr, np. 22 765 00 00.")
    return phone


class PlainLabelsMixin:
    """Labels without Django's colon („Adres e-mail”, not „Adres e-mail:”), checkboxes included.

    Django appends its translated ``label_suffix`` (":") to every label; the portal's style
    note (docs/styl-tekstow.md) writes labels without it. allauth's forms are rendered by
    templates/allauth/elements/fields.html, which writes its labels the same way.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by CSS, skipped by keyboard and screen readers).

    Bots that fill every field are refused; the form shows a neutral Polish
    message and keeps what was typed, in case a person really filled it.
    Render it with ``{% include "includes/honeypot.html" %}``.
    """

    website = forms.CharField(required=False, label="Nie wypełniaj tego pola")

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError("Nie udało się wysłać formularza. Zostaw puste pole „Nie wypełniaj tego pola”.")
        return ""
