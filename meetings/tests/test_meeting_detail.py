import datetime

import pytest
from django.utils import timezone

from changelog.metryczka import record_change
from meetings.models import AgendaItem, Meeting, Report, Venue
from meetings.tests.conftest import pdf_bytes
from news.models import Post


def test_date_time_and_venue_are_shown_in_polish(client, make_meeting, venue):
    venue.latitude, venue.longitude = "52.433500", "20.614200"
    venue.save()
    meeting = make_meeting(
        title="Pierwsze spotkanie partnerów",
        series="Spotkania organizacyjno-integracyjne",
        date=datetime.date(2018, 6, 6),
        start_time=datetime.time(11),
        end_time=datetime.time(14),
        venue=venue,
        status=Meeting.Status.HELD,
    )
    response = client.get(f"/spotkania/{meeting.slug}/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Pierwsze spotkanie partnerów</h1>" in html
    assert "Spotkania organizacyjno-integracyjne" in html
    assert '<time datetime="2018-06-06T11:00:00+02:00">środa, 6 czerwca 2018, 11:00–14:00</time>' in html
    assert "Rezydencja „Miętowe Wzgórza”, Trębki Nowe, gmina Zakroczym" in html
    assert 'href="https://www.openstreetmap.org/?mlat=52.433500&amp;mlon=20.614200#map=17/52.433500/20.614200"' in html
    assert "Odbyło się" in html
    body = html.split("</header>")[1]
    assert "<iframe" not in html
    assert body.count("<script") == body.count('<script type="application/ld+json">')  # data, no embeds


def test_meeting_without_known_time_or_place_shows_only_the_date(client, make_meeting):
    meeting = make_meeting(date=datetime.date(2018, 4, 19), status=Meeting.Status.HELD)
    html = client.get(meeting.get_absolute_url()).text
    assert '<time datetime="2018-04-19">czwartek, 19 kwietnia 2018</time>' in html
    assert "<dt>Miejsce</dt>" not in html


def test_upcoming_meeting_without_venue_says_it_is_not_set_yet(client, make_meeting):
    html = client.get(make_meeting().get_absolute_url()).text
    assert "<dt>Miejsce</dt>\n    <dd>jeszcze nie ustalono</dd>" in html


def test_venue_without_coordinates_has_no_map_link(client, make_meeting, venue):
    html = client.get(make_meeting(venue=venue).get_absolute_url()).text
    assert "Trębki Nowe" in html
    assert "openstreetmap" not in html


def test_postponed_meeting_shows_new_date_and_reason(client, make_meeting):
    meeting = make_meeting(
        status=Meeting.Status.POSTPONED,
        new_date=datetime.date(2030, 3, 5),
        status_reason="Sala jest w remoncie.",
    )
    html = client.get(meeting.get_absolute_url()).text
    assert "Przełożone" in html
    assert 'Nowy termin: <time datetime="2030-03-05">wtorek, 5 marca 2030</time>' in html
    assert "Powód: Sala jest w remoncie." in html


def test_cancelled_meeting_shows_reason(client, make_meeting):
    meeting = make_meeting(status=Meeting.Status.CANCELLED, status_reason="Zbyt mało zgłoszeń.")
    html = client.get(meeting.get_absolute_url()).text
    assert "Odwołane" in html
    assert "Powód: Zbyt mało zgłoszeń." in html
    assert "Relacja ze spotkania" not in html


def test_agenda_is_shown_in_its_order(client, make_meeting):
    meeting = make_meeting()
    AgendaItem.objects.create(meeting=meeting, position=2, title="Podpisanie porozumienia")
    AgendaItem.objects.create(meeting=meeting, position=1, time=datetime.time(10, 30), title="Powitanie gości")
    html = client.get(meeting.get_absolute_url()).text
    assert "Program spotkania" in html
    assert '<span class="agenda-time">10:30</span> Powitanie gości' in html
    assert html.index("Powitanie gości") < html.index("Podpisanie porozumienia")


def test_participants_link_to_their_institutions(client, make_meeting, make_institution):
    meeting = make_meeting()
    pup = make_institution(name="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim")
    meeting.participants.add(pup)
    html = client.get(meeting.get_absolute_url()).text
    assert '<h2 id="uczestnicy">Uczestnicy</h2>' in html
    assert f'<a href="{pup.get_absolute_url()}">Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim</a>' in html


def test_only_published_related_posts_are_listed(client, make_meeting, make_post):
    meeting = make_meeting()
    meeting.related_posts.add(
        make_post(title="Zapowiedź spotkania"),
        make_post(title="Szkic relacji", status=Post.Status.DRAFT),
        make_post(title="Wpis na jutro", published_at=timezone.now() + datetime.timedelta(days=1)),
    )
    html = client.get(meeting.get_absolute_url()).text
    assert "Powiązane aktualności" in html
    assert "Zapowiedź spotkania" in html
    assert "Szkic relacji" not in html and "Wpis na jutro" not in html


def test_gallery_shows_thumbnails_linking_to_large_photos(client, make_meeting, add_photo):
    meeting = make_meeting()
    photo = add_photo(meeting, alt="Starosta wita uczestników", caption="Powitanie")
    html = client.get(meeting.get_absolute_url()).text
    assert (
        f'<a href="{photo.large.url}" data-width="{photo.large_width}" data-height="{photo.large_height}">'
        f'<img src="{photo.thumbnail.url}" alt="Starosta wita uczestników" '
        f'width="480" height="320" loading="lazy">'
    ) in html
    assert "<figcaption>Powitanie</figcaption>" in html


def test_documents_show_type_and_size_in_polish(client, make_meeting, add_document):
    meeting = make_meeting()
    document = add_document(meeting, data=pdf_bytes(1_260_000))
    html = client.get(meeting.get_absolute_url()).text
    assert f'<a href="{document.file.url}">Porozumienie o zawarciu partnerstwa</a>' in html
    assert "(PDF, 1,2\xa0MB)" in html  # a non-breaking space keeps the size together


def test_unknown_meeting_gets_polish_404(client, db):
    response = client.get("/spotkania/nie-ma-takiego/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text


@pytest.mark.parametrize("count", [1, 30])
def test_detail_query_count_is_constant(
    client,
    make_meeting,
    add_photo,
    add_document,
    make_institution,
    make_post,
    venue,
    django_assert_num_queries,
    count,
    cold_render,
):
    meeting = make_meeting(venue=venue, status=Meeting.Status.HELD)
    report = Report.objects.create(meeting=meeting, body="<p>Relacja.</p>", status=Report.Status.PUBLISHED)
    for n in range(count):
        record_change(report, None, created=n == 0, summary=f"Zmiana {n}")
        add_photo(meeting)
        add_document(meeting, title=f"Dokument {n}")
        AgendaItem.objects.create(meeting=meeting, position=n, title=f"Punkt {n}")
        meeting.participants.add(make_institution())
        meeting.related_posts.add(make_post())
    # meeting with venue, report, agenda and the report's metryczka + photos + documents + participants
    # + posts + coordinator
    with django_assert_num_queries(7):
        response = client.get(meeting.get_absolute_url())
    assert response.text.count("<td>Zmiana ") == count  # the change register
    assert response.text.count('loading="lazy"') == count
    assert response.text.count("(PDF,") == count


def test_venue_str_reads_well(db):
    assert str(Venue(name="Sala konferencyjna", gmina="leoncin")) == "Sala konferencyjna (Leoncin)"
