import logging
import sys
from collections import defaultdict

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from changelog.metryczka import metryczka_for
from core import rodo, sanitize
from core.links import absolute_url
from drafts.models import PREVIEW_LINK_KEEP_DAYS
from meetings.models import Meeting
from members.models import Institution
from news.models import Post
from pagecache.versions import shows
from pages.frame import request_frame
from pages.models import (
    HOME_HEADING,
    HOME_INTRO,
    HOME_MEETINGS_COUNT,
    HOME_NEWS_COUNT,
    AccessibilityStatement,
    ActivityInformation,
    Announcement,
    HomeBlock,
    HomeTile,
    Page,
    PageAttachment,
    PageRedirect,
)
from stats.counter import VIEWS_TAG, shown, total_subquery

log = logging.getLogger(__name__)

# The home page's blocks before staff arrange them (and what the demo creates).
DEFAULT_BLOCKS = [HomeBlock.Kind.NEWS, HomeBlock.Kind.MEETINGS, HomeBlock.Kind.PARTNERS]

# What psycopg raises (wrapped by Django) when the server is away or restarting.
DATABASE_ERRORS = (OperationalError, InterfaceError)


def home(request):
    c = request_frame(request).coordinator
    blocks = list(HomeBlock.objects.filter(home_id=1).order_by("position", "pk"))
    shown = [block.kind for block in blocks if block.is_shown] if blocks else list(DEFAULT_BLOCKS)
    context = {
        # Before the coordinator's row exists, the introduction's defaults.
        "heading": c.home_heading if c else HOME_HEADING,
        "intro": c.home_intro if c else HOME_INTRO,
    }
    # Only the blocks staff show are loaded, as many items as staff chose.
    if HomeBlock.Kind.ANNOUNCEMENTS in shown:
        context["announcements"] = list(Announcement.objects.filter(home_id=1).current())
    if HomeBlock.Kind.NEWS in shown:
        news_count = c.home_news_count if c else HOME_NEWS_COUNT
        context["posts"] = Post.objects.published().pinned_first().select_related("category")[:news_count]
    if HomeBlock.Kind.MEETINGS in shown:
        meetings_count = c.home_meetings_count if c else HOME_MEETINGS_COUNT
        nearest = list(Meeting.objects.published().next_or_recent().select_related("venue")[: max(meetings_count, 2)])
        upcoming = [m for m in nearest if m.is_upcoming][:meetings_count]
        # When no meeting is planned, the latest ones.
        context.update(meetings=upcoming, recent_meetings=[] if upcoming else nearest[:2])
    if HomeBlock.Kind.TILES in shown:
        context["tiles"] = list(HomeTile.objects.filter(home_id=1))
        context["tiles_heading"] = c.home_tiles_heading if c else ""
    if HomeBlock.Kind.PARTNERS in shown:
        # Every partner by name, with its logo where staff uploaded one (none is made up).
        context["partners"] = Institution.objects.published().only("name", "slug", "logo").order_by("name")
    # Notices and tiles take no room while there are none to show.
    empty = {HomeBlock.Kind.ANNOUNCEMENTS: "announcements", HomeBlock.Kind.TILES: "tiles"}
    context["rows"] = _home_rows([kind for kind in shown if kind not in empty or context[empty[kind]]])
    return render(request, "pages/home.html", context)


def _home_rows(blocks):
    """Blocks in rows: news and meetings side by side when they follow each other, others alone."""
    side_by_side = {HomeBlock.Kind.NEWS, HomeBlock.Kind.MEETINGS}
    rows = []
    for block in blocks:
        if rows and len(rows[-1]) == 1 and {rows[-1][0], block} == side_by_side:
            rows[-1].append(block)
        else:
            rows.append([block])
    return rows


@shows(lambda url_path: [VIEWS_TAG])  # its view count
def page(request, url_path):
    return _tree_page(request, Page.Section.GENERAL, url_path)


@shows(lambda url_path: [VIEWS_TAG])
def partnership_page(request, url_path):
    return _tree_page(request, Page.Section.PARTNERSHIP, url_path)


def page_preview(request, object_id, *, preview_link):
    """The page as its address shows it, even unpublished or below an unpublished page, for the
    holder of a preview link (drafts/previews.py): the menu beside it lists the published pages and
    the page with the pages above it, as it will once they are published."""
    page = get_object_or_404(Page.objects.only("section", "url_path"), pk=object_id)
    return _tree_page(request, page.section, page.url_path, preview_link=preview_link)


