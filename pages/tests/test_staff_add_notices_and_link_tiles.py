"""Staff add notices (with an end) and link tiles to the home page and choose how many posts and
meetings its blocks show, all in the home page's admin form („Strona główna”)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from meetings.models import Meeting
from pages.models import Announcement, Coordinator, HomeBlock, HomeTile
from pages.tests.test_staff_edit_the_home_page import home_form

NOW = datetime.datetime(2026, 6, 10, 10, 0, tzinfo=datetime.UTC)  # 12:00 in Warsaw


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def home(db, clock):
    home = Coordinator.objects.create()
    HomeBlock.ensure_for(home)
    return home


def blocks():
    return [(block, block.position, block.is_shown) for block in HomeBlock.objects.order_by("position", "pk")]


def notice_form(n=0, **fields):
    fields = {
        "title": "Przerwa w pracy urzędu",
        "text": "Urząd będzie nieczynny.\nSprawy pilne: e-mail.",
        "link_url": "/kontakt/",
        "link_label": "Kontakt z urzędem",
        "starts_at_0": "",
        "starts_at_1": "",
        "ends_at_0": "2026-06-11",
        "ends_at_1": "15:00:00",
    } | fields
    return {f"announcements-{n}-{name}": value for name, value in fields.items()} | {
        "announcements-TOTAL_FORMS": str(n + 1),
        f"announcements-{n}-home": "1",
    }


def tile_form(n, label, url, position, description=""):
    fields = {"label": label, "url": url, "position": str(position), "description": description, "home": "1"}
    return {f"home_tiles-{n}-{name}": value for name, value in fields.items()}


def save(admin_client, data):
    return admin_client.post("/admin/pages/homepage/1/change/", data)


def main(html):
    return html.split('<main id="tresc"')[1].split("</main>")[0]


def test_a_notice_and_tiles_show_on_the_home_page_in_staffs_order(admin_client, client, home):
    data = home_form(blocks()) | notice_form() | {"home_tiles-TOTAL_FORMS": "2"}
    data |= tile_form(0, "Dla bezrobotnych", "https://example.org/bezrobotni/", 2, "Oferty i szkolenia.")
    data |= tile_form(1, "Porozumienie", "/porozumienie/", 1)
    assert save(admin_client, data).status_code == 302

    html = main(client.get("/").text)
    notice = Announcement.objects.get()
    assert f'<section class="announcement" aria-labelledby="komunikat-{notice.pk}">' in html
    assert "Przerwa w pracy urzędu</h2>" in html
    assert "<p>Urząd będzie nieczynny.<br>Sprawy pilne: e-mail.</p>" in html
    assert '<a href="/kontakt/">Kontakt z urzędem</a>' in html
    assert 'role="alert"' not in html and "aria-live" not in html  # read in its place, never interrupting
    assert '<h2 id="kafelki">Przydatne odnośniki</h2>' in html
    assert html.index(">Porozumienie<") < html.index(">Dla bezrobotnych<")
    assert '<span class="home-tile-text">Oferty i szkolenia.</span>' in html
    # The notice comes first, the tiles just before the partners.
    assert html.index("announcement") < html.index('id="najnowsze"') < html.index('id="kafelki"')


def test_a_notice_shows_from_its_start_until_its_end(client, home, clock):
    Announcement.objects.create(
        home=home,
        title="Dzień otwarty",
        text="Zapraszamy.",
        starts_at=NOW + datetime.timedelta(hours=1),
        ends_at=NOW + datetime.timedelta(days=1),
    )
    assert "Dzień otwarty" not in client.get("/").text
    clock.move_to(NOW + datetime.timedelta(hours=1))
    assert "Dzień otwarty" in client.get("/").text
    clock.move_to(NOW + datetime.timedelta(days=1))
    assert "Dzień otwarty" not in client.get("/").text
    assert 'class="home-announcements"' not in client.get("/").text  # no empty band left behind


def test_a_hidden_notices_block_shows_no_notice(client, home):
    Announcement.objects.create(home=home, title="Dzień otwarty", text="Zapraszamy.", ends_at=NOW.replace(year=2027))
    HomeBlock.objects.filter(kind=HomeBlock.Kind.ANNOUNCEMENTS).update(is_shown=False)
    assert "Dzień otwarty" not in client.get("/").text


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"link_url": "javascript:alert(1)"}, "link_url", "Podaj adres w portalu zaczynający się od ukośnika"),
        ({"link_url": "//example.org/"}, "link_url", "Podaj adres w portalu zaczynający się od ukośnika"),
        ({"link_url": "http://example.org/"}, "link_url", "Podaj adres w portalu zaczynający się od ukośnika"),
        ({"link_url": "/\\example.org/"}, "link_url", "nie może zawierać ukośnika odwrotnego"),
        ({"link_url": "https://"}, "link_url", "Podaj poprawny adres strony zaczynający się od https://."),
        ({"link_label": ""}, "link_label", "Podaj tekst odnośnika"),
        ({"link_url": ""}, "link_url", "Podaj adres, do którego prowadzi odnośnik, albo usuń jego tekst."),
        (
            {"starts_at_0": "2026-06-12", "starts_at_1": "08:00:00"},
            "ends_at",
            "Koniec wyświetlania musi być późniejszy niż jego początek.",
        ),
        ({"ends_at_0": "", "ends_at_1": ""}, "ends_at", "To pole jest wymagane."),
    ],
)
def test_a_wrong_notice_is_refused_in_polish_and_keeps_what_was_typed(admin_client, home, fields, field, message):
    response = save(admin_client, home_form(blocks()) | notice_form(**fields))
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][1].formset.errors[0]
    assert message in " ".join(errors[field])
    assert "Przerwa w pracy urzędu" in response.text  # what was typed stays in the form
    assert not Announcement.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//example.org/", "kontakt", "/\tevil/"])
def test_a_tile_leading_off_the_portal_without_https_is_refused(admin_client, home, url):
    data = home_form(blocks()) | {"home_tiles-TOTAL_FORMS": "1"} | tile_form(0, "Kontakt", url, 1)
    response = save(admin_client, data)
    assert response.status_code == 200
    assert "home_tiles-0-url" in response.text and "errorlist" in response.text
    assert not HomeTile.objects.exists()


def test_staff_choose_how_many_posts_and_meetings_the_home_page_shows(
    admin_client, client, home, make_post, django_capture_on_commit_callbacks
):
    for n in range(14):
        make_post(title=f"Wpis {n}")
    for n in range(8):
        Meeting.objects.create(
            title=f"Posiedzenie {n}", slug=f"p-{n}", date=timezone.localdate() + datetime.timedelta(n)
        )

    html = main(client.get("/").text)
    assert html.count('<article class="tile">') == 5 and html.count('<article class="card">') == 3

    data = home_form(blocks(), home_news_count="12", home_meetings_count="6")
    with django_capture_on_commit_callbacks(execute=True):  # the request commits: the stored page renews
        assert save(admin_client, data).status_code == 302
    html = main(client.get("/").text)
    assert html.count('<article class="tile">') == 12 and html.count('<article class="card">') == 6


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("home_news_count", "2", "większa lub równa 3"),
        ("home_news_count", "13", "mniejsza lub równa 12"),
        ("home_meetings_count", "0", "większa lub równa 1"),
        ("home_meetings_count", "7", "mniejsza lub równa 6"),
    ],
)
def test_counts_outside_the_blocks_limits_are_refused(admin_client, home, field, value, message):
    response = save(admin_client, home_form(blocks(), **{field: value}))
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    assert Coordinator.objects.get().home_news_count == 5


def test_the_home_page_costs_the_same_queries_with_one_notice_and_tile_or_many(
    client, home, django_assert_num_queries, cold_render
):
    def add(n):
        Announcement.objects.bulk_create(
            Announcement(home=home, title=f"Komunikat {i}", text="Treść.", ends_at=NOW.replace(year=2027))
            for i in range(n)
        )
        HomeTile.objects.bulk_create(HomeTile(home=home, label=f"Kafelek {i}", url="/kontakt/") for i in range(n))

    add(1)
    # The frame (coordinator, menu), the blocks, the notices, the news, the meetings, the tiles, the partners.
    with django_assert_num_queries(8):
        assert "Komunikat 0" in client.get("/").text
    add(30)
    with django_assert_num_queries(8):
        html = client.get("/").text
    assert html.count('class="announcement"') == 31 and html.count("Kafelek ") == 31
