from django import forms

from core.forms import HoneypotMixin, PlainLabelsMixin
from news.models import COMMENT_MAX_LENGTH, Comment, Rating


class CommentForm(PlainLabelsMixin, HoneypotMixin, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["author_name", "body", "notify_author"]
        labels = {
            "author_name": "Podpis",
            "body": "Treść komentarza",
            "notify_author": "Powiadom mnie e-mailem, gdy komentarz zostanie zatwierdzony lub gdy Partnerstwo odpowie",
        }
        help_texts = {
            "author_name": "Imię lub pseudonim widoczny przy komentarzu. Nie wpisuj tu adresu e-mail.",
            "body": f"Zwykły tekst, do {COMMENT_MAX_LENGTH} znaków. Adresy stron zamienimy w linki.",
            "notify_author": "Wiadomość przyjdzie na adres e-mail konta. Każda zawiera link, którym można "
            "wyłączyć kolejne powiadomienia, także bez logowania.",
        }
        error_messages = {
            "author_name": {"required": "Podaj podpis: imię lub pseudonim."},
            "body": {"required": "Wpisz treść komentarza."},
        }
        widgets = {
            "author_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "body": forms.Textarea(attrs={"rows": 6}),
        }

    def clean_author_name(self):
        name = self.cleaned_data["author_name"].strip()
        if "@" in name:
            raise forms.ValidationError("Podpis nie może być adresem e-mail – wpisz imię lub pseudonim.")
        return name


class RatingForm(PlainLabelsMixin, forms.Form):
    value = forms.TypedChoiceField(
        label="Ocena wpisu",
        choices=Rating.Value.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Wybierz ocenę od 1 do 5.",
            "invalid_choice": "Wybierz ocenę od 1 do 5.",
        },
    )

    def radios(self):
        """The five choices for the hand-written radio buttons of news/includes/rating.html.

        Written out in the template, they read as Django's RadioSelect renders them (the same
        ids, ``checked`` and ``aria-invalid``) at a fraction of the cost of its widget templates.
        """
        field = self["value"]
        chosen = str(field.value())
        return [
            {
                "value": value,
                "label": label,
                "id": f"{field.auto_id}_{index}",
                "checked": str(value) == chosen,
                "stars": "★" * value + "☆" * (5 - value),
            }
            for index, (value, label) in enumerate(self.fields["value"].choices)
        ]
