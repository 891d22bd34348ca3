"""Every public page runs the same small number of SQL queries with 1 item or 1,000."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from agreement.models import Agreement, Signature
from library.models import Document as LibraryDocument
from meetings.models import AgendaItem, Document, Meeting, Photo, Report, Venue
from members.models import Gmina, Institution, InstitutionKind, Office, Person
from news.models import Category, Comment, Post, PostAttachment
from pages.models import Announcement, Coordinator, HomeBlock, HomeTile, Page, PageAttachment

# The most a public page may run when rendered afresh: the post page's nine are the frame
# (coordinator, menu), the post, its attachments with their documents, its ratings, its comment
# counts, the page of comments, the neighbouring posts and the change register.
BUDGET = 9


def add_content(n, start):
    """n more of everything public, numbered from ``start``."""
    now, today = timezone.now(), timezone.localdate()
    category = Category.objects.get_or_create(slug="wiadomosci", defaults={"name": "Wiadomości"})[0]
    Post.objects.bulk_create(
        Post(
            title=f"Wpis {i}",
            slug=f"wpis-{i}",
            body="<p>Treść.</p>",
            category=category,
            status=Post.Status.PUBLISHED,
            published_at=now - datetime.timedelta(minutes=i),
        )
        for i in range(start, start + n)
    )
    measured = Post.objects.get(slug="wpis-0")
    reader = get_user_model().objects.get_or_create(username="czytelnik@example.com")[0]
    Comment.objects.bulk_create(
        Comment(
            post=measured, user=reader, author_name="Czytelnik", body=f"Komentarz {i}", status=Comment.Status.APPROVED
        )
        for i in range(start, start + n)
    )
    institutions = Institution.objects.bulk_create(
        Institution(name=f"Instytucja {i}", slug=f"instytucja-{i}", kind=InstitutionKind.NGO, gmina=Gmina.LEONCIN)
        for i in range(start, start + n)
    )
    people = Person.objects.bulk_create(
        Person(first_name="Anna", last_name=f"Nowak {i}") for i in range(start, start + n)
    )
    measured_institution = Institution.objects.get(slug="instytucja-0")
    Office.objects.bulk_create(  # current and past representatives of the measured institution
        Office(
            institution=measured_institution,
            person=person,
            function=f"Funkcja {k}",
            start_date=datetime.date(2018, 1, 1),
            end_date=None if k % 2 == 0 else datetime.date(2019, 1, 1),
        )
        for k, person in enumerate(people, start=start)
    )
    agreement = Agreement.objects.get_or_create(
        slug="porozumienie", defaults={"title": "Porozumienie", "signed_on": datetime.date(2018, 4, 19)}
    )[0]
    Signature.objects.bulk_create(
        Signature(agreement=agreement, person=person, institution=institution, function="Sygnatariusz", order=k)
        for k, (institution, person) in enumerate(zip(institutions, people, strict=True), start=start)
    )
    venue = Venue.objects.get_or_create(name="Sala", defaults={"gmina": Gmina.NASIELSK})[0]
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title=f"Spotkanie {i}",
            slug=f"spotkanie-{i}",
            date=today - datetime.timedelta(days=i % 300),
            venue=venue,
            status=Meeting.Status.HELD,
        )
        for i in range(start, start + n)
    )
    measured_meeting = Meeting.objects.get(slug="spotkanie-0")
    targets = meetings if start else [measured_meeting]
    AgendaItem.objects.bulk_create(AgendaItem(meeting=m, title="Punkt") for m in targets)
    Report.objects.bulk_create(
        Report(meeting=m, body="<p>Relacja.</p>", status=Report.Status.PUBLISHED, published_at=now)
        for m in meetings
        if m.pk != measured_meeting.pk or start == 0
    )
    Photo.objects.bulk_create(
        Photo(
            meeting=measured_meeting,
            image=f"spotkania/x/{i}.jpg",
            alt=f"Zdjęcie {i}",
            thumbnail="t.jpg",
            large="l.jpg",
            width=800,
            height=600,
        )
        for i in range(start, start + n)
    )
    Document.objects.bulk_create(
        # Every other one fails the PDF checks: the page adds a note with the statement's contacts.
        Document(
            meeting=measured_meeting,
            title=f"Dokument {i}",
            file=f"d{i}.pdf",
            kind="pdf",
            size=1000,
            pdf_problems=["tagged"] if i % 2 == 0 else [],
        )
        for i in range(start, start + n)
    )
    Meeting.participants.through.objects.bulk_create(
        Meeting.participants.through(meeting_id=measured_meeting.pk, institution_id=i.pk) for i in institutions
    )
    Page.objects.bulk_create(
        Page(title=f"Strona {i}", slug=f"strona-{i}", url_path=f"strona-{i}", section=Page.Section.PARTNERSHIP)
        for i in range(start, start + n)
    )
    if start == 0:  # a subpage in the page tree, measured below its parent
        Page.objects.create(title="Podstrona", slug="podstrona", parent=Page.objects.get(url_path="strona-0"))
    # Library documents attached to the measured post and page (every other one fails the PDF checks).
    library = LibraryDocument.objects.bulk_create(
        LibraryDocument(
            title=f"Załącznik {i}",
            slug=f"zalacznik-{i}",
            file=f"dokumenty/zalacznik-{i}.pdf",
            kind="pdf",
            size=120_000,
            pdf_problems=["tagged"] if i % 2 == 0 else [],
        )
        for i in range(start, start + n)
    )
    PostAttachment.objects.bulk_create(
        PostAttachment(post=measured, document=d, position=i) for i, d in enumerate(library)
    )
    measured_page = Page.objects.get(url_path="strona-0")
    PageAttachment.objects.bulk_create(
        PageAttachment(page=measured_page, document=d, position=i) for i, d in enumerate(library)
    )
    home = Coordinator.load()  # the home page with every block: notices and link tiles too
    HomeBlock.ensure_for(home)
    Announcement.objects.bulk_create(
        Announcement(home=home, title=f"Komunikat {i}", text="Treść.", ends_at=now + datetime.timedelta(days=1))
        for i in range(start, start + n)
    )
    HomeTile.objects.bulk_create(
        HomeTile(home=home, label=f"Kafelek {i}", url="/kontakt/", position=i) for i in range(start, start + n)
    )


PAGES = [
    "/",
    "/aktualnosci/",
    "/aktualnosci/wpis-0/",
    "/aktualnosci/kategoria/wiadomosci/",
    "/aktualnosci/rss/",
    "/aktualnosci/atom/",
    "/spotkania/",
    f"/spotkania/archiwum/{datetime.date.today().year}/",
    "/spotkania/spotkanie-0/",
    "/spotkania/spotkanie-0.ics",
    "/spotkania/kalendarz.ics",
    "/partnerzy/",
    "/partnerzy/?gmina=leoncin",
    "/partnerzy/instytucja-0/",
    "/partnerzy/przystap/",
    "/porozumienie/",
    "/partnerstwo/",
    "/partnerstwo/strona-0/",
    "/partnerstwo/strona-0/podstrona/",
    "/polityka-prywatnosci/",
    "/szukaj/?q=spotkanie",
    "/dane/",
    "/dane/instytucje.csv",
    "/dane/sygnatariusze.json",
    "/dane/spotkania.csv",
    "/sitemap.xml",
    "/deklaracja-dostepnosci/",
    "/kontakt/",
    "/newsletter/",
    "/robots.txt",
]


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.sweep
def test_public_pages_run_a_constant_small_number_of_queries(client, db, cold_render):
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci")
    add_content(1, 0)
    for url in PAGES:  # warm up: one-off lookups (content types, the newsletter's settings row)
        client.get(url)
    small = {url: count_queries(client, url) for url in PAGES}
    add_content(999, 1)
    large = {url: count_queries(client, url) for url in PAGES}
    over = {url: n for url, n in large.items() if n > BUDGET}
    assert not over, f"more than {BUDGET} queries: {over}"
    changed = {url: (small[url], large[url]) for url in PAGES if small[url] != large[url]}
    assert not changed, f"query count grows with the data (1 item, 1,000 items): {changed}"
