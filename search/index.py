"""What goes into the search index, and keeping it current.

SOURCES maps a model to a function that describes one object as a document;
what is not published (its model's ``published()`` says) is left out. Saving or deleting an
object updates its document after the transaction commits;
``manage.py rebuild_search_index`` rebuilds everything (after bulk loads) and
drops words no document uses any more.

PostgreSQL turns the title and text into the document's vector with the text
search configuration ``simple_unaccent`` (lower case, diacritics removed by
the ``unaccent`` extension); the query side uses the same configuration.
"""

import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models import F, Func
from django.db.models.signals import post_delete, post_save
from django.utils.text import capfirst

from core.publishing import is_published
from core.sanitize import html_to_text
from meetings.models import WARSAW
from members.models import Gmina
from search.models import Document, Word
from search.text import without_control_characters, words

# Created by search/migrations/0002: PostgreSQL's 'simple' plus unaccent.
CONFIG = "simple_unaccent"


def _thumbnail(post):
    """What the results list needs to show a post's card image (made on save by news.thumbnails)."""
    if not post.thumbnail:
        return {}
    return {
        "src": post.thumbnail.url,
        "src_2x": post.thumbnail_2x.url if post.thumbnail_2x else "",
        "width": post.thumbnail_width,
        "height": post.thumbnail_height,
    }


def post_document(post):
    return {
        "kind": "Wpis",
        "title": post.title,
        "url": post.get_absolute_url(),
        "text": f"{post.lead}\n{html_to_text(post.body)}",
        "date": post.published_at,
        "public_from": post.published_at,
        "public_until": post.unpublish_at,
        "image": _thumbnail(post),
    }


def page_document(page):
    return {
        "kind": "Strona",
        "title": page.title,
        "url": page.get_absolute_url(),
        "text": html_to_text(page.body),
        "date": page.updated_at,
        "public_from": None,
    }


def institution_document(institution):
    """Sentences, not fields run together: „Urząd gminy lub miasta, gmina Leoncin.”, the description…"""
    if not institution.gmina or institution.gmina == Gmina.OUTSIDE:
        where = institution.get_gmina_display()
    else:
        where = f"gmina {institution.get_gmina_display()}"
    lines = [
        capfirst(", ".join(part for part in [institution.get_kind_display(), where] if part) + "."),
        html_to_text(institution.description),
        f"Nazwa skrócona: {institution.short_name}." if institution.short_name else "",
    ]
    text = "\n".join(line for line in lines if line)
    return {
        "kind": "Partner",
        "title": institution.name,
        "url": institution.get_absolute_url(),
        "text": text,
        "date": None,
        "public_from": None,
    }


def meeting_document(meeting):
    venue = meeting.venue
    place = ", ".join(p for p in [venue.name, venue.address, venue.get_gmina_display()] if p) if venue else ""
    text = "\n".join(p for p in [meeting.series, place, html_to_text(meeting.description)] if p)
    return {
        "kind": "Spotkanie",
        "title": meeting.title,
        "url": meeting.get_absolute_url(),
        "text": text,
        "date": meeting.starts_at or datetime.datetime.combine(meeting.date, datetime.time(), WARSAW),
        "public_from": None,
    }


def meeting_report_document(report):
    return {
        "kind": "Relacja ze spotkania",
        "title": f"Relacja: {report.meeting.title}",
        "url": report.meeting.get_absolute_url(),
        "text": html_to_text(report.body),
        "date": report.published_at,
        "public_from": report.published_at,
    }


SOURCES = {
    "news.Post": post_document,
    "pages.Page": page_document,
    "members.Institution": institution_document,
    "meetings.Meeting": meeting_document,
    "meetings.Report": meeting_report_document,
}


def _source(model):
    return SOURCES.get(model._meta.label)


def update(obj, *, published=None):
    """``published``: already known by the caller (a rebuild reads only published rows)."""
    describe = _source(type(obj))
    content_type = ContentType.objects.get_for_model(type(obj))
    # Scheduled content is indexed now and found from its public_from (until its public_until).
    if published is None:
        published = is_published(obj, scheduled=True)
    data = describe(obj) if describe and published else None
    if data is None:
        Document.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        return
    data["title"] = without_control_characters(data["title"])
    data["text"] = without_control_characters(data["text"])
    doc, _ = Document.objects.update_or_create(content_type=content_type, object_id=obj.pk, defaults=data)
    Document.objects.filter(pk=doc.pk).update(
        vector=SearchVector("title", weight="A", config=CONFIG) + SearchVector("text", weight="B", config=CONFIG)
    )
    add_words(f"{data['title']} {data['text']}")


def add_words(text):
    """Add the text's words to the word list; PostgreSQL folds the new ones (unaccent)."""
    new = {w for w in words(text) if 3 <= len(w) <= 40}
    Word.objects.bulk_create([Word(word=w) for w in new], ignore_conflicts=True)
    Word.objects.filter(word__in=new, folded="").update(folded=Func(F("word"), function="unaccent"))


def remove(obj):
    content_type = ContentType.objects.get_for_model(type(obj))
    Document.objects.filter(content_type=content_type, object_id=obj.pk).delete()


@transaction.atomic  # searches go on finding the old index until the new one is complete
def rebuild():
    Document.objects.all().delete()
    Word.objects.all().delete()  # words of deleted or changed texts go; update() adds back the rest
    count = 0
    for label in SOURCES:
        rows = apps.get_model(label)._default_manager.all()
        if hasattr(rows, "published"):
            rows = rows.published(scheduled=True)  # one query for what is public, not one per object
        for obj in rows.iterator(chunk_size=500):
            update(obj, published=True)
            count += 1
    return count


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: _update_unless_deleted(instance))


def _update_unless_deleted(obj):
    if obj.pk is not None:  # not deleted after saving, in the same transaction
        update(obj)
        for dependent in _dependents(obj):
            update(dependent)


def _dependents(obj):
    """Documents public only with this object: a meeting's report goes to the trash and back with it."""
    if obj._meta.label == "meetings.Meeting":
        from meetings.models import Report

        return list(Report.objects.filter(meeting=obj))
    return []


def _on_delete(sender, instance, **kwargs):
    remove(instance)


def connect_signals():
    for label in SOURCES:
        model = apps.get_model(label)
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search:{label}:save")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search:{label}:delete")
