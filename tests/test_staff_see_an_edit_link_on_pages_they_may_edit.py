"""„Edytuj …” on a public page: for staff with the change permission of what it shows, never cached."""

import datetime
import re
import shutil

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings.models import Meeting, Report
from pages.models import AccessibilityStatement, ActivityInformation, Coordinator, Page
from tests.test_every_page_type_is_valid_html import _check

LINK = re.compile(
    r'<p class="edit-link"><a href="([^"]+)">(Edytuj [^<]+)<span class="visually-hidden">([^<]+)</span></a></p>'
)
IN_ADMIN = " w panelu administracyjnym"


@pytest.fixture
def pages(make_post, make_institution, make_agreement):
    """{page kind: (address, admin address of what it shows, visible text of the link)}."""
    post = make_post(title="Targi pracy w Nasielsku")
    page = Page.objects.create(title="O partnerstwie lokalnym", slug="o-partnerstwie-lokalnym")
    meeting = Meeting.objects.create(title="Posiedzenie partnerów", date=datetime.date(2026, 11, 5))
    institution = make_institution(name="Gmina Leoncin")
    agreement = make_agreement()
    Coordinator.objects.create(name="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim")
    AccessibilityStatement.load()
    ActivityInformation.load()
    return {
        "wpis": (post.get_absolute_url(), f"/admin/news/post/{post.pk}/change/", "Edytuj wpis"),
        "strona": (page.get_absolute_url(), f"/admin/pages/page/{page.pk}/change/", "Edytuj stronę"),
        "spotkanie": (meeting.get_absolute_url(), f"/admin/meetings/meeting/{meeting.pk}/change/", "Edytuj spotkanie"),
        "instytucja": (
            institution.get_absolute_url(),
            f"/admin/members/institution/{institution.pk}/change/",
            "Edytuj instytucję",
        ),
        "porozumienie": (
            "/porozumienie/",
            f"/admin/agreement/agreement/{agreement.pk}/change/",
            "Edytuj porozumienie",
        ),
        "strona główna": ("/", "/admin/pages/homepage/", "Edytuj stronę główną"),
        "kontakt": ("/kontakt/", "/admin/pages/coordinator/", "Edytuj dane koordynatora"),
        "deklaracja dostępności": (
            "/deklaracja-dostepnosci/",
            "/admin/pages/accessibilitystatement/1/change/",
            "Edytuj deklarację dostępności",
        ),
        "tekst łatwy do czytania": (
            "/tekst-latwy-do-czytania/",
            "/admin/pages/activityinformation/1/change/",
            "Edytuj informację o działalności",
        ),
        "język migowy": (
            "/jezyk-migowy/",
            "/admin/pages/activityinformation/1/change/",
            "Edytuj informację o działalności",
        ),
        "informacja o działalności": (
            "/informacja-o-dzialalnosci/",
            "/admin/pages/activityinformation/1/change/",
            "Edytuj informację o działalności",
        ),
    }


def test_a_redaktor_sees_it_on_every_kind_of_page_and_it_opens_the_form(client, pages, staff_in_role):
    client.force_login(staff_in_role("Redaktor"))
    for kind, (url, admin_url, text) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, kind
        assert "X-Page-Cache" not in response, kind  # rendered for her, never from or into the cache
        links = LINK.findall(response.text)
        assert links == [(admin_url, text, IN_ADMIN)], kind
        form = client.get(admin_url, follow=True)
        assert form.status_code == 200, kind
        assert form.resolver_match.url_name.endswith("_change"), kind


def test_a_moderator_sees_it_only_on_partner_pages(client, pages, staff_in_role):
    client.force_login(staff_in_role("Moderator"))
    for kind, (url, admin_url, text) in pages.items():
        links = LINK.findall(client.get(url).text)
        if kind == "instytucja":  # the role completes and publishes partners' data
            assert links == [(admin_url, text, IN_ADMIN)]
        else:
            assert links == [], kind


