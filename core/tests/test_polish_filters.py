import datetime
import zoneinfo

import pytest
from django.template import Context, Template

from core.templatetags.pl import plural_form


@pytest.mark.parametrize(
    "n, expected",
    [
        (0, "komentarzy"),
        (1, "komentarz"),
        (2, "komentarze"),
        (4, "komentarze"),
        (5, "komentarzy"),
        (11, "komentarzy"),
        (12, "komentarzy"),
        (14, "komentarzy"),
        (21, "komentarzy"),
        (22, "komentarze"),
        (101, "komentarzy"),
        (104, "komentarze"),
        (112, "komentarzy"),
    ],
)
def test_plural_form_follows_polish_rules(n, expected):
    assert plural_form(n, "komentarz", "komentarze", "komentarzy") == expected


def render(source, **context):
    return Template(source).render(Context(context))


def test_plural_filter_prints_number_and_word():
    assert render('{{ n|plural:"ocena,oceny,ocen" }}', n=22) == "22 oceny"


def test_dates_use_genitive_month_names():
    when = datetime.datetime(2018, 6, 6, 11, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Warsaw"))
    assert render("{{ d|pl_date }}", d=when) == "6 czerwca 2018"
    assert render("{{ d|pl_weekday_date }}", d=when) == "środa, 6 czerwca 2018"
    assert render("{{ d|pl_datetime }}", d=when) == "6 czerwca 2018, 11:00"


def test_dates_from_the_database_are_shown_in_polish_time():
    # Stored in UTC: 22:30 on 5 June is 00:30 on 6 June in Warsaw.
    when = datetime.datetime(2018, 6, 5, 22, 30, tzinfo=datetime.UTC)
    assert render("{{ d|pl_date }}", d=when) == "6 czerwca 2018"
    assert render("{{ d|pl_weekday_date }}", d=when) == "środa, 6 czerwca 2018"
    assert render("{{ d|pl_datetime }}", d=when) == "6 czerwca 2018, 00:30"


def test_dates_read_as_djangos_polish_formats_do():
    # The filters spell dates out themselves; Django's formats with the Polish locale are the reference.
    from django.template.defaultfilters import date, time

    warsaw = zoneinfo.ZoneInfo("Europe/Warsaw")
    start = datetime.datetime(2024, 1, 1, 0, 7, tzinfo=warsaw)
    for n in range(0, 366 * 24, 37):  # every day of a leap year, at many hours
        when = start + datetime.timedelta(hours=n)
        assert render("{{ d|pl_date }}", d=when) == date(when, "j E Y")
        assert render("{{ d|pl_datetime }}", d=when) == date(when, "j E Y, H:i")
        assert render("{{ d|pl_weekday_date }}", d=when.date()) == f"{date(when, 'l').lower()}, {date(when, 'j E Y')}"
        assert render("{{ t|pl_time }}", t=when.time()) == time(when.time(), "H:i")


def test_missing_dates_show_nothing():
    for name in ("pl_date", "pl_datetime", "pl_weekday_date", "pl_time"):
        assert render(f"{{{{ d|{name} }}}}", d=None) == ""


def test_sanitized_filter_cleans_at_render_time():
    assert render("{{ html|sanitized }}", html='<p onclick="x()">a</p><script>alert(1)</script>') == "<p>a</p>"


def test_iso_gives_a_datetime_html_accepts_without_microseconds():
    warsaw = zoneinfo.ZoneInfo("Europe/Warsaw")
    moment = datetime.datetime(2026, 12, 1, 19, 5, 7, 123456, tzinfo=datetime.UTC)
    text = render("{{ d|iso }}", d=moment)
    assert text == datetime.datetime(2026, 12, 1, 20, 5, 7, tzinfo=warsaw).isoformat()
    assert "." not in text


def test_iso_gives_dates_and_times_as_they_are():
    assert render("{{ d|iso }}", d=datetime.date(2018, 6, 6)) == "2018-06-06"
    assert render("{{ t|iso }}", t=datetime.time(10, 0, 0, 500)) == "10:00:00"
