"""The admin's home page lists what waits for staff, with counts and links to exactly those rows."""

import datetime
import itertools
import re

import pytest
from django.utils import timezone

from accounts.roles import REDAKTOR
from adminsite import dashboard
from adminsite.grammar import NOUNS
from meetings.models import Meeting, Report
from members.models import AccessionRequest, Gmina, InstitutionKind
from news.models import Comment, Post
from newsletter.models import ConsentText, Delivery, Issue, Subscriber
from pages.models import Coordinator


@pytest.fixture
def staff(client, alice):
    # With a name: an account without one is a task of its own, tested below.
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    client.force_login(alice)
    return client


@pytest.fixture
def statement(db):
    # The coordinator's contacts filled in too: their task is tested on its own below.
    Coordinator.objects.create(phone="22 000 00 00")
    model = dashboard._statement_model()
    return model.objects.create(non_compliances="Brak.", prepared_on=timezone.localdate())


_batch = itertools.count()


def make_work(n, make_post, bob, alice):
    """n of every kind of task."""
    batch = next(_batch)
    now = timezone.now()
    today = timezone.localdate()
    post = make_post()
    consent = ConsentText.current()
    issue = Issue.objects.create(subject="Wydanie", body="<p>x</p>", created_by=alice)
    for i in range(n):
        Comment.objects.create(post=post, user=bob, author_name="Bob", body=f"Komentarz {i}")
        AccessionRequest.objects.create(
            institution_name=f"Stowarzyszenie {batch}-{i}",
            kind=InstitutionKind.choices[0][0],
            gmina=Gmina.NASIELSK,
            contact_name="Anna Nowak",
            email=f"anna{batch}-{i}@example.com",
            consent=True,
        )
        make_post(title=f"Zaplanowany {batch}-{i}", published_at=now + datetime.timedelta(days=i + 1))
        make_post(title=f"Do akceptacji {batch}-{i}", status=Post.Status.SUBMITTED)
        Meeting.objects.create(
            title=f"Posiedzenie {batch}-{i}", date=today - datetime.timedelta(days=i + 1), status=Meeting.Status.HELD
        )
        subscriber = Subscriber.objects.create(email=f"s{batch}-{i}@example.com", source="test", consent=consent)
        Delivery.objects.create(issue=issue, subscriber=subscriber, status=Delivery.Status.FAILED, attempts=5)
    # Done work the dashboard must not count.
    Comment.objects.create(post=post, user=bob, author_name="Bob", body="Zatwierdzony", status=Comment.Status.APPROVED)
    reported = Meeting.objects.create(
        title=f"Z relacją {batch}", date=today - datetime.timedelta(days=3), status=Meeting.Status.HELD
    )
    Report.objects.create(
        meeting=reported,
        body="<p>Relacja.</p>",
        status=Report.Status.PUBLISHED,
        published_at=now - datetime.timedelta(days=1),
    )
    Meeting.objects.create(
        title=f"Odwołane {batch}",
        date=timezone.localdate() - datetime.timedelta(days=2),
        status=Meeting.Status.CANCELLED,
    )


def links(html):
    section = html.split('id="dashboard-tasks-title"', 1)[1].split("</section>", 1)[0]
    found = re.findall(r'<a href="([^"]+)">([^<]+)</a>', section)
    return {text.strip(): url.replace("&amp;", "&") for url, text in found}


@pytest.mark.parametrize(
    ("n", "texts"),
    [
        (
            1,
            [
                "1 komentarz czeka na moderację",
                "1 zgłoszenie przystąpienia czeka na decyzję",
                "1 wpis czeka na zaplanowaną publikację",
                "1 minione spotkanie nie ma opublikowanej relacji",
                "1 wiadomość newslettera nie dotarła do odbiorcy (błąd wysyłki)",
                "1 wpis czeka na akceptację",
            ],
        ),
        (
            2,
            [
                "2 komentarze czekają na moderację",
                "2 zgłoszenia przystąpienia czekają na decyzję",
                "2 wpisy czekają na zaplanowaną publikację",
                "2 minione spotkania nie mają opublikowanej relacji",
                "2 wiadomości newslettera nie dotarły do odbiorcy (błąd wysyłki)",
                "2 wpisy czekają na akceptację",
            ],
        ),
        (
            5,
            [
                "5 komentarzy czeka na moderację",
                "5 zgłoszeń przystąpienia czeka na decyzję",
                "5 wpisów czeka na zaplanowaną publikację",
                "5 minionych spotkań nie ma opublikowanej relacji",
                "5 wiadomości newslettera nie dotarło do odbiorcy (błąd wysyłki)",
                "5 wpisów czeka na akceptację",
            ],
        ),
    ],
)
def test_home_page_counts_each_task_and_links_to_exactly_those_rows(staff, make_post, bob, alice, statement, n, texts):
    make_work(n, make_post, bob, alice)
    found = links(staff.get("/admin/").text)
    for text in texts:
        assert text in found, found
    # Each link opens the list filtered to those n rows: its paginator counts them.
    models = [
        "news.comment",
        "members.accessionrequest",
        "news.post",
        "meetings.meeting",
        "newsletter.delivery",
        "news.post",
    ]
    for text, label in zip(texts, models, strict=True):
        page = staff.get(found[text])
        assert page.status_code == 200
        assert f"\n{NOUNS[label].count(n)}\n" in page.text, (text, found[text])


