from django import forms
from django.core.exceptions import ValidationError

from core.forms import HoneypotMixin, PlainLabelsMixin, clean_phone
from members.models import AccessionRequest, Gmina, InstitutionKind


class DirectoryFilterForm(PlainLabelsMixin, forms.Form):
    """The GET filters of /partnerzy/; values are the choices' slugs, so URLs stay readable."""

    rodzaj = forms.ChoiceField(
        label="Rodzaj instytucji",
        required=False,
        choices=[("", "wszystkie rodzaje"), *InstitutionKind.choices],
        error_messages={"invalid_choice": "Nie ma takiego rodzaju instytucji: „%(value)s”."},
    )
    gmina = forms.ChoiceField(
        label="Gmina",
        required=False,
        choices=[("", "wszystkie gminy"), *Gmina.choices],
        error_messages={"invalid_choice": "Nie ma takiej gminy: „%(value)s”."},
    )


class AccessionForm(PlainLabelsMixin, HoneypotMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label="Wyrażam zgodę na przetwarzanie podanych danych w celu rozpatrzenia zgłoszenia "
        "i kontaktu w jego sprawie.",
        error_messages={"required": "Bez zgody na przetwarzanie danych nie możemy przyjąć zgłoszenia."},
    )

    class Meta:
        model = AccessionRequest
        fields = ["institution_name", "kind", "gmina", "contact_name", "email", "phone", "message", "consent"]
        labels = {"institution_name": "Pełna nazwa instytucji", "contact_name": "Imię i nazwisko osoby kontaktowej"}
        help_texts = {
            "phone": "Nieobowiązkowy, np. 22 765 00 00.",
            "message": "Nieobowiązkowa. Napisz, czym zajmuje się instytucja i w czym chce współpracować.",
            "gmina": "Gmina, w której instytucja ma siedzibę.",
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": 3000}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "institution_name": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        error_messages = {
            "institution_name": {"required": "Podaj nazwę instytucji."},
            "kind": {"required": "Wybierz rodzaj instytucji.", "invalid_choice": "Wybierz rodzaj instytucji z listy."},
            "gmina": {"required": "Wybierz gminę.", "invalid_choice": "Wybierz gminę z listy."},
            "contact_name": {"required": "Podaj imię i nazwisko osoby kontaktowej."},
            "email": {"required": "Podaj adres e-mail.", "invalid": "Podaj poprawny adres e-mail, np. jan@example.pl."},
            "message": {"max_length": "Wiadomość może mieć najwyżej %(limit_value)d znaków (ma %(show_value)d)."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "– wybierz –"), *InstitutionKind.choices]
        self.fields["gmina"].choices = [("", "– wybierz –"), *Gmina.choices]

    def clean_institution_name(self):
        name = " ".join(self.cleaned_data["institution_name"].split())
        if len(name) < 3:
            raise ValidationError("Nazwa instytucji jest za krótka.")
        return name

    def clean_contact_name(self):
        name = " ".join(self.cleaned_data["contact_name"].split())
        if len(name) < 3:
            raise ValidationError("Podaj imię i nazwisko osoby kontaktowej.")
        return name

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])
