"""Admin pages for third-party models whose own are in English."""

from allauth.mfa.models import Authenticator
from django.contrib import admin

from core.templatetags.pl import pl_datetime

TYPES = {
    Authenticator.Type.TOTP: "aplikacja z kodami (TOTP)",
    Authenticator.Type.RECOVERY_CODES: "kody zapasowe",
    Authenticator.Type.WEBAUTHN: "klucz sprzętowy (WebAuthn)",
}


class TypeFilter(admin.SimpleListFilter):
    title = "rodzaj"
    parameter_name = "rodzaj"

    def lookups(self, request, model_admin):
        return list(TYPES.items())

    def queryset(self, request, queryset):
        return queryset.filter(type=self.value()) if self.value() in TYPES else queryset


class AuthenticatorAdmin(admin.ModelAdmin):
    """Staff look up and remove a lost phone's key (the person then sets up a new one); the secret stays hidden."""

    list_display = ["account", "kind", "created", "last_used"]
    list_filter = [TypeFilter]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    fields = ["account", "kind", "created", "last_used"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="konto", ordering="user__email")
    def account(self, obj):
        return obj.user.email

    @admin.display(description="rodzaj", ordering="type")
    def kind(self, obj):
        return TYPES.get(obj.type, obj.type)

    @admin.display(description="dodano", ordering="created_at")
    def created(self, obj):
        return pl_datetime(obj.created_at)

    @admin.display(description="ostatnio użyto", ordering="last_used_at")
    def last_used(self, obj):
        return pl_datetime(obj.last_used_at) if obj.last_used_at else "jeszcze nie"