def _tree_page(request, section, url_path, preview_link=None):
    """A simple page found by its address, with its ancestors (breadcrumbs) and its section's menu.

    One query reads the page's branch: the whole section „O partnerstwie” (its menu lists every
    top page), or for other pages the top page they sit under and everything below it. A preview
    reads the page and its ancestors in the same query, published or not.
    """
    pages = Page.objects.published().filter(section=section)
    root = url_path.split("/", 1)[0]
    if section == Page.Section.GENERAL:
        pages = pages.filter(Q(url_path=root) | Q(url_path__startswith=f"{root}/"))
    if preview_link is not None:
        segments = url_path.split("/")
        own_way = ["/".join(segments[:n]) for n in range(1, len(segments) + 1)]
        pages = pages | Page.objects.filter(section=section, url_path__in=own_way)
    # Each page's view count rides along (the metryczka shows it): no query of its own.
    branch = list(pages.annotate(view_total=total_subquery(Page)))
    by_path = {p.url_path: p for p in branch}
    page = by_path.get(url_path)
    if page is None and preview_link is not None:
        raise Http404("Nie ma takiej strony.")
    if page is None:
        moved = PageRedirect.objects.filter(old_path=request.path).select_related("page").first()
        if moved is not None and Page.objects.published().filter(pk=moved.page_id).exists():
            return HttpResponsePermanentRedirect(moved.page.get_absolute_url())
        raise Http404("Nie ma takiej strony.")
    segments = url_path.split("/")
    ancestors = [by_path.get("/".join(segments[:n])) for n in range(1, len(segments))]
    if None in ancestors:  # published() leaves out pages below an unpublished one; this is a safeguard
        raise Http404("Nie ma takiej strony.")
    attachments = PageAttachment.objects.select_related("document")
    prefetch_related_objects([page], Prefetch("attachments", queryset=attachments))
    section_menu = _section_menu(branch, page, ancestors)
    if section == Page.Section.PARTNERSHIP:
        menu_label = "O partnerstwie"
    else:
        menu_label = (ancestors[0] if ancestors else page).title
        if len(branch) == 1:
            section_menu = []  # a page on its own needs no menu beside it
    response = render(
        request,
        "pages/page.html",
        {
            "page": page,
            "ancestors": ancestors,
            "in_partnership": section == Page.Section.PARTNERSHIP,
            "section_menu": section_menu,
            "section_menu_label": menu_label,
            "metryczka": metryczka_for(page),
            "privacy": _privacy_facts() if (section, url_path) == PRIVACY_POLICY else None,
            "preview_link": preview_link,
            "here": page.get_absolute_url() if preview_link else request.path,
        },
    )
    return response if preview_link else shown(response, page)  # a preview is no reader's view


# The privacy policy's address; its page also shows what the portal itself knows for certain:
# whom to write to (the coordinator's row) and when data are deleted (the RETENTION_* settings).
PRIVACY_POLICY = (Page.Section.GENERAL, "polityka-prywatnosci")


def _privacy_facts():
    return {
        "limits": rodo.limits_hours(),
        "signups": rodo.period(settings.RETENTION_UNCONFIRMED_SIGNUP_DAYS),
        "accession": rodo.period(settings.RETENTION_ACCESSION_DAYS),
        "accessibility": rodo.period(settings.RETENTION_ACCESSIBILITY_DAYS),
        "preview_links": rodo.period(PREVIEW_LINK_KEEP_DAYS),
    }


def _section_menu(branch, page, ancestors):
    """The branch as nested entries: top pages, and below each page on the way here its subpages."""
    children = defaultdict(list)
    for p in branch:
        children[p.parent_id].append(p)
    open_ids = {a.pk for a in ancestors} | {page.pk}
    in_branch = {p.pk for p in branch}
    top = [p for p in branch if p.parent_id not in in_branch]

    def entries(nodes):
        return [
            {
                "page": node,
                "current": node.pk == page.pk,
                "children": entries(children[node.pk]) if node.pk in open_ids else [],
            }
            for node in nodes
        ]

    return entries(top)


def contact(request):
    # Partners residents can reach (a phone or an e-mail): whom to ask while the coordinator's
    # own contacts are not filled in, and the offices of the gminas in any case.
    partners = Institution.objects.published().exclude(phone="", email="").order_by("name")
    return render(request, "pages/contact.html", {"partners": partners})


