from django.conf import settings
from django.utils.functional import SimpleLazyObject

from pages.frame import mark_current, request_frame

COOKIE_NOTICE_COOKIE = "cookie_notice"


def site(request):
    # The coordinator, the main menu and the home blocks: one query, made only when a
    # template shows one of them (every page's header and footer do; robots.txt does not).
    frame = SimpleLazyObject(lambda: request_frame(request))
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "site_frame": frame,
        "coordinator": SimpleLazyObject(lambda: frame.coordinator),
        "main_menu": SimpleLazyObject(lambda: mark_current(frame.menu, request.path)),
        "show_cookie_notice": request.COOKIES.get(COOKIE_NOTICE_COOKIE) != "1",
    }
