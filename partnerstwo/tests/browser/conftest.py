"""Shared fixtures for the browser tests: Chromium through Playwright against live_server."""

import os
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API keeps an asyncio event loop in this thread; Django would then refuse
# ORM calls made by the tests (fixtures, checks) as "async unsafe". They run sequentially here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
        base_url=live_server.url, locale="pl-PL", timezone_id=settings.TIME_ZONE,
        viewport={"width": 1280, "height": 900}, **options,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


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


@pytest.fixture
def site_content(make_post, category, alice):
    """One of every public page type, with realistic content; returns their addresses."""
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from conftest import image_bytes
    from news.models import Category, Post
    from partnerstwo.metryczka import record_change
    from partnerstwo.models import Page

    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # privacy policy, first post, statement
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
        title="Czym jest partnerstwo", slug="czym-jest-partnerstwo", section=Page.Section.PARTNERSHIP,
        position=1, body="<p>Partnerstwo lokalne to dobrowolna współpraca instytucji z jednego terenu.</p>",
    )
    Page.objects.create(
        title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP, position=2,
        body="<h2>Cele</h2><ul><li>integracja społeczności lokalnej</li><li>lepszy rynek pracy</li></ul>",
    )
    # Two saves in admin, so the metryczka shows its change register.
    record_change(post, alice, created=True, summary="Utworzenie")
    record_change(post, alice, created=False, summary="Zmiana: treść")
    demo_post = Post.objects.get(slug="partnerstwo-lokalne-w-powiecie-nowodworskim")
    return {
        "strona główna": "/",
        "lista aktualności": "/aktualnosci/",
        "wpis": post.get_absolute_url(),
        "wpis z treścią demonstracyjną": demo_post.get_absolute_url(),
        "kategoria": events.get_absolute_url(),
        "polityka prywatności": "/polityka-prywatnosci/",
        "strona o partnerstwie": "/partnerstwo/cele/",
        "deklaracja dostępności": "/deklaracja-dostepnosci/",
        "strona 404": "/nie-ma-takiej-strony/",
    }
