import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from news.models import Post
from stats import counter
from stats.models import DailyViews


def shown_count(html):
    start = html.index("<dt>Liczba wyświetleń</dt><dd>") + len("<dt>Liczba wyświetleń</dt><dd>")
    return html[start : html.index("</dd>", start)]


def test_the_metryczka_shows_the_count_after_the_hourly_renewal(
    reader, make_post, views_of, django_capture_on_commit_callbacks
):
    post = make_post()
    assert shown_count(reader.get(post.get_absolute_url()).text) == "0 (aktualizowana co godzinę)"
    reader.get(post.get_absolute_url())
    # Until the hourly renewal the stored page keeps its number, though the row already grew.
    assert shown_count(reader.get(post.get_absolute_url()).text) == "0 (aktualizowana co godzinę)"
    assert views_of(post) == 3
    with django_capture_on_commit_callbacks(execute=True):
        counter.tidy()
    response = reader.get(post.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"  # the hourly duty renewed the page
    assert shown_count(response.text) == "3 (aktualizowana co godzinę)"


def test_the_count_sums_every_day_in_polish_number_format(reader, make_post):
    post = make_post()
    post_type = ContentType.objects.get_for_model(Post)
    today = timezone.localdate()
    DailyViews.objects.bulk_create(
        DailyViews(content_type=post_type, object_id=post.pk, day=today - datetime.timedelta(days=n), count=617)
        for n in range(2)
    )
    assert shown_count(reader.get(post.get_absolute_url()).text) == "1\xa0234 (aktualizowana co godzinę)"


def test_pages_and_meetings_show_their_count(reader, make_page, make_meeting):
    page, meeting = make_page(), make_meeting()
    assert shown_count(reader.get(page.get_absolute_url()).text) == "0 (aktualizowana co godzinę)"
    html = reader.get(meeting.get_absolute_url()).text
    assert "Liczba wyświetleń strony spotkania: 0 (aktualizowana co godzinę)" in html
