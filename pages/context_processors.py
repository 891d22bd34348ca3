from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from pages.frame import has_submenu, mark_current, request_frame


def site(request):
    # The coordinator and the main menu are loaded when a template first shows one of them
    # (every page's header and footer do; robots.txt does not).
    frame = SimpleLazyObject(lambda: request_frame(request))
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "coordinator": SimpleLazyObject(lambda: frame.coordinator),
        "main_menu": SimpleLazyObject(lambda: mark_current(frame.menu, request.path)),
        # The submenu's own CSS and JavaScript are linked only on a site whose menu has one.
        "main_menu_has_submenu": SimpleLazyObject(lambda: has_submenu(frame.menu)),
        "this_year": timezone.localdate().year,
        # The address a page calls its own (canonical link, print address, the footer's accessibility
        # report, the newsletter box's source). A preview passes its item's public address instead,
        # so a preview link's secret never travels into forms, links or stored rows.
        "here": request.path,
    }
