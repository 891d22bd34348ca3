"""Admin pages for third-party models whose own are in English."""

from allauth.mfa.models import Authenticator
from django.contrib import admin

TYPES = {
    Authenticator.Type.TOTP: "aplikacja z kodami (TOTP)",
    Authenticator.Type.RECOVERY_CODES: "kody zapasowe",
    Authenticator.Type.WEBAUTHN: "klucz sprzętowy (WebAuthn)",
}


class AuthenticatorAdmin(admin.ModelAdmin):
    """Staff look up and remove a lost phone's key (the person then sets up a new one); the secret stays hidden."""

    list_display = ["user", "kind", "created", "last_used"]
    list_filter = ["type"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    fields = ["user", "kind", "created", "last_used"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="rodzaj", ordering="type")
    def kind(self, obj):
        return TYPES.get(obj.type, obj.type)

    @admin.display(description="dodano", ordering="created_at")
    def created(self, obj):
        return obj.created_at

    @admin.display(description="ostatnio użyto", ordering="last_used_at")
    def last_used(self, obj):
        return obj.last_used_at
