"""Shared fixtures for the browser tests: Chromium through Playwright against live_server."""

import os
import threading
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from conftest import pdf_bytes

# Playwright's sync API keeps an asyncio event loop in this thread; Django would then refuse
# ORM calls made by the tests (fixtures, checks) as "async unsafe". They run sequentially here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Assertions wait as long as actions do (10 s): a live check answers later on a loaded machine.
expect.set_options(timeout=10_000)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, live_server, **options):
    context = browser.new_context(
        base_url=live_server.url,
        locale="pl-PL",
        timezone_id=settings.TIME_ZONE,
        viewport={"width": 1280, "height": 900},
        **options,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


@pytest.fixture(autouse=True)
def _fresh_rate_limits(transactional_db):
    # allauth's login counters and the pages live in cache tables, which outlast each test's data:
    # start every journey afresh (the portal's own limits are in a table that is flushed anyway).
    from django.core.cache import caches

    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _requests_done_before_the_flush(transactional_db, browser):
    """Close every page of the test, then let the live server finish the requests they left.

    A closed page does not stop a request the server is handling (an autosave, a dialog's search):
    run on while the test's data is flushed, it deadlocks with the flush's TRUNCATE. Set up after
    the database and before the pages, this runs after the pages' own teardown and before the flush.
    """
    yield
    for context in browser.contexts:  # those a test opened itself too: their connections close
        context.close()
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):  # socketserver.ThreadingMixIn's handler
            thread.join(timeout=10)


