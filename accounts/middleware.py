"""Staff reach the admin only with two-factor authentication set up."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse


class StaffMFAMiddleware:
    """Send staff without an authenticator app from /admin/ to setting one up.

    Every login goes through allauth (the admin login too, see partnerstwo/urls.py),
    and allauth asks for the code of an activated authenticator before it logs
    anyone in, so "has a TOTP authenticator" means "passed the second factor".
    Only admin addresses are checked: public pages run no extra query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and request.path.startswith(reverse("admin:index"))
            and request.user.is_authenticated
            and request.user.is_staff
            and not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request,
                "Panel administracyjny wymaga uwierzytelniania dwuskładnikowego. Włącz aplikację "
                "uwierzytelniającą, zapisz kody odzyskiwania, a potem wróć do panelu.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
