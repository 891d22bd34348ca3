from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from accessibility.models import AccessibilityRequest, AlternativeAccess
from core.forms import HoneypotMixin, PlainLabelsMixin, clean_phone
from core.templatetags.pl import pl_date


class RequestForm(PlainLabelsMixin, HoneypotMixin, forms.ModelForm):
    """The public form: what is not accessible, what is needed, how to answer."""

    class Meta:
        model = AccessibilityRequest
        fields = ["address", "need", "alternative", "name", "email", "phone"]
        labels = {
            "address": "Strona lub dokument, którego dotyczy zgłoszenie",
            "need": "Na czym polega problem i czego potrzeba",
            "alternative": "Preferowany sposób otrzymania treści, jeśli nie da się jej udostępnić w portalu",
            "name": "Imię i nazwisko",
            "email": "Adres e-mail do odpowiedzi",
            "phone": "Telefon",
        }
        help_texts = {
            "address": "Adres strony (np. /spotkania/) albo nazwa dokumentu.",
            "need": "Np. „dokument PDF jest skanem, czytnik ekranu go nie odczytuje – proszę o wersję tekstową”.",
            "alternative": "Nieobowiązkowy.",
            "phone": "Nieobowiązkowy, np. 22 765 00 00.",
        }
        widgets = {
            "address": forms.TextInput(attrs={"maxlength": 500}),
            "need": forms.Textarea(attrs={"rows": 6, "maxlength": 3000}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        error_messages = {
            "address": {
                "required": "Podaj adres strony albo nazwę dokumentu.",
                "max_length": "Adres może mieć najwyżej %(limit_value)d znaków (ma %(show_value)d).",
            },
            "need": {
                "required": "Opisz, na czym polega problem i czego potrzeba.",
                "max_length": "Opis może mieć najwyżej %(limit_value)d znaków (ma %(show_value)d).",
            },
            "alternative": {"invalid_choice": "Wybierz sposób z listy."},
            "name": {"required": "Podaj imię i nazwisko."},
            "email": {"required": "Podaj adres e-mail.", "invalid": "Podaj poprawny adres e-mail, np. jan@example.pl."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alternative"].choices = [("", "bez preferencji"), *AlternativeAccess.choices]

    def clean_address(self):
        return " ".join(self.cleaned_data["address"].split())

    def clean_need(self):
        need = self.cleaned_data["need"].strip()
        if len(need) < 5:
            raise ValidationError("Opis jest za krótki: napisz, na czym polega problem.")
        return need

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 3:
            raise ValidationError("Podaj imię i nazwisko.")
        return name

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])


def _required_text(label, help_text, required_message):
    return forms.CharField(
        label=label,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=help_text,
        error_messages={
            "required": required_message,
            "max_length": "Tekst może mieć najwyżej %(limit_value)d znaków (ma %(show_value)d).",
        },
    )


class ResolveForm(forms.Form):
    outcome = _required_text(
        "Jak zapewniono dostęp",
        "Np. „dokument zastąpiono wersją tekstową pod tym samym adresem”. Trafi do zgłaszającego.",
        "Napisz, jak zapewniono dostęp: trafi to do zgłaszającego.",
    )


class ExtendForm(forms.Form):
    due_on = forms.DateField(
        label="Nowy termin",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Podaj nowy termin.", "invalid": "Podaj datę w postaci RRRR-MM-DD."},
    )
    reason = _required_text(
        "Powód przedłużenia",
        "Dlaczego nie da się załatwić sprawy w 7 dni. Trafi do zgłaszającego razem z nowym terminem.",
        "Podaj powód przedłużenia: trafi do zgłaszającego.",
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["due_on"].help_text = (
            f"Później niż obecny termin ({pl_date(case.due_on)}), najpóźniej {pl_date(case.latest_due_on)} "
            "(2 miesiące od wpłynięcia zgłoszenia)."
        )

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on <= max(self.case.due_on, timezone.localdate()):
            raise ValidationError("Nowy termin musi być późniejszy niż obecny i niż dzisiejsza data.")
        if due_on > self.case.latest_due_on:
            raise ValidationError(
                f"Ustawa pozwala przedłużyć termin najwyżej do {pl_date(self.case.latest_due_on)} "
                "(2 miesiące od wpłynięcia zgłoszenia)."
            )
        return due_on


class RefuseForm(forms.Form):
    reason = _required_text(
        "Powód odmowy",
        "Dlaczego nie da się zapewnić dostępności, np. ryzyko naruszenia integralności lub wiarygodności "
        "informacji. Trafi do zgłaszającego.",
        "Podaj powód odmowy: trafi do zgłaszającego.",
    )
    alternative = _required_text(
        "Zaproponowany dostęp alternatywny",
        "Jak zgłaszający otrzyma treść, np. „przesłanie treści e-mailem jako tekstu” – odmowa bez tej "
        "propozycji nie jest możliwa.",
        "Zaproponuj dostęp alternatywny: odmowa bez niego nie jest możliwa.",
    )
