import datetime
import importlib

from django.apps import apps

from changelog.metryczka import record_change
from changelog.models import ChangeRecord


def test_the_register_lists_changed_objects_by_title_not_by_number(client, editor, edited_post, make_post):
    html = client.get("/admin/changelog/changerecord/").text
    assert f'<a href="/admin/news/post/{edited_post.pk}/change/">Nabór wniosków – termin</a>' in html
    assert f"wpis {edited_post.pk}<" not in html
    assert '<td class="field-kind">Wpis</td>' in html


def test_each_record_keeps_the_title_the_object_had_then(edited_post):
    titles = list(ChangeRecord.objects.order_by("pk").values_list("object_title", flat=True))
    assert titles == ["Nabór wniosków", "Nabór wniosków", "Nabór wniosków – termin"]
    assert str(ChangeRecord.objects.order_by("pk").first()).startswith("„Nabór wniosków”: Alicja Redakcyjna, ")


def test_the_register_can_be_searched_by_title(client, edited_post, make_post, editor):
    from pages.models import Page

    record_change(make_post(title="Zupełnie inny wpis"), editor, created=True)
    record_change(Page.objects.create(title="Kontakt", slug="kontakt"), editor, created=True)
    response = client.get("/admin/changelog/changerecord/", {"q": "inny"})
    assert [r.object_title for r in response.context["cl"].result_list] == ["Zupełnie inny wpis"]
    kinds = response.context["cl"].filter_specs[0].lookup_choices
    assert [name for _, name in kinds] == ["Strona", "Wpis"]  # only kinds with changes, named as the column names them


def test_records_made_before_titles_were_kept_get_them_on_migrate(db, make_post, editor):
    from meetings.models import Meeting, Report

    post = make_post(title="Stary wpis")
    meeting = Meeting.objects.create(title="Spotkanie w Nasielsku", date=datetime.date(2026, 3, 5))
    report = Report.objects.create(meeting=meeting, body="<p>Relacja.</p>")
    for obj in (post, report):
        record_change(obj, editor, created=True)
    ChangeRecord.objects.update(object_title="")
    migration = importlib.import_module("changelog.migrations.0002_add_object_title")
    migration.fill_titles(apps, None)
    assert sorted(ChangeRecord.objects.values_list("object_title", flat=True)) == [
        "Relacja: Spotkanie w Nasielsku (05.03.2026)",
        "Stary wpis",
    ]
