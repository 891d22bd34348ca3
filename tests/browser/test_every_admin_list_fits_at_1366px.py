"""Every list in the admin, and the tables inside a form, fit a 1366 px screen with the side menu
open: no column is cut off and no table scrolls sideways, with demo content and rows as long as
real ones (long titles, long e-mail addresses, a long comment, photos with their stored paths)."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from adminsite.tests.conftest import every_model  # noqa: F401 (a fixture)
from meetings.tests.conftest import add_document, add_photo, make_meeting  # noqa: F401 (fixtures)
from tests.browser.helpers import STAFF_PASSWORD, log_in_to_admin

pytestmark = pytest.mark.browser

LONG_EMAIL = "sekretariat.powiatowego.urzedu.pracy.nowy.dwor@pup-nowydwor.example.gov.pl"


def add_long_rows(alice, bob):
    """Rows as long as real ones in the lists the demo content leaves short or empty."""
    from accessibility import cases
    from accessibility.models import AccessibilityRequest
    from members.models import AccessionRequest, Gmina, InstitutionKind
    from news.models import Comment, Post, Rating
    from newsletter.models import ConsentText, Delivery, Issue, Subscriber

    post = Post.objects.order_by("-pk").first()
    Comment.objects.create(
        post=post,
        user=bob,
        author_name="Katarzyna Wiśniewska-Zielińska",
        body="Czy na szkolenie z zakładania spółdzielni socjalnej można zapisać się także telefonicznie? " * 3,
    )
    Rating.objects.update_or_create(post=post, user=alice, defaults={"value": Rating.Value.choices[0][0]})
    AccessionRequest.objects.create(
        institution_name="Stowarzyszenie na rzecz Rozwoju Przedsiębiorczości i Aktywizacji Zawodowej Mieszkańców",
        kind=InstitutionKind.choices[0][0],
        gmina=Gmina.NASIELSK,
        contact_name="Małgorzata Przybyszewska-Kowalczyk",
        email=LONG_EMAIL,
        consent=True,
    )
    cases.receive(
        AccessibilityRequest(
            address="/spotkania/forum-partnerstwa-na-rzecz-ekonomii-spolecznej-2024-12-04/",
            need="Protokół ze spotkania jest skanem bez warstwy tekstowej; proszę o wersję, którą odczyta czytnik.",
            name="Ewa Przykładowa-Nowakowska",
            email=LONG_EMAIL,
        )
    )
    subscriber = Subscriber.objects.create(
        email=LONG_EMAIL,
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        consent=ConsentText.current(),
        source="stopka",
    )
    issue = Issue.objects.create(
        subject="Nabór wniosków o dofinansowanie podjęcia działalności gospodarczej – grudzień 2026",
        body="<p>Treść.</p>",
        created_by=alice,
    )
    Delivery.objects.create(
        issue=issue,
        subscriber=subscriber,
        status=Delivery.Status.FAILED,
        attempts=3,
        last_error="SMTPRecipientsRefused: 550 5.1.1 The email account that you tried to reach does not exist.",
    )


OVERFLOW = """() => {
    const results = document.querySelector("#changelist .results");
    const inlines = [...document.querySelectorAll(".inline-related.tabular .wrapper, .inline-group")];
    return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        table: results ? results.scrollWidth - results.clientWidth : 0,
        inline: Math.max(0, ...inlines.map((el) => el.scrollWidth - el.clientWidth)),
    };
}"""


def changelists(request):
    return sorted(
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model, model_admin in admin.site._registry.items()
        if model_admin.has_view_or_change_permission(request)
    )


def test_every_admin_list_fits_at_1366px(page, every_model, alice, bob, rf, django_user_model):  # noqa: F811
    add_long_rows(alice, bob)
    # alice has an authenticator among every_model's rows: an administrator without one looks.
    admin_user = django_user_model.objects.create_user(
        username="admin@pup.example",
        email="admin@pup.example",
        password=STAFF_PASSWORD,
        is_staff=True,
        is_superuser=True,
    )
    request = rf.get("/admin/")
    request.user = admin_user
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in_to_admin(page, admin_user)
    too_wide = {}
    for url in changelists(request):
        page.goto(url)
        overflow = page.evaluate(OVERFLOW)
        if any(overflow.values()):
            too_wide[url] = overflow
    assert too_wide == {}


def test_a_meeting_with_photos_and_documents_fits_at_1366px(page, alice, make_meeting, add_photo, add_document):  # noqa: F811
    meeting = make_meeting(title="Forum partnerstwa na rzecz ekonomii społecznej w powiecie nowodworskim")
    for _ in range(2):
        add_photo(meeting, alt="Uczestnicy forum w sali konferencyjnej starostwa przy stołach")
    add_document(meeting)
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in_to_admin(page, alice, next_url=f"/admin/meetings/meeting/{meeting.pk}/change/")
    assert page.evaluate(OVERFLOW) == {"page": 0, "table": 0, "inline": 0}
