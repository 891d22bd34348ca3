"""Staff powers need the second factor: one rule for the admin and every staff privilege outside it.

Public views of any app ask ``has_staff_powers``; accounts/middleware.py keeps
staff without the second factor out of staff-only addresses.

Every login goes through allauth (the admin login too, see partnerstwo/urls.py),
and allauth asks for the code of an activated authenticator before it logs
anyone in, so "has a TOTP authenticator" means "passed the second factor".
"""

from allauth.mfa.models import Authenticator
from django.conf import settings


def second_factor_missing(request):
    """True for staff who must set up TOTP first (MFA_REQUIRED_FOR_STAFF); one query per request."""
    user = request.user
    if not (settings.MFA_REQUIRED_FOR_STAFF and user.is_authenticated and user.is_staff):
        return False
    missing = getattr(request, "_second_factor_missing", None)
    if missing is None:
        missing = not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        request._second_factor_missing = missing
    return missing


def has_staff_powers(request):
    """Use instead of ``request.user.is_staff`` wherever staff may see or do more than readers."""
    return request.user.is_authenticated and request.user.is_staff and not second_factor_missing(request)
