"""Count a reader's view of an item page, for pages from the page cache too (stats/counter.py).

It sits before the page cache: a hit skips everything below it, this still sees the answer. An
answer counts when it is a GET that got 200 for a page marked with ``counter.shown``, for a
reader who is not staff, from a browser that says it is one and is not only prefetching. Nothing
about the reader is read beyond those headers, and nothing is kept: no cookie, no address.
"""

import logging
import re

from stats import counter

log = logging.getLogger(__name__)

# A short rule, not a list of every robot: most say so in their User-Agent, or send none.
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|curl|wget|python|java/|go-http|okhttp|libwww|httpclient|"
    r"feed|preview|monitor|check|scan|lighthouse|headless",
    re.IGNORECASE,
)


def is_prefetch(request):
    """Speculative loads the reader may never see (Chrome's and Firefox's headers)."""
    purpose = " ".join(
        request.headers.get(name, "") for name in ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")
    ).lower()
    return "prefetch" in purpose or "preview" in purpose


def is_bot(request):
    agent = request.headers.get("User-Agent", "")
    return len(agent) < 10 or BOT_RE.search(agent) is not None


def is_staff(request):
    # Only set when the stack below ran (never on a cached hit, which is for visitors without a session).
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and user.is_staff


class ViewCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        item = getattr(response, "view_item", None)
        if (
            item is not None
            and request.method == "GET"
            and response.status_code == 200
            and not is_prefetch(request)
            and not is_bot(request)
            and not is_staff(request)
        ):
            try:
                counter.count_view(item)
            except Exception:  # a count that cannot be kept never costs the reader the page
                log.warning("A view could not be counted: %s", item, exc_info=True)
        return response
