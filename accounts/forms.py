from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.roles import ADMINISTRATOR, PARTNER, ROLE_WORK, ROLES
from core.forms import PlainLabelsMixin
from members.models import Institution, InstitutionAccount


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


# Staff accounts in the admin (accounts/admin.py): a role picker instead of groups and permissions.

NO_ROLE = ""


def role_choices():
    return [(role, f"{role} – {work}") for role, work in ROLE_WORK.items()]


def role_of(user):
    """The role the picker shows: Administrator for a superuser, else the account's role group."""
    if user.is_superuser:
        return ADMINISTRATOR
    names = {group.name for group in user.groups.all()}  # prefetched on the list
    return next((role for role in ROLES if role in names), NO_ROLE)


def institution_field():
    return forms.ModelChoiceField(
        label="Instytucja partnerska",
        queryset=Institution.objects.order_by("name"),
        required=False,
        empty_label="— bez instytucji —",
        help_text=f"Tylko dla roli „{PARTNER}”: konto będzie widzieć w panelu wyłącznie wpisy i dane tej instytucji.",
        error_messages={"invalid_choice": "Tej instytucji już nie ma. Wybierz inną."},
    )


def institution_of_account(user):
    link = InstitutionAccount.objects.filter(user_id=user.pk).only("institution_id").first() if user.pk else None
    return link.institution_id if link else None


class PartnerInstitutionMixin:
    """The role „Osoba z instytucji partnerskiej” needs its institution; no other role has one."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == PARTNER:
            if not cleaned.get("institution") and "institution" not in self.errors:
                self.add_error("institution", f"Wybierz instytucję, dla której będzie pracować {PARTNER.lower()}.")
        else:
            cleaned["institution"] = None
        return cleaned

    def save_institution(self, user):
        institution = self.cleaned_data.get("institution")
        if institution is None:
            InstitutionAccount.objects.filter(user=user).delete()
        else:
            InstitutionAccount.objects.update_or_create(user=user, defaults={"institution": institution})


class StaffInviteForm(PartnerInstitutionMixin, forms.ModelForm):
    """„Dodaj pracownika”: a name, an e-mail address and a role; the person sets the password."""

    role = forms.ChoiceField(
        label="Rola",
        widget=forms.RadioSelect,
        error_messages={"required": "Wybierz rolę."},
    )
    institution = institution_field()

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "email"]
        labels = {"first_name": "Imię", "last_name": "Nazwisko", "email": "Adres e-mail"}
        help_texts = {
            "email": "Służbowy adres: na niego przyjdzie zaproszenie, nim też ta osoba będzie się logować.",
        }
        error_messages = {
            "first_name": {"required": "Wpisz imię."},
            "last_name": {"required": "Wpisz nazwisko."},
            "email": {"required": "Wpisz adres e-mail.", "invalid": "Wpisz poprawny adres e-mail."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["role"].choices = role_choices()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        taken = (
            get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()
            or EmailAddress.objects.filter(email__iexact=email).exists()
        )
        if taken:
            raise forms.ValidationError(
                "Konto z tym adresem e-mail już istnieje. Aby nadać mu rolę, otwórz je na liście użytkowników."
            )
        return email


class StaffChangeForm(PartnerInstitutionMixin, forms.ModelForm):
    """A colleague's name, role and whether the account is active; the e-mail is the person's own to change."""

    role = forms.ChoiceField(
        label="Rola",
        widget=forms.RadioSelect,
        required=False,
    )
    institution = institution_field()

    # The person signed in, set by StaffUserAdmin.get_form: nobody takes away their own access.
    editor = None

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "is_active"]
        labels = {"first_name": "Imię", "last_name": "Nazwisko", "is_active": "Konto aktywne"}
        help_texts = {
            "is_active": "Zamiast usuwać konto, wystarczy odznaczyć to pole: ta osoba nie zaloguje się, "
            "a jej wpisy i komentarze zostaną podpisane jak dotąd."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [*role_choices(), (NO_ROLE, "Bez roli – konto czytelnika, bez dostępu do panelu")]
        self.initial.setdefault("role", role_of(self.instance))
        self.initial.setdefault("institution", institution_of_account(self.instance))

    def clean(self):
        cleaned = super().clean()
        if self.editor is not None and self.instance.pk == self.editor.pk:
            if cleaned.get("role") != role_of(self.instance):
                self.add_error("role", "Własnej roli nie można zmienić: poproś o to inną osobę z rolą Administrator.")
            if cleaned.get("is_active") is False:
                self.add_error("is_active", "Własnego konta nie można wyłączyć.")
        return cleaned
