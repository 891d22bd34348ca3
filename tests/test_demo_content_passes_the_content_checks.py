"""Staff can open any demo text in the admin and save it again: none of it is refused."""

from django.core.management import call_command

from agreement.models import Agreement
from core.content_checks import check_html
from meetings.models import Meeting, Report
from members.models import Institution
from news.models import Post
from newsletter.models import Issue
from pages.models import Page

RICH_TEXT = [
    (Post, "body"),
    (Page, "body"),
    (Meeting, "description"),
    (Report, "body"),
    (Agreement, "text"),
    (Institution, "description"),
    (Issue, "body"),
]


def test_no_demo_text_would_be_refused_on_save(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    refused = {}
    checked = 0
    for model, field in RICH_TEXT:
        for pk, html in model.objects.values_list("pk", field):
            checked += 1
            errors = check_html(html, size_of=lambda href: None).errors
            if errors:
                refused[f"{model._meta.label} {pk}"] = [str(e) for e in errors]
    assert checked > 10
    assert refused == {}
