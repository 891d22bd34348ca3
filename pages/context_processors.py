from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from pages.frame import header_key, mark_current, request_frame

COOKIE_NOTICE_COOKIE = "cookie_notice"


def site(request):
    # The coordinator, the main menu and the home blocks: one query, made only when a
    # template shows one of them (every page's header and footer do; robots.txt does not).
    frame = SimpleLazyObject(lambda: request_frame(request))
    menu = SimpleLazyObject(lambda: mark_current(frame.menu, request.path))
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "site_frame": frame,
        "coordinator": SimpleLazyObject(lambda: frame.coordinator),
        "main_menu": menu,
        # The keys of the header's and the footer's kept fragments (templates/includes/).
        "header_key": SimpleLazyObject(lambda: header_key(menu, request.path)),
        "this_year": SimpleLazyObject(lambda: timezone.localdate().year),
        "show_cookie_notice": request.COOKIES.get(COOKIE_NOTICE_COOKIE) != "1",
    }
