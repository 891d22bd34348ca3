"""The forms an editor fills every day pass axe too: every file input, every autocomplete box and
every attachment field has a name a screen reader can say, and the date shortcuts' names begin with
their visible text (WCAG 2.5.3)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import pdf_bytes
from library.models import Document
from meetings.models import AgendaItem, Meeting
from news.models import PostAttachment
from pages.models import MenuItem, Page
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser


def test_the_editors_forms_name_every_field(page, staff_in_role, make_post, make_institution):
    document = Document.objects.create(
        title="Regulamin naboru 2026",
        file=SimpleUploadedFile("regulamin.pdf", pdf_bytes(text="Regulamin", tagged=True, lang="pl", title="R")),
    )
    post = make_post(title="Nabór wniosków na szkolenia")
    PostAttachment.objects.create(post=post, document=document)
    about = Page.objects.create(title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP)
    # Forms with tables of rows (tabular inlines): the program of a meeting, a submenu, an office.
    meeting = Meeting.objects.create(title="Spotkanie partnerów", date=datetime.date(2026, 12, 10))
    AgendaItem.objects.create(meeting=meeting, title="Otwarcie spotkania")
    top = MenuItem.objects.create(label="O partnerstwie", page=about)
    MenuItem.objects.create(label="Cele", page=about, parent=top)
    institution = make_institution(name="Urząd Miejski w Nasielsku", short_name="Nasielsk")
    editor = staff_in_role("Redaktor")
    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url="/admin/news/post/add/")

    for address in (
        "/admin/news/post/add/",
        f"/admin/news/post/{post.pk}/change/",
        f"/admin/pages/page/{about.pk}/change/",
        "/admin/library/document/add/",
        f"/admin/library/document/{document.pk}/change/",
        f"/admin/meetings/meeting/{meeting.pk}/change/",
        f"/admin/pages/menuitem/{top.pk}/change/",
        f"/admin/members/institution/{institution.pk}/change/",
        "/admin/pages/homepage/",
    ):
        page.goto(address)
        page.wait_for_load_state("load")  # the autocomplete boxes are named once the page has loaded
        violations = run_axe(page)
        assert not violations, f"{address}\n{format_violations(violations)}"