@pytest.fixture
def page(browser, live_server, transactional_db):
    """A fresh visitor with JavaScript on (own cookies)."""
    context, page = _new_page(browser, live_server)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server, transactional_db):
    """A fresh visitor whose browser runs no JavaScript."""
    context, page = _new_page(browser, live_server, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture(params=["js", "no-js"])
def any_page(request, browser, live_server, transactional_db):
    """The same visitor journey with JavaScript on and off."""
    context, page = _new_page(browser, live_server, java_script_enabled=request.param == "js")
    yield page
    context.close()


@pytest.fixture
def log_in(live_server):
    """Sign a browser in without the login form, like the test client's force_login."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    def log_in(page, user):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}]
        )

    return log_in


def _meeting_with_a_report(alice):
    """A held meeting with a published report, photos, documents, agenda and participants."""
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from changelog.metryczka import record_change
    from conftest import image_bytes
    from core.documents import clean_document
    from core.images import clean_image
    from meetings.models import AgendaItem, Document, Meeting, Photo, Report, Venue
    from members.models import Institution

    venue = Venue.objects.create(name="Sala konferencyjna urzędu pracy", gmina="nasielsk")
    meeting = Meeting.objects.create(
        title="Spotkanie partnerów o rynku pracy",
        series="Spotkania organizacyjno-integracyjne",
        date=timezone.localdate() - datetime.timedelta(days=20),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        venue=venue,
        status=Meeting.Status.HELD,
        description="<p>Rozmowa o stażach i szkoleniach w Łodzi i w Nasielsku.</p>",
    )
    AgendaItem.objects.create(meeting=meeting, position=1, time=datetime.time(10), title="Powitanie")
    AgendaItem.objects.create(meeting=meeting, position=2, title="Plan działań", notes="prowadzi koordynator")
    meeting.participants.set(Institution.objects.all()[:3])
    report = Report.objects.create(
        meeting=meeting,
        author=alice,
        status=Report.Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=18),
        body="<p>Partnerzy omówili plan staży na kolejny rok.</p><h3>Wnioski</h3><ul><li>więcej szkoleń</li></ul>",
    )
    record_change(report, alice, created=True, summary="Utworzenie")
    for n in (1, 2):
        upload = SimpleUploadedFile(f"zdjecie{n}.jpg", image_bytes(size=(600, 400)), content_type="image/jpeg")
        Photo.objects.create(
            meeting=meeting,
            image=clean_image(upload),
            position=n,
            alt=f"Uczestnicy spotkania przy stole, ujęcie {n}",
            caption="Dyskusja o stażach" if n == 1 else "",
        ).make_renditions()  # as the background task does after commit
    pdf = pdf_bytes()
    Document.objects.create(
        meeting=meeting,
        title="Lista obecności",
        file=clean_document(SimpleUploadedFile("lista.pdf", pdf, content_type="application/pdf")),
    )
    return meeting


@pytest.fixture
def site_content(make_post, category, alice, django_user_model, log_in):
    """One of every page type, with realistic content: page name -> address, or -> a function that opens
    the page in a given browser tab (pages reached by an action: a form sent, a signed-in reader).
    Functions come last, as they may sign the tab in."""
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from agreement.models import Agreement
    from changelog.metryczka import record_change
    from conftest import image_bytes
    from drafts.previews import make_link
    from meetings.models import Meeting
    from news.models import Category, Comment, Post
    from newsletter.models import ConsentText, Subscriber
    from newsletter.tokens import confirm_token, unsubscribe_token
    from pages.models import Page
    from tests.browser.helpers import verify_email

    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # partners, agreement, meetings, first post, statement
    events = Category.objects.create(name="Wydarzenia", slug="wydarzenia", description="Spotkania i wydarzenia.")
    post = make_post(
        title="Spotkanie partnerów w Nasielsku",
        lead="Partnerzy omówili plan działań na kolejny rok.",
        body=(
            "<h2>Program</h2><ul><li>powitanie</li><li>plan działań</li></ul>"
            "<table><thead><tr><th>Godzina</th><th>Punkt</th></tr></thead>"
            "<tbody><tr><td>10:00</td><td>Powitanie</td></tr></tbody></table>"
            "<blockquote><p>Działamy razem.</p></blockquote>"
        ),
        category=events,
        image=ContentFile(image_bytes(size=(800, 400)), name="spotkanie.jpg"),
        image_alt="Uczestnicy spotkania przy stole",
    )
    Page.objects.create(
        title="Czym jest partnerstwo",
        slug="czym-jest-partnerstwo",
        section=Page.Section.PARTNERSHIP,
        position=1,
        body="<p>Partnerstwo lokalne to dobrowolna współpraca instytucji z jednego terenu.</p>",
    )
    Page.objects.create(
        title="Cele partnerstwa",
        slug="cele",
        section=Page.Section.PARTNERSHIP,
        position=2,
        body="<h2>Cele</h2><ul><li>integracja społeczności lokalnej</li><li>lepszy rynek pracy</li></ul>",
    )
    # A subpage, so the section menu shows a branch of the page tree.
    Page.objects.create(
        title="Cele szczegółowe",
        slug="cele-szczegolowe",
        parent=Page.objects.get(slug="cele"),
        body="<p>Cele rozpisane na działania partnerów.</p>",
    )
    # A submenu under „O partnerstwie”, so every page's header is checked with one.
    from pages.models import MenuItem

    partnership = MenuItem.objects.get(section=MenuItem.Section.PARTNERSHIP)
    for position, slug in enumerate(["czym-jest-partnerstwo", "cele"]):
        target = Page.objects.get(slug=slug, parent=None)
        MenuItem.objects.create(label=target.title, page=target, parent=partnership, position=position)
    # Two saves in admin, so the metryczka shows its change register.
    record_change(post, alice, created=True, summary="Utworzenie")
    record_change(post, alice, created=False, summary="Zmiana: treść")
    record_change(Agreement.objects.first(), alice, created=True, summary="Utworzenie")
    demo_post = Post.objects.get(slug="partnerstwo-lokalne-w-powiecie-nowodworskim")
    meeting = _meeting_with_a_report(alice)
    pending_report = Meeting.objects.get(slug="pierwsze-spotkanie-organizacyjno-integracyjne-2018-06-06")

    reader = verify_email(
        django_user_model.objects.create_user(
            username="czytelniczka@example.com",
            email="czytelniczka@example.com",
            password="czytelniczka-haslo-1",
            first_name="Celina",
        )
    )
    Comment.objects.create(
        post=post,
        user=reader,
        author_name="Celina",
        body="Dobry pomysł ze stażami.",
        status=Comment.Status.APPROVED,
        reply="Dziękujemy! Nabór na staże ruszy wiosną.",
        replied_at=post.published_at,
        replied_by=alice,
    )
    no_rights = django_user_model.objects.create_user(
        username="stazysta@pup.example",
        email="stazysta@pup.example",
        password="stazysta-haslo-1",
        is_staff=True,
    )
    subscriber = Subscriber.objects.create(
        email="nowa@example.com",
        status=Subscriber.Status.PENDING,
        consent=ConsentText.current(),
        source="test",
    )

    draft = make_post(title="Nabór do programu staży", status=Post.Status.DRAFT, category=events)
    revoked, revoked_url = make_link(draft, 7)
    revoked.revoked_at = revoked.created_at
    revoked.save()

    def signed_in(user, url):
        def open_page(page):
            log_in(page, user)
            page.goto(url)

        return open_page

    def accession_form_with_errors(page):
        page.goto("/partnerzy/przystap/")
        page.locator("main form").evaluate("form => { form.noValidate = true; }")
        page.locator("main form").get_by_role("button").last.click()
        page.wait_for_load_state()

    def accessibility_request_with_errors(page):
        page.goto("/zglos-problem-z-dostepnoscia/")
        page.locator("main form").evaluate("form => { form.noValidate = true; }")
        page.locator("main form").get_by_role("button").last.click()
        page.wait_for_load_state()

    def expired_form(page):
        page.goto("/newsletter/")
        page.context.clear_cookies(name="csrftoken")
        page.locator("main form").evaluate("form => { form.noValidate = true; }")
        page.locator("main form").get_by_role("button").last.click()
        page.wait_for_load_state()

    return {
        "strona główna": "/",
        "lista aktualności": "/aktualnosci/",
        "wpis": post.get_absolute_url(),
        "wpis z treścią demonstracyjną": demo_post.get_absolute_url(),
        "kategoria": events.get_absolute_url(),
        "polityka prywatności": "/polityka-prywatnosci/",
        "partnerstwo": "/partnerstwo/",
        "strona o partnerstwie": "/partnerstwo/cele/",
        "podstrona w drzewie stron": "/partnerstwo/cele/cele-szczegolowe/",
        "kontakt": "/kontakt/",
        "porozumienie": "/porozumienie/",
        "porozumienie podpisane przez funkcje": "/porozumienie/porozumienie-na-rzecz-rozwoju-ekonomii-spolecznej/",
        "partnerzy": "/partnerzy/",
        "partnerzy z filtrem": "/partnerzy/?rodzaj=urzad-gminy&gmina=nasielsk",
        "partnerzy z nieznanym filtrem": "/partnerzy/?gmina=lodz",
        "partner": "/partnerzy/powiatowy-urzad-pracy/",
        "przystąpienie do partnerstwa": "/partnerzy/przystap/",
        "spotkania": "/spotkania/",
        "archiwum spotkań": "/spotkania/archiwum/2018/",
        "spotkanie z relacją": meeting.get_absolute_url(),
        "spotkanie czekające na relację": pending_report.get_absolute_url(),
        "wyniki wyszukiwania": "/szukaj/?q=lodz",
        "brak wyników wyszukiwania": "/szukaj/?q=xyzzy",
        "newsletter": "/newsletter/",
        "potwierdzenie newslettera": f"/newsletter/potwierdz/{confirm_token(subscriber)}/",
        "wypisanie z newslettera": f"/newsletter/wypisz/{unsubscribe_token(subscriber)}/",
        "logowanie": "/konto/zaloguj/",
        "rejestracja": "/konto/zaloz/",
        "reset hasła": "/konto/haslo/nowe/",
        "deklaracja dostępności": "/deklaracja-dostepnosci/",
        "tekst łatwy do czytania": "/tekst-latwy-do-czytania/",
        "informacja w języku migowym": "/jezyk-migowy/",
        "informacja o działalności": "/informacja-o-dzialalnosci/",
        "zgłoszenie problemu z dostępnością": "/zglos-problem-z-dostepnoscia/",
        "strona 400": "/szukaj/?" + "&".join(f"p{n}=1" for n in range(1001)),
        "strona 404": "/nie-ma-takiej-strony/",
        "podgląd szkicu przez link": make_link(draft, 7)[1],
        "link do podglądu nieważny": revoked_url,
        # Reached by an action (last: some sign the tab in).
        "przystąpienie z błędami": accession_form_with_errors,
        "zgłoszenie problemu z błędami": accessibility_request_with_errors,
        "strona 403 (formularz wygasł)": expired_form,
        "konto zalogowanej osoby": signed_in(reader, "/konto/"),
        "wpis oglądany po zalogowaniu": signed_in(reader, post.get_absolute_url()),
        "strona 403": signed_in(no_rights, "/admin/news/post/"),
    }
