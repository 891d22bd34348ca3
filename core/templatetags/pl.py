"""Polish dates, plurals and numbers for every template (a builtin library)."""

import datetime
import re
from functools import lru_cache

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from core.images import with_srcsets
from core.sanitize import shown_html
from core.text import slugify_pl

register = template.Library()


def plural_form(n, one, few, many):
    """Choose the Polish form: 1 komentarz, 2 komentarze, 5 komentarzy, 22 komentarze."""
    n = abs(int(n))
    if n == 1:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


@register.filter
def plural(n, forms):
    """``{{ n|plural:"komentarz,komentarze,komentarzy" }}`` → "5 komentarzy"."""
    one, few, many = (f.strip() for f in forms.split(","))
    return f"{n} {plural_form(n, one, few, many)}"


@register.filter
def plural_word(n, forms):
    """Like ``plural`` without the number."""
    one, few, many = (f.strip() for f in forms.split(","))
    return plural_form(n, one, few, many)


# Spelled out here rather than through Django's date format and translations: the same words,
# at a fraction of the cost (a post page shows some 25 dates, a list of meetings 60).
MONTHS_GENITIVE = (
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
)
WEEKDAYS = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")


@register.filter(expects_localtime=True)
def pl_date(value):
    """19 kwietnia 2018 (the genitive month name, as Poles write dates)."""
    if not isinstance(value, datetime.date):
        return date_filter(value, "j E Y")
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year}"


@register.filter(expects_localtime=True)
def pl_datetime(value):
    """19 kwietnia 2018, 11:00"""
    if not isinstance(value, datetime.datetime):
        return date_filter(value, "j E Y, H:i")
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year}, {value.hour:02}:{value.minute:02}"


@register.filter(expects_localtime=True)
def pl_weekday_date(value):
    """środa, 6 czerwca 2018 (Polish weekdays are not capitalised mid-sentence)."""
    if not isinstance(value, datetime.date):
        return ""
    return f"{WEEKDAYS[value.weekday()]}, {pl_date(value)}"


@register.filter
def pl_time(value):
    """11:00 (hours and minutes of a time of day, as ``time:"H:i"`` gives)."""
    if not isinstance(value, datetime.time | datetime.datetime):
        return ""
    return f"{value.hour:02}:{value.minute:02}"


@register.filter
def iso(value):
    """A machine-readable value for <time datetime="…">."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        # HTML allows at most three digits of a second's fraction; seconds are enough here.
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.time):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter(is_safe=True)
def label_text(text):
    """A label as the style note writes it: trimmed, without a trailing colon („Obecny adres e-mail:”)."""
    return text.strip().removesuffix(":").rstrip()


@register.filter
def sanitized(html):
    """Rich text, cleaned again at render time, ready to output."""
    return _sanitized(html)


@lru_cache(maxsize=512)  # the result depends on the text alone; bodies are a few KB
def _sanitized(html):
    return mark_safe(with_srcsets(shown_html(html)))


_H2 = re.compile(r"<h2>(.*?)</h2>", re.S)


@register.filter
def heading_ids(html):
    """Give each section heading of cleaned rich text an address: „Pliki cookie” → id="pliki-cookie".

    Links such as /polityka-prywatnosci/#pliki-cookie then open the page at that section.
    """
    seen = set()

    def with_id(match):
        base = slugify_pl(strip_tags(match.group(1))) or "sekcja"
        anchor, n = base, 1
        while anchor in seen:
            n += 1
            anchor = f"{base}-{n}"
        seen.add(anchor)
        return f'<h2 id="{anchor}">{match.group(1)}</h2>'

    return mark_safe(_H2.sub(with_id, str(html)))
