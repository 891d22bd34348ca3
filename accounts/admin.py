"""Staff accounts in the admin: „Dodaj pracownika” by e-mail with a role, an invitation to set the password.

In place of Django's UserAdmin, whose forms ask for a username (logins here are by e-mail), show
password hashes and explain single sign-on: a person is a name, an e-mail address and one role
of accounts/roles.py, picked from a list. The new account has no usable password until the
person sets one from the invitation (accounts/invite.py); its address counts as confirmed.
"""

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from accounts.forms import NO_ROLE, StaffChangeForm, StaffInviteForm, role_of
from accounts.invite import link_lifetime, send_invitation
from accounts.roles import ADMINISTRATOR, ROLES
from core.templatetags.pl import pl_datetime, plural_form

User = get_user_model()


class RoleFilter(admin.SimpleListFilter):
    title = "rola"
    parameter_name = "rola"
    READERS = "czytelnicy"

    def lookups(self, request, model_admin):
        return [*((role, role) for role in ROLES), (self.READERS, "konta czytelników")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.READERS:
            return queryset.filter(is_staff=False)
        if value == ADMINISTRATOR:
            return queryset.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATOR), is_staff=True).distinct()
        if value in ROLES:
            return queryset.filter(is_staff=True, groups__name=value)
        return queryset


class ActiveFilter(admin.SimpleListFilter):
    title = "stan konta"
    parameter_name = "stan"

    def lookups(self, request, model_admin):
        return [("aktywne", "aktywne"), ("wylaczone", "wyłączone")]

    def queryset(self, request, queryset):
        if self.value() in ("aktywne", "wylaczone"):
            return queryset.filter(is_active=self.value() == "aktywne")
        return queryset


class StaffUserAdmin(admin.ModelAdmin):
    list_display = ["full_name", "email", "roles", "active", "last_seen"]
    list_display_links = ["full_name", "email"]
    list_filter = [RoleFilter, ActiveFilter]
    search_fields = ["first_name", "last_name", "email"]
    ordering = ["last_name", "first_name", "email"]
    actions = ["send_invitations"]
    add_fieldsets = [
        (
            None,
            {
                "fields": ["first_name", "last_name", "email", "role", "institution"],
                "description": "Ta osoba dostanie e-mail z linkiem do ustawienia hasła; jej adres e-mail "
                "będzie od razu potwierdzony. Rola mówi, co może robić w panelu; można ją później zmienić.",
            },
        )
    ]
    fieldsets = [
        (
            None,
            {
                "fields": ["email", "first_name", "last_name", "role", "institution", "is_active"],
                "description": "Rola mówi, co ta osoba może robić w panelu. Bez roli konto służy tylko do "
                "komentowania i oceniania na portalu. Adres e-mail zmienia sama osoba na stronie swojego konta.",
            },
        ),
        ("Logowanie", {"fields": ["password_state", "last_seen", "joined"]}),
    ]
    readonly_fields = ["email", "password_state", "last_seen", "joined"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = StaffChangeForm if obj is not None else StaffInviteForm
        form = super().get_form(request, obj, change=change, **kwargs)
        form.editor = request.user
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if add:
            response.context_data["title"] = "Dodaj pracownika"
        return response

    # The list.

    @admin.display(description="imię i nazwisko", ordering="last_name")
    def full_name(self, user):
        return user.get_full_name() or "–"

    @admin.display(description="rola")
    def roles(self, user):
        if not user.is_staff:
            return "konto czytelnika"
        return role_of(user) or "bez roli"

    @admin.display(description="aktywne", boolean=True, ordering="is_active")
    def active(self, user):
        return user.is_active

    @admin.display(description="ostatnie logowanie", ordering="last_login")
    def last_seen(self, user):
        return pl_datetime(user.last_login) if user.last_login else "jeszcze nie"

    @admin.display(description="konto założono")
    def joined(self, user):
        return pl_datetime(user.date_joined)

    @admin.display(description="hasło")
    def password_state(self, user):
        if user.has_usable_password():
            return "Ustawione. Zapomniane hasło można odzyskać linkiem „Nie pamiętasz hasła?” na stronie logowania."
        return (
            "Jeszcze nieustawione: ta osoba nie otworzyła zaproszenia. Gdy link wygasł, zaznacz konto na liście "
            "i wybierz „Wyślij zaproszenie ponownie”."
        )

    # Saving.

    def save_model(self, request, obj, form, change):
        role = form.cleaned_data["role"]
        if not change:
            obj.username = (
                obj.email
                if len(obj.email) <= 150
                else get_adapter(request).generate_unique_username([obj.first_name, obj.last_name, obj.email])
            )
            obj.set_unusable_password()
        obj.is_staff = role != NO_ROLE
        # The picker says what the account may do: a superuser given another role is no longer one.
        obj.is_superuser = obj.is_superuser and role == ADMINISTRATOR
        super().save_model(request, obj, form, change)
        if not change:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user, role = form.instance, form.cleaned_data["role"]
        others = user.groups.filter(name__in=ROLES).exclude(name=role)
        user.groups.remove(*others)
        if role != NO_ROLE:
            user.groups.add(Group.objects.get(name=role))
        form.save_institution(user)
        if not change:
            send_invitation(user, role)

    def response_add(self, request, obj, post_url_continue=None):
        if IS_POPUP_VAR in request.POST:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(
            request,
            format_html(
                "Dodano pracownika „{}”. Zaproszenie z linkiem do ustawienia hasła (ważnym przez {}) "
                "zostanie wysłane na adres {} w ciągu kilku minut.",
                obj.get_full_name(),
                link_lifetime(),
                obj.email,
            ),
            messages.SUCCESS,
        )
        if "_addanother" in request.POST:
            return HttpResponseRedirect(request.path)
        if "_continue" in request.POST:
            return HttpResponseRedirect(reverse("admin:auth_user_change", args=[obj.pk]))
        return self.response_post_save_add(request, obj)

    # Actions.

    @admin.action(permissions=["change"], description="Wyślij zaproszenie ponownie")
    def send_invitations(self, request, queryset):
        # Those who set a password already recover it themselves („Nie pamiętasz hasła?”).
        staff = [
            user
            for user in queryset
            if user.is_staff and user.is_active and user.email and not user.has_usable_password()
        ]
        for user in staff:
            send_invitation(user, role_of(user))
        if staff:
            n = len(staff)
            self.message_user(
                request,
                f"Zaproszenie z nowym linkiem do ustawienia hasła zostanie wysłane do {n} "
                f"{plural_form(n, 'osoby', 'osób', 'osób')} w ciągu kilku minut.",
                messages.SUCCESS,
            )
        if len(staff) < len(queryset):
            self.message_user(
                request,
                "Zaproszenie dostają tylko aktywne konta pracowników bez ustawionego hasła: "
                "pozostałe zaznaczone konta pominięto.",
                messages.WARNING,
            )


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
