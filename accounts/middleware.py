"""Staff reach staff-only addresses only with two-factor authentication set up; account pages are never cached."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers

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
                "Panel administracyjny wymaga weryfikacji dwuetapowej. Włącz aplikację "
                "uwierzytelniającą, zapisz kody zapasowe, a potem wróć do panelu.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class PersonalPagesMiddleware:
    """Every answer under the reader's account (/konto/…) says ``Cache-Control: private, no-store``.

    These pages carry one person's data (their comments, the data export, e-mail addresses,
    two-factor settings); no shared cache or browser history may keep them. Our own views and
    allauth's share the prefix, so one rule covers pages added later as well.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            prefix = reverse("accounts:dashboard", urlconf=getattr(request, "urlconf", None))
        except NoReverseMatch:  # a site without accounts (a test's own URLconf)
            return response
        if request.path.startswith(prefix):
            add_never_cache_headers(response)
        return response
