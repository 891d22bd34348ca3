import importlib

from django.core.management import call_command

from meetings.demo import SIGNATORY_INSTITUTIONS
from meetings.models import Meeting, Venue
from members.models import Institution


def seed():
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_demo_has_the_two_real_meetings_and_keeps_edits(db):
    seed()
    rada = Meeting.objects.get(date="2018-04-19")
    first = Meeting.objects.get(date="2018-06-06")
    assert rada.title == "Nadzwyczajne posiedzenie Powiatowej Rady Rynku Pracy"
    assert "Porozumienie o zawarciu Partnerstwa Lokalnego" in rada.description
    assert first.series == "Spotkania organizacyjno-integracyjne"
    assert first.status == Meeting.Status.HELD
    assert first.start_time is None and rada.start_time is None  # times of day are not known
    assert (first.venue.name, first.venue.address, first.venue.gmina) == (
        "Rezydencja „Miętowe Wzgórza”",
        "Trębki Nowe",
        "zakroczym",
    )
    assert first.venue.latitude is None
    assert first.public_report is not None  # written from the facts of 14 June 2018
    assert first.public_report.published_at.date().isoformat() == "2018-06-14"
    assert first.public_report.author is None  # nobody on the staff wrote it
    assert first.public_report.updated_at == first.public_report.published_at  # not the seeding time
    first.title = "Tytuł poprawiony przez redakcję"
    first.save()

    seed()

    assert Meeting.objects.count() == 7 and Venue.objects.count() == 2
    assert Meeting.objects.get(pk=first.pk).title == "Tytuł poprawiony przez redakcję"


def test_demo_meeting_page_shows_its_report_and_promises_nothing(client, db):
    seed()
    html = client.get("/spotkania/pierwsze-spotkanie-organizacyjno-integracyjne-2018-06-06/").text
    assert '<time datetime="2018-06-06">środa, 6 czerwca 2018</time>' in html
    assert "około 200 osób" in html
    assert "wkrótce" not in html
    assert "Partnerstwo lokalne w powiecie nowodworskim" in html  # the related news post


def test_demo_takes_participants_from_the_signatory_institutions_without_creating_any(client, db):
    importlib.import_module("members.demo").load(lambda *args: None)
    count = Institution.objects.count()
    seed()
    assert Institution.objects.count() == count
    rada = Meeting.objects.get(date="2018-04-19")
    names = set(rada.participants.values_list("name", flat=True))
    assert names == set(SIGNATORY_INSTITUTIONS)
    assert "Gmina Leoncin" in names and "Powiatowa Rada Rynku Pracy" in names
    # Those whose heads spoke there.
    assert Meeting.objects.get(date="2018-06-06").participants.count() == 2
    html = client.get(rada.get_absolute_url()).text
    assert '<a href="/partnerzy/gmina-leoncin/">Gmina Leoncin</a>' in html
    assert "wkrótce" not in html


def test_demo_without_institutions_leaves_participants_empty(db):
    from meetings import demo

    demo.load(lambda *args: None)
    assert not Meeting.objects.get(date="2018-04-19").participants.exists()