def old_cookie_notice(request):
    """/ciasteczka/ once took the cookie notice's button; the notice is gone (only necessary
    cookies are set), so any request to it goes to the privacy policy's section on cookies."""
    target = reverse("page", args=["polityka-prywatnosci"]) + "#pliki-cookie"
    if request.method in ("GET", "HEAD"):
        return HttpResponsePermanentRedirect(target)
    return HttpResponseRedirect(target)  # an old form's post: its answer is never cached as the address


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def method_not_allowed(request, way_back=None):
    response = render(request, "405.html", {"way_back": way_back}, status=405)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    # No context processors, no database: the database may be the problem.
    if isinstance(sys.exception(), DATABASE_ERRORS):  # raised outside a view, e.g. in middleware
        return database_unavailable(request, sys.exception())
    return HttpResponseServerError(loader.get_template("500.html").render({"SITE_NAME": settings.SITE_NAME}))


def _page_without_database(request, template, status, retry_after):
    """Render a page in the site layout without context processors or queries."""
    request.user = AnonymousUser()  # the lazy user would read the session table
    html = loader.get_template(template).render({"SITE_NAME": settings.SITE_NAME, "request": request})
    response = HttpResponse(html, status=status)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable(request, exception):
    log.error("Database unavailable (%s %s): %s", request.method, request.path, exception)
    response = _page_without_database(request, "503.html", 503, retry_after=30)
    response._has_been_logged = True  # logged above, once, without a traceback
    return response


def too_many_requests(request, retry_after):
    return _page_without_database(request, "429.html", 429, retry_after=retry_after)


def uri_too_long(request):
    return HttpResponse("Adres strony jest za długi.", status=414, content_type="text/plain; charset=utf-8")


def _statement():
    # Until staff save it in admin, the defaults are shown (nothing is written on a GET).
    return AccessibilityStatement.objects.filter(pk=1).first() or AccessibilityStatement()


def _accessibility_contact(statement, coordinator):
    """(e-mail, phone) for accessibility matters: the statement's own, else the coordinator office's."""
    email = statement.contact_email or (coordinator.email if coordinator else "")
    phone = statement.contact_phone or (coordinator.phone if coordinator else "")
    return email, phone


def accessibility_statement(request):
    statement = _statement()
    email, phone = _accessibility_contact(statement, request_frame(request).coordinator)
    return render(
        request,
        "pages/accessibility_statement.html",
        {"statement": statement, "site_url": absolute_url("/"), "contact_email": email, "contact_phone": phone},
    )


def _activity_information():
    return ActivityInformation.objects.filter(pk=1).first() or ActivityInformation()


@require_GET
def activity_easy_to_read(request):
    return render(request, "pages/activity_easy_to_read.html", {"info": _activity_information()})


@require_GET
def activity_sign_language(request):
    info = _activity_information()
    coordinator = request_frame(request).coordinator
    context = {"info": info}
    if not info.has_recording:
        # How to get the information in PJM meanwhile: the coordinator's office, else the
        # accessibility contact of the statement.
        statement = _statement()
        email, phone = _accessibility_contact(statement, coordinator)
        context.update(office_has_contacts=bool(coordinator and coordinator.has_contacts), email=email, phone=phone)
    return render(request, "pages/activity_sign_language.html", context)


@require_GET
def activity_text(request):
    return render(request, "pages/activity_text.html", {"info": _activity_information()})


@require_GET
def activity_text_download(request):
    info = _activity_information()
    if not info.text_paragraphs:
        raise Http404("Nie ma tekstu do pobrania.")
    title = "Informacja o działalności Partnerstwa Lokalnego Powiatu Nowodworskiego"
    body = "\n\n".join([title, *info.text_paragraphs, f"Źródło: {absolute_url(reverse('activity_text'))}"]) + "\n"
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="informacja-o-dzialalnosci.txt"'
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ckeditor5/",
        "Disallow: /ciasteczka/",
        # Sign-in and account pages, at their Polish addresses and allauth's old English ones.
        "Disallow: /konto/",
        "",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def partnership_index(request):
    pages = list(Page.objects.published().filter(section=Page.Section.PARTNERSHIP, parent=None))
    for p in pages:
        p.summary = sanitize.html_to_text(p.body)
    return render(request, "pages/partnership_index.html", {"section_pages": pages})


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin)."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
