from django.conf import settings
from django.utils.functional import SimpleLazyObject

from pages.models import Coordinator

COOKIE_NOTICE_COOKIE = "cookie_notice"


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        # Loaded only when a template shows it (the footer), one query.
        "coordinator": SimpleLazyObject(lambda: Coordinator.objects.filter(pk=1).first()),
        "show_cookie_notice": request.COOKIES.get(COOKIE_NOTICE_COOKIE) != "1",
    }
