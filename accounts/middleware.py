"""Staff reach staff-only addresses only with two-factor authentication set up."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

from core.staff import second_factor_missing


class StaffMFAMiddleware:
    """Send staff without an authenticator app from every staff-only address to setting one up.

    Staff-only addresses are settings.STAFF_ONLY_PREFIXES (the admin, the editor's
    upload endpoint); staff privileges inside public views check
    core.staff.has_staff_powers. Public pages run no extra query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(settings.STAFF_ONLY_PREFIXES) and second_factor_missing(request):
            messages.warning(
                request,
                "Panel administracyjny wymaga uwierzytelniania dwuskładnikowego. Włącz aplikację "
                "uwierzytelniającą, zapisz kody odzyskiwania, a potem wróć do panelu.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
