from django import forms

from core.forms import PlainLabelsMixin


class DeleteAccountForm(PlainLabelsMixin, forms.Form):
    password = forms.CharField(
        label="Hasło",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Wpisz hasło, aby potwierdzić usunięcie konta.",
        error_messages={"required": "Wpisz hasło, aby potwierdzić usunięcie konta."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("To nie jest Twoje hasło. Spróbuj jeszcze raz.")
        return password
