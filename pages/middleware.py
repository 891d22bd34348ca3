"""Middleware for every response: security headers, the database being away,
and a ceiling on form posts."""

from django.conf import settings
from django.urls import Resolver404, resolve

from limits.ratelimit import client_ip, is_limited
from pages import views


class PermissionsPolicyMiddleware:
    """Tell browsers that no page uses the camera, microphone, location and the like."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """Answer a Polish 503 page, not a 500, when PostgreSQL cannot be reached.

    Catches what views and templates raise; errors raised in other middleware
    reach the same page through ``views.server_error``. Django's connection
    health checks reconnect on a later request once the server is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, views.DATABASE_ERRORS):
            return views.database_unavailable(request, exception)
        return None


class RequestLimitsMiddleware:
    """Refuse overlong addresses, and put a ceiling on form posts per address.

    The URL limit matches gunicorn's request line limit (gunicorn.conf.py), so
    the answer does not depend on how the portal is run. The post ceiling is generous on purpose
    (an office behind one address posts a lot); views add tighter limits of
    their own where abuse is likely.
    """

    MAX_URL_LENGTH = 8190
    POST_LIMIT = 300
    POST_WINDOW = 600

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.path) + len(request.META.get("QUERY_STRING", "")) > self.MAX_URL_LENGTH:
            return views.uri_too_long(request)
        if request.method == "POST":
            try:
                limited = is_limited("post", client_ip(request), limit=self.POST_LIMIT, window=self.POST_WINDOW)
            except views.DATABASE_ERRORS as error:  # the counters live in PostgreSQL: the 503 page, even with DEBUG
                return views.database_unavailable(request, error)
            if limited:
                return views.too_many_requests(request, retry_after=self.POST_WINDOW)
        return self.get_response(request)


class MethodNotAllowedPageMiddleware:
    """Give a wrong method (a GET of an address that only takes forms) the Polish 405 page.

    Django's ``require_POST`` and friends answer with an empty body, which browsers show as
    their own English error. The page keeps the status and the Allow header, and links back to
    the page that holds the form: the address one level up, when it is a page of the portal.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content:
            return response
        page = views.method_not_allowed(request, way_back=_page_above(request.path))
        page["Allow"] = response.get("Allow", "")
        return page


def _page_above(path):
    """The address one level above ``path`` if the portal answers it (``/a/b/c/`` → ``/a/b/``)."""
    parent = path.rstrip("/").rpartition("/")[0] + "/"
    if parent == "/":
        return None
    try:
        resolve(parent)
    except Resolver404:
        return None
    return parent
