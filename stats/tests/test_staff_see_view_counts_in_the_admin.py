import datetime
import re

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.roles import MODERATOR, REDAKTOR
from stats.models import DailyViews


def views(obj, *counts_by_days_ago):
    """Rows of views of ``obj``: (days ago, count) pairs."""
    content_type = ContentType.objects.get_for_model(obj)
    today = timezone.localdate()
    DailyViews.objects.bulk_create(
        DailyViews(content_type=content_type, object_id=obj.pk, day=today - datetime.timedelta(days=ago), count=n)
        for ago, n in counts_by_days_ago
    )


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_an_editor_sees_the_count_on_a_posts_change_form(client, make_post, staff_in_role):
    post = make_post()
    views(post, (0, 1), (3, 1), (40, 1232))
    client.force_login(staff_in_role(REDAKTOR))
    html = text(client.get(f"/admin/news/post/{post.pk}/change/").text)
    assert "Liczba wyświetleń" in html
    assert (
        "2 wyświetlenia w ostatnich 30 dniach, 1 234 wyświetlenia od początku liczenia "
        "(stan w chwili otwarcia formularza)" in html.replace("\xa0", " ")
    )


def test_pages_and_meetings_show_it_too_and_a_new_item_has_none(client, make_page, make_meeting, staff_in_role):
    page, meeting = make_page(), make_meeting()
    views(page, (1, 5))
    client.force_login(staff_in_role(REDAKTOR))
    assert "5 wyświetleń w ostatnich 30 dniach, 5 wyświetleń od początku liczenia" in text(
        client.get(f"/admin/pages/page/{page.pk}/change/").text
    )
    assert "0 wyświetleń w ostatnich 30 dniach, 0 wyświetleń od początku liczenia" in text(
        client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").text
    )
    assert "Liczba wyświetleń" not in client.get("/admin/news/post/add/").text


def test_the_home_page_lists_what_was_read_most_in_30_days(client, make_post, make_page, staff_in_role):
    popular, quiet, old = make_post(title="Targi pracy"), make_page(), make_post(title="Dawny wpis")
    views(popular, (0, 21), (29, 1))
    views(quiet, (2, 1))
    views(old, (30, 500))  # read long ago only: not in the last 30 days
    client.force_login(staff_in_role(REDAKTOR))
    html = client.get("/admin/").text
    section = text(html[html.index("Najczęściej czytane (30 dni)") : html.index('<div class="app-list">')])
    assert section.startswith(
        "Najczęściej czytane (30 dni) Targi pracy (wpis) – 22 wyświetlenia "
        "Historia partnerstwa (strona) – 1 wyświetlenie"
    )
    assert "Dawny wpis" not in section
    assert f'href="/admin/news/post/{popular.pk}/change/"' in html


def test_an_item_in_the_trash_is_left_out(client, make_post, alice):
    post = make_post(title="Usunięty wpis")
    views(post, (0, 3))
    post.move_to_trash(alice)
    client.force_login(alice)
    assert "Usunięty wpis" not in client.get("/admin/").text


def test_who_reads_no_posts_pages_or_meetings_sees_no_list(client, staff_in_role):
    client.force_login(staff_in_role(MODERATOR))
    assert "Najczęściej czytane" not in client.get("/admin/").text


def test_with_nothing_read_the_list_says_so(client, staff_in_role):
    client.force_login(staff_in_role(REDAKTOR))
    assert "W ostatnich 30 dniach nikt nie czytał wpisów, stron ani spotkań" in client.get("/admin/").text


def test_the_list_and_the_form_cost_one_query_whatever_was_read(
    client, make_post, staff_in_role, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff_in_role(REDAKTOR))
    first = make_post()
    views(first, (0, 1))
    client.get("/admin/")  # one-off look-ups

    def cost(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    home, form = cost("/admin/"), cost(f"/admin/news/post/{first.pk}/change/")
    for n in range(15):
        views(make_post(), *((days, n + 1) for days in range(0, 45, 3)))
    assert cost("/admin/") == home
    assert cost(f"/admin/news/post/{first.pk}/change/") == form
