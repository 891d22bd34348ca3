"""A meeting keeps its agenda in each version, the agreement its signatures; a report its own versions."""

from reversion.models import Version

from agreement.models import Agreement, Signature
from agreement.tests.test_agreement_admin import form_with_signature
from meetings.models import AgendaItem, Meeting, Report
from meetings.tests.admin_forms import meeting_form


def _restore_first(client, url_prefix, obj):
    first = Version.objects.get_for_object(obj).order_by("pk").first()
    return client.post(f"{url_prefix}/{obj.pk}/history/{first.pk}/restore/", follow=True)


def test_restoring_a_meeting_brings_back_its_agenda_and_leaves_its_report(client, editor):
    client.force_login(editor)
    agenda = {"agenda_items": [{"position": "1", "time": "10:00", "title": "Powitanie", "notes": ""}]}
    client.post("/admin/meetings/meeting/add/", meeting_form(agenda, description="<p>Zapowiedź.</p>"))
    meeting = Meeting.objects.get()
    item = AgendaItem.objects.get()
    changed = {
        "agenda_items": [
            {"id": item.pk, "meeting": meeting.pk, "position": "1", "time": "10:00", "title": "Powitanie gości"},
            {"position": "2", "time": "11:00", "title": "Dyskusja", "notes": ""},
        ],
        "report": [
            {
                "body": "<p>Relacja ze spotkania.</p>",
                "status": "draft",
                "published_at_0": "2026-11-21",
                "published_at_1": "10:00:00",
                "author": "",
            }
        ],
    }
    response = client.post(
        f"/admin/meetings/meeting/{meeting.pk}/change/", meeting_form(changed, slug=meeting.slug, title="Nowy tytuł")
    )
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    report = Report.objects.get()
    assert Version.objects.get_for_object(report).count() == 1  # saved on the meeting's page, versioned too

    versions = list(Version.objects.get_for_object(meeting).order_by("pk"))
    assert versions[1].revision.comment == "Zmiana: Tytuł, Opis, program spotkania, relacja ze spotkania"
    html = client.get(
        f"/admin/meetings/meeting/{meeting.pk}/history/compare/", {"od": versions[0].pk, "do": versions[1].pk}
    ).text
    assert "<h3>Program spotkania</h3>" in html
    assert '<ins><span class="visually-hidden">dodano: </span>gości</ins>' in html
    assert '<ins><span class="visually-hidden">dodano: </span>11:00 · Dyskusja</ins>' in html

    response = _restore_first(client, "/admin/meetings/meeting", meeting)
    assert "Przywrócono wersję z" in response.text
    meeting.refresh_from_db()
    assert meeting.title == "Spotkanie partnerów w Leoncinie"
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Powitanie"]
    assert Report.objects.get().body == "<p>Relacja ze spotkania.</p>"  # the report has versions of its own


def test_restoring_the_agreement_brings_back_its_signatures(client, editor, make_person, make_institution):
    client.force_login(editor)
    person, gmina = make_person("Artur", "Ciecierski"), make_institution(name="Gmina Zakroczym")
    form = form_with_signature(person, gmina, function="Burmistrz")
    client.post("/admin/agreement/agreement/add/", form)
    agreement, signature = Agreement.objects.get(), Signature.objects.get()
    form |= {
        "slug": agreement.slug,
        "text": "<p>Treść porozumienia.</p>",
        "signatures-INITIAL_FORMS": "1",
        "signatures-0-id": signature.pk,
        "signatures-0-agreement": agreement.pk,
        "signatures-0-DELETE": "on",
    }
    assert client.post(f"/admin/agreement/agreement/{agreement.pk}/change/", form).status_code == 302
    assert not Signature.objects.exists()

    response = _restore_first(client, "/admin/agreement/agreement", agreement)
    assert "Przywrócono wersję z" in response.text
    agreement.refresh_from_db()
    assert agreement.text == ""
    assert list(Signature.objects.values_list("function", "person", "institution")) == [
        ("Burmistrz", person.pk, gmina.pk)
    ]


def test_pages_reordered_on_the_list_keep_a_version(client, editor):
    from pages.models import Page

    page = Page.objects.create(title="Cele", slug="cele", section="partnerstwo", position=1, body="<p>x</p>")
    client.force_login(editor)
    client.post(
        "/admin/pages/page/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": page.pk,
            "form-0-position": "7",
            "_save": "Zapisz",
        },
    )
    version = Version.objects.get_for_object(page).get()
    assert (version.field_dict["position"], version.revision.comment) == (7, "Zmiana: Kolejność")


def test_the_demo_content_starts_with_a_first_version(db):
    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    agreements = list(Agreement.objects.all())
    assert len(agreements) == 2  # 2018 and 2024
    for agreement in agreements:
        version = Version.objects.get_for_object(agreement).get()
        assert version.revision.comment == "Treść przykładowa portalu" and version.revision.user is None
        # One revision holds the whole demo: both agreements' signatures.
        assert version.revision.version_set.filter(content_type__model="signature").count() == Signature.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # run again: nothing new, no new version
    assert [Version.objects.get_for_object(a).count() for a in agreements] == [1, 1]
