"""allauth's account and two-factor pages at Polish addresses under /konto/ (partnerstwo/urls.py).

The views are allauth's own (but a spent reset link answers 410: accounts/views.py) and so are
the names (account_login, mfa_index…), so ``{% url %}``,
allauth's redirects and the links in its e-mails all lead here. This list stands in for
``include("allauth.urls")``: a setting that turns on another allauth page needs its line here
(accounts/tests/test_account_pages_have_polish_addresses.py compares the names with allauth's).

allauth's English addresses, already sent in e-mails and kept in bookmarks, answer with a
permanent redirect to the Polish ones, query string included.
"""

from allauth.account import views as account
from allauth.mfa.base import views as mfa
from allauth.mfa.recovery_codes import views as recovery_codes
from allauth.mfa.totp import views as totp
from django.urls import path, re_path
from django.views.generic import RedirectView

from accounts import views

# The arguments keep allauth's patterns: a key from an old link fits the new address as it is.
CONFIRM_KEY = r"(?P<key>[-:\w]+)"
RESET_KEY = r"(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)"
TWO_FACTOR = "weryfikacja-dwuetapowa/"

urlpatterns = [
    path("zaloguj/", account.login, name="account_login"),
    path("zaloguj/kod/", account.confirm_login_code, name="account_confirm_login_code"),
    path("wyloguj/", account.logout, name="account_logout"),
    path("nieaktywne/", account.account_inactive, name="account_inactive"),
    path("zaloz/", account.signup, name="account_signup"),
    path("potwierdz-dostep/", account.reauthenticate, name="account_reauthenticate"),
    path("adres-e-mail/", account.email, name="account_email"),
    path("potwierdz-adres/", account.email_verification_sent, name="account_email_verification_sent"),
    re_path(rf"^potwierdz-adres/{CONFIRM_KEY}/$", account.confirm_email, name="account_confirm_email"),
    path("haslo/zmien/", account.password_change, name="account_change_password"),
    path("haslo/ustaw/", account.password_set, name="account_set_password"),
    path("haslo/nowe/", account.password_reset, name="account_reset_password"),
    path("haslo/nowe/wyslano/", account.password_reset_done, name="account_reset_password_done"),
    re_path(rf"^haslo/nowe/klucz/{RESET_KEY}/$", views.set_password_from_key, name="account_reset_password_from_key"),
    path("haslo/nowe/gotowe/", account.password_reset_from_key_done, name="account_reset_password_from_key_done"),
    path(TWO_FACTOR, mfa.index, name="mfa_index"),
    path(f"{TWO_FACTOR}kod/", mfa.authenticate, name="mfa_authenticate"),
    path(f"{TWO_FACTOR}potwierdz-dostep/", mfa.reauthenticate, name="mfa_reauthenticate"),
    path(f"{TWO_FACTOR}aplikacja/wlacz/", totp.activate_totp, name="mfa_activate_totp"),
    path(f"{TWO_FACTOR}aplikacja/wylacz/", totp.deactivate_totp, name="mfa_deactivate_totp"),
    path(f"{TWO_FACTOR}kody-zapasowe/", recovery_codes.view_recovery_codes, name="mfa_view_recovery_codes"),
    path(
        f"{TWO_FACTOR}kody-zapasowe/nowe/",
        recovery_codes.generate_recovery_codes,
        name="mfa_generate_recovery_codes",
    ),
    path(
        f"{TWO_FACTOR}kody-zapasowe/pobierz/",
        recovery_codes.download_recovery_codes,
        name="mfa_download_recovery_codes",
    ),
]


def moved(route, name):
    """allauth's old English ``route`` (a regex when it starts with ^) now lives at ``name``."""
    view = RedirectView.as_view(pattern_name=name, permanent=True, query_string=True)
    return re_path(route, view) if route.startswith("^") else path(route, view)


urlpatterns += [
    moved("login/", "account_login"),
    moved("login/code/confirm/", "account_confirm_login_code"),
    moved("logout/", "account_logout"),
    moved("inactive/", "account_inactive"),
    moved("signup/", "account_signup"),
    moved("reauthenticate/", "account_reauthenticate"),
    moved("email/", "account_email"),
    moved("confirm-email/", "account_email_verification_sent"),
    moved(rf"^confirm-email/{CONFIRM_KEY}/$", "account_confirm_email"),
    moved("password/change/", "account_change_password"),
    moved("password/set/", "account_set_password"),
    moved("password/reset/", "account_reset_password"),
    moved("password/reset/done/", "account_reset_password_done"),
    moved(rf"^password/reset/key/{RESET_KEY}/$", "account_reset_password_from_key"),
    moved("password/reset/key/done/", "account_reset_password_from_key_done"),
    moved("2fa/", "mfa_index"),
    moved("2fa/authenticate/", "mfa_authenticate"),
    moved("2fa/reauthenticate/", "mfa_reauthenticate"),
    moved("2fa/totp/activate/", "mfa_activate_totp"),
    moved("2fa/totp/deactivate/", "mfa_deactivate_totp"),
    moved("2fa/recovery-codes/", "mfa_view_recovery_codes"),
    moved("2fa/recovery-codes/generate/", "mfa_generate_recovery_codes"),
    moved("2fa/recovery-codes/download/", "mfa_download_recovery_codes"),
]
