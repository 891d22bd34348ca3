from django import forms

from core.forms import HoneypotMixin, PlainLabelsMixin

TOPICS = [
    ("all", "Powiadomienia o nowych wpisach i newsletter"),
    ("posts", "Tylko powiadomienia o nowych wpisach"),
    ("issues", "Tylko newsletter"),
]


class SignupForm(PlainLabelsMixin, HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label="Adres e-mail",
        max_length=254,
        error_messages={
            "required": "Podaj adres e-mail.",
            "invalid": "Podaj poprawny adres e-mail, np. jan.kowalski@example.com.",
            "max_length": "Adres e-mail może mieć najwyżej 254 znaki.",
        },
    )
    topics = forms.ChoiceField(
        label="Co chcesz otrzymywać?",
        choices=TOPICS,
        initial="all",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Wybierz, co chcesz otrzymywać.",
            "invalid_choice": "Wybierz jedną z podanych możliwości.",
        },
    )
    consent = forms.BooleanField(
        label="Zgoda na przesyłanie wiadomości",
        error_messages={"required": "Zaznacz zgodę, bez niej nie możemy wysyłać wiadomości."},
    )
    source = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_source(self):
        return (self.cleaned_data.get("source") or "").strip()[:200]

    @property
    def wants_posts(self):
        return self.cleaned_data["topics"] in ("all", "posts")

    @property
    def wants_issues(self):
        return self.cleaned_data["topics"] in ("all", "issues")
