"""Text helpers shared by the apps."""

from django.utils.text import slugify

# Letters that Unicode normalisation does not reduce to ASCII.
TRANSLITERATION = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d"})


def slugify_pl(text):
    """„Łódź i żółć” → "lodz-i-zolc"."""
    return slugify(str(text).translate(TRANSLITERATION))


def unique_slug(model, text, *, max_length=200, exclude_pk=None, field="slug"):
    """A transliterated slug not yet used by another row of ``model``."""
    base = slugify_pl(text)[: max_length - 6].strip("-") or "wpis"
    candidate, n = base, 2
    qs = model._default_manager.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(**{field: candidate}).exists():
        candidate = f"{base}-{n}"
        n += 1
    return candidate
