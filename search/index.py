"""What goes into the search index, and keeping it current.

SOURCES maps a model to a function that describes one object as a document
(or returns None when the object must not be found). Saving or deleting an
object updates its document after the transaction commits;
``manage.py rebuild_search_index`` rebuilds everything (after bulk loads).
"""

import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models import Value
from django.db.models.signals import post_delete, post_save

from meetings.models import WARSAW
from partnerstwo.sanitize import html_to_text
from search.models import Document, Word
from search.text import fold, words


def post_document(post):
    if post.status != post.Status.PUBLISHED:
        return None
    return {
        "kind": "Aktualność", "title": post.title, "url": post.get_absolute_url(),
        "text": f"{post.lead}\n{html_to_text(post.body)}", "date": post.published_at,
        "public_from": post.published_at,
    }


def page_document(page):
    if not page.is_published:
        return None
    return {
        "kind": "Strona", "title": page.title, "url": page.get_absolute_url(),
        "text": html_to_text(page.body), "date": page.updated_at, "public_from": None,
    }


def institution_document(institution):
    if not institution.is_published:
        return None
    text = " ".join(
        part for part in [institution.short_name, institution.get_kind_display(),
                          f"gmina {institution.get_gmina_display()}", html_to_text(institution.description)] if part
    )
    return {
        "kind": "Partner", "title": institution.name, "url": institution.get_absolute_url(),
        "text": text, "date": None, "public_from": None,
    }


def meeting_document(meeting):
    venue = meeting.venue
    place = ", ".join(p for p in [venue.name, venue.address, venue.get_gmina_display()] if p) if venue else ""
    text = "\n".join(p for p in [meeting.series, place, html_to_text(meeting.description)] if p)
    return {
        "kind": "Spotkanie", "title": meeting.title, "url": meeting.get_absolute_url(),
        "text": text, "date": meeting.starts_at or datetime.datetime.combine(meeting.date, datetime.time(), WARSAW),
        "public_from": None,
    }


def meeting_report_document(report):
    if report.status != report.Status.PUBLISHED:
        return None
    return {
        "kind": "Relacja ze spotkania", "title": f"Relacja: {report.meeting.title}",
        "url": report.meeting.get_absolute_url(), "text": html_to_text(report.body),
        "date": report.published_at, "public_from": report.published_at,
    }


SOURCES = {
    "news.Post": post_document,
    "partnerstwo.Page": page_document,
    "members.Institution": institution_document,
    "meetings.Meeting": meeting_document,
    "meetings.Report": meeting_report_document,
}


def _source(model):
    return SOURCES.get(model._meta.label)


def update(obj):
    describe = _source(type(obj))
    content_type = ContentType.objects.get_for_model(type(obj))
    data = describe(obj) if describe else None
    if data is None:
        Document.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        return
    folded_title, folded_text = fold(data["title"]), fold(data["text"])
    doc, _ = Document.objects.update_or_create(
        content_type=content_type, object_id=obj.pk,
        defaults={**data, "folded": f"{folded_title}\n{folded_text}"},
    )
    Document.objects.filter(pk=doc.pk).update(
        vector=SearchVector(Value(folded_title), weight="A", config="simple")
        + SearchVector(Value(folded_text), weight="B", config="simple")
    )
    Word.objects.bulk_create(
        [Word(word=w) for w in set(words(f"{data['title']} {data['text']}")) if 3 <= len(w) <= 40],
        ignore_conflicts=True,
    )


def remove(obj):
    content_type = ContentType.objects.get_for_model(type(obj))
    Document.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def rebuild():
    Document.objects.all().delete()
    count = 0
    for label in SOURCES:
        model = apps.get_model(label)
        for obj in model._default_manager.iterator(chunk_size=500):
            update(obj)
            count += 1
    return count


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: update(instance))


def _on_delete(sender, instance, **kwargs):
    remove(instance)


def connect_signals():
    for label in SOURCES:
        model = apps.get_model(label)
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search:{label}:save")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search:{label}:delete")