def test_scheduled_posts_are_listed_with_their_dates(staff, make_post, statement):
    when = timezone.now() + datetime.timedelta(days=3)
    make_post(title="Zapowiedź spotkania", published_at=when)
    html = staff.get("/admin/").text
    local = timezone.localtime(when)
    assert "Zapowiedź spotkania</a> – <time" in html
    assert f"{local.day} " in html and local.strftime("%H:%M") in html


def test_home_page_queries_do_not_grow_with_the_work(
    staff, make_post, bob, alice, statement, django_assert_num_queries
):
    make_work(1, make_post, bob, alice)
    with django_assert_num_queries(QUERIES):
        staff.get("/admin/")
    make_work(12, make_post, bob, alice)
    with django_assert_num_queries(QUERIES):
        staff.get("/admin/")


# Session, user; twelve for the tasks (the coordinator's contacts; scheduled posts: count and
# first rows; posts waiting for approval, counted; institutions' proposed changes, counted; open
# accessibility cases: counted, and the nearly due ones listed when there are any; staff accounts
# without a name, counted only when there are more than are listed); eight for the four one-row
# models' „Dodaj” links (the app list is built twice by Django's index); the log of my actions;
# the list of what was read most in 30 days (stats/).
QUERIES = 24


def test_nothing_to_do_says_so(staff, statement):
    assert "Nic nie czeka na załatwienie." in staff.get("/admin/").text


def test_accessibility_review_shows_a_month_before_31_march_and_when_late(alice, statement):
    statement.reviewed_on = datetime.date(2026, 3, 20)
    statement.save()
    due = datetime.date(2027, 3, 31)
    assert dashboard.accessibility_review(alice, due - datetime.timedelta(days=31)) is None
    soon = dashboard.accessibility_review(alice, due - datetime.timedelta(days=12))
    assert soon.text == "Do 31 marca 2027 trzeba przejrzeć deklarację dostępności (za 12 dni)"
    assert dashboard.accessibility_review(alice, due - datetime.timedelta(days=1)).text.endswith("(za 1 dzień)")
    assert dashboard.accessibility_review(alice, due).text.endswith("(dziś)")
    late = dashboard.accessibility_review(alice, due + datetime.timedelta(days=2))
    assert late.text == "Przegląd deklaracji dostępności jest zaległy: termin minął 31 marca 2027 (2 dni temu)"
    assert late.urgent and late.url.endswith(f"/{statement.pk}/change/")


def test_an_overdue_review_shows_on_the_home_page(staff, statement):
    statement.prepared_on = timezone.localdate().replace(year=timezone.localdate().year - 2)
    statement.save()
    assert "Przegląd deklaracji dostępności jest zaległy" in staff.get("/admin/").text


def test_the_first_task_is_the_coordinators_contacts_until_filled_in(staff, alice, db):
    coordinator = Coordinator.objects.create()
    html = staff.get("/admin/").text
    found = list(links(html))
    assert found[0].startswith("Uzupełnij dane kontaktowe koordynatora"), found
    assert links(html)[found[0]].endswith(f"/pages/coordinator/{coordinator.pk}/change/")
    coordinator.email = "biuro@example.com"
    coordinator.save()
    assert dashboard.coordinator_contacts(alice) is None


def test_staff_accounts_without_a_name_are_a_task_for_who_manages_accounts(
    staff, alice, staff_in_role, django_assert_num_queries
):
    editor = staff_in_role(REDAKTOR, email="redakcja@pup.example")
    found = links(staff.get("/admin/").text)
    text = (
        "1 konto pracownika nie ma imienia i nazwiska: metryczka na stronach podpisuje jego zmiany tylko nazwą urzędu"
    )
    assert text in found, found
    assert staff.get(found[text]).status_code == 200
    assert found["redakcja@pup.example"].endswith(f"/auth/user/{editor.pk}/change/")
    # Who cannot change accounts is not asked.
    assert dashboard.staff_without_names(editor) is None

    for n in range(6):
        staff_in_role(REDAKTOR, email=f"r{n}@pup.example")
    task = dashboard.staff_without_names(alice)
    assert task.text.startswith(
        "7 kont pracowników nie ma imienia i nazwiska: metryczka na stronach podpisuje ich zmiany"
    )
    assert len(task.items) == dashboard.SCHEDULED_SHOWN

    editor.first_name, editor.last_name = "Jan", "Nowak"
    editor.save()
    assert dashboard.staff_without_names(alice).text.startswith("6 kont pracowników")
