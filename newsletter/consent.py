"""The consent text shown beside the sign-up checkbox, versioned.

Change the wording only together with CONSENT_VERSION: every subscriber keeps a
reference to the exact version they agreed to (``ConsentText`` rows are
created from here the first time a version is used). The box in the footer
renders from these constants, so it costs no database query.
"""

from django.urls import reverse
from django.utils.html import format_html, strip_tags

CONSENT_VERSION = 1

_CONSENT_TEMPLATE = (
    "Wyrażam zgodę na przesyłanie na podany adres e-mail wybranych informacji Partnerstwa Lokalnego "
    "Powiatu Nowodworskiego: powiadomień o nowych wpisach lub newslettera. Administratorem moich danych "
    "jest Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim. Zgodę mogę wycofać w każdej chwili linkiem "
    'z każdej wiadomości. Zasady przetwarzania danych opisuje <a href="{}">polityka prywatności</a>.'
)


def consent_html():
    return format_html(_CONSENT_TEMPLATE, reverse("page", args=["polityka-prywatnosci"]))


def consent_text():
    """The same words as plain text, with the address of the privacy policy, for the record."""
    path = reverse("page", args=["polityka-prywatnosci"])
    return strip_tags(consent_html()).replace("polityka prywatności.", f"polityka prywatności ({path}).")