def test_a_meeting_with_a_report_offers_both_forms(client, db, staff_in_role):
    meeting = Meeting.objects.create(title="Posiedzenie partnerów", date=datetime.date(2026, 11, 5))
    report = Report.objects.create(
        meeting=meeting, body="<p>Relacja.</p>", status=Report.Status.PUBLISHED, published_at=timezone.now()
    )
    client.force_login(staff_in_role("Redaktor"))
    assert LINK.findall(client.get(meeting.get_absolute_url()).text) == [
        (f"/admin/meetings/meeting/{meeting.pk}/change/", "Edytuj spotkanie", IN_ADMIN),
        (f"/admin/meetings/report/{report.pk}/change/", "Edytuj relację ze spotkania", IN_ADMIN),
    ]


def test_anonymous_visitors_and_readers_never_see_it(client, pages, bob):
    for kind, (url, _, _) in pages.items():
        first, second = client.get(url), client.get(url)
        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit"), kind
        assert "edit-link" not in first.text and "edit-link" not in second.text, kind
    client.force_login(bob)  # a resident with an account
    for kind, (url, _, _) in pages.items():
        assert "edit-link" not in client.get(url).text, kind


def test_a_page_rendered_for_staff_is_never_stored(client, pages, staff_in_role, django_capture_on_commit_callbacks):
    redaktor = staff_in_role("Redaktor")
    url = pages["wpis"][0]
    client.force_login(redaktor)
    assert "Edytuj wpis" in client.get(url).text
    client.logout()
    after_staff = client.get(url)
    assert after_staff["X-Page-Cache"] == "miss"  # nothing was stored by the staff visit
    assert "edit-link" not in after_staff.text
    assert client.get(url)["X-Page-Cache"] == "hit"
    # A staff visit after a change renews nothing for the anonymous either.
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.create(title="Nowa strona", slug="nowa-strona")
    client.force_login(redaktor)
    assert "Edytuj wpis" in client.get(url).text
    client.logout()
    renewed = client.get(url)
    assert renewed["X-Page-Cache"] == "miss"
    assert "edit-link" not in renewed.text


def test_a_one_row_page_not_saved_yet_links_to_its_list(client, db, staff_in_role):
    client.force_login(staff_in_role("Redaktor"))
    links = LINK.findall(client.get("/deklaracja-dostepnosci/").text)
    assert links == [("/admin/pages/accessibilitystatement/", "Edytuj deklarację dostępności", IN_ADMIN)]
    assert client.get(links[0][0]).status_code == 200  # the empty list offers „Dodaj deklarację dostępności”


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_it_costs_the_same_two_permission_queries_on_every_page(client, pages, bob, staff_in_role, make_post):
    """Her permissions are read once per request (user's own and her groups'), whatever the page."""
    redaktor = staff_in_role("Redaktor")
    for url, _, _ in pages.values():  # warm up one-off lookups (content types)
        client.get(url)
    for kind, (url, _, _) in pages.items():
        client.force_login(bob)
        reader = _count(client, url)
        client.force_login(redaktor)
        staff = _count(client, url)
        assert staff - reader <= 2, (kind, reader, staff)
    for _ in range(20):
        make_post()  # more posts on the home page: still no query per item
    client.force_login(redaktor)
    before = _count(client, "/")
    for _ in range(20):
        make_post()
    assert _count(client, "/") == before


def test_pages_with_the_link_are_valid_html(client, pages, staff_in_role, tmp_path, settings):
    if shutil.which("java") is None:
        pytest.fail("Java not found: apt-get install default-jre-headless")
    client.force_login(staff_in_role("Redaktor"))
    for n, (url, _, _) in enumerate(pages.values()):
        (tmp_path / f"{n}.html").write_bytes(client.get(url).content)
    errors = [m for m in _check(sorted(tmp_path.glob("*.html"))) if m.get("type") == "error"]
    assert not errors, errors
