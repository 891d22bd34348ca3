import datetime

from django.core.management import call_command

from agreement.models import Agreement
from meetings.models import Meeting


def test_meeting_and_agreement_pages_link_each_other(client, make_agreement):
    meeting = Meeting.objects.create(title="Posiedzenie", slug="posiedzenie", date=datetime.date(2018, 4, 19))
    agreement = make_agreement(slug="porozumienie-2018", occasion="Nadzwyczajne Posiedzenie", meeting=meeting)
    meeting_page = client.get("/spotkania/posiedzenie/").text
    assert f'Podczas tego spotkania podpisano <a href="/porozumienie/{agreement.slug}/">' in meeting_page
    assert 'href="/spotkania/posiedzenie/">strona spotkania</a>' in client.get("/porozumienie/").text


def test_unpublished_agreement_is_not_linked(client, make_agreement):
    meeting = Meeting.objects.create(title="Posiedzenie", slug="posiedzenie", date=datetime.date(2018, 4, 19))
    make_agreement(meeting=meeting, is_published=False)
    assert "podpisano" not in client.get("/spotkania/posiedzenie/").text


def test_demo_links_the_agreement_to_the_meeting_of_19_april(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    agreement = Agreement.objects.get(slug="porozumienie-o-zawarciu-partnerstwa-lokalnego")
    assert agreement.meeting.date == datetime.date(2018, 4, 19)
