"""Where the library's images are used: the rich text of models that other apps register.

The library knows no app above it. An app with rich text names its model and fields from its
AppConfig.ready()::

    uses.register(Post, ["body"], "Wpis")

and from then on every save of a row refreshes the row's ImageUse rows (the images whose
address its text shows) and every delete drops them. The admin's list counts these rows and the
change page lists them, so neither reads a single text. A change that sends no signal
(``QuerySet.update()``, a restored backup) is caught by ``refresh_all``, which ``manage.py
daily`` runs.
"""

import re
from html import unescape as html_unescape

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from core.images import EDITOR_DIR

_registry = {}  # model -> (fields, label)


def register(model, fields, label):
    """Track the images in ``fields`` (rich text) of ``model``; ``label`` names one row („Wpis”)."""
    _registry[model] = (tuple(fields), label)
    uid = f"library.uses.{model._meta.label_lower}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid, weak=False)


def registered():
    """{model: (fields, label)} of every registered model."""
    return dict(_registry)


def label_for(model):
    """„Wpis”: how a row of ``model`` is named in „Gdzie użyto” („Treść” for a model gone since)."""
    if model in _registry:
        return _registry[model][1]
    return model._meta.verbose_name.capitalize() if model is not None else "Treść"


def image_names_in(html):
    """The stored names of the editor images whose address ``html`` shows."""
    prefix = re.escape(default_storage.url(EDITOR_DIR))
    return {EDITOR_DIR + name for name in re.findall(rf'{prefix}([-a-z0-9]+\.(?:jpg|png|webp|gif))"', html or "")}


_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'\s(src|alt)="([^"]*)"')


def alts_in(html):
    """{address: text alternative} of the images in ``html`` that have one."""
    found = {}
    for tag in _IMG.findall(html or ""):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get("src") and attrs.get("alt", "").strip():
            found.setdefault(attrs["src"], html_unescape(attrs["alt"]).strip())
    return found


def refresh(instance, created=False):
    """Record which images the saved ``instance`` shows, in place of what it showed before.

    A text without an editor image costs one query (none when it was just created): saves
    whose query counts are pinned elsewhere stay as they were.
    """
    from library.models import Image, ImageUse

    fields, _ = _registry[type(instance)]
    texts = [getattr(instance, field) or "" for field in fields]
    names = set().union(*(image_names_in(text) for text in texts))
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    if not names:
        if not created:
            ImageUse.objects.filter(content_type=content_type, object_id=instance.pk).delete()
        return
    with transaction.atomic():
        ImageUse.objects.filter(content_type=content_type, object_id=instance.pk).delete()
        images = list(Image.objects.filter(file__in=names).only("pk", "file", "alt"))
        title = str(instance)[:300]
        ImageUse.objects.bulk_create(
            ImageUse(image_id=image.pk, content_type=content_type, object_id=instance.pk, title=title)
            for image in images
        )
        # The first text alternative given in a text becomes the library's suggestion for reuse.
        alts = {}
        for text in texts:
            alts = alts_in(text) | alts
        for image in images:
            alt = alts.get(default_storage.url(image.file), "")[:250]
            if alt and not image.alt:
                Image.objects.filter(pk=image.pk, alt="").update(alt=alt)


def refresh_all():
    """Bring every registered row's uses up to date in bulk; returns how many uses changed.

    A few queries a model, whatever the number of rows: what is recorded and which images
    exist are read once, and only the differences are written.
    """
    from library.models import Image, ImageUse

    image_pks = dict(Image.objects.values_list("file", "pk"))
    changed = 0
    for model, (fields, _) in _registry.items():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        recorded = {}
        for use in ImageUse.objects.filter(content_type=content_type):
            recorded[use.object_id, use.image_id] = use
        wanted = {}
        for instance in model._base_manager.iterator(chunk_size=500):
            names = set().union(*(image_names_in(getattr(instance, field) or "") for field in fields))
            for name in names & image_pks.keys():
                wanted[instance.pk, image_pks[name]] = str(instance)[:300]
        stale = [use.pk for key, use in recorded.items() if key not in wanted]
        new = [
            ImageUse(image_id=image_id, content_type=content_type, object_id=object_id, title=title)
            for (object_id, image_id), title in wanted.items()
            if (object_id, image_id) not in recorded
        ]
        with transaction.atomic():
            ImageUse.objects.filter(pk__in=stale).delete()
            ImageUse.objects.bulk_create(new)
        changed += len(stale) + len(new)
    return changed


def _saved(sender, instance, created=False, raw=False, **kwargs):
    if not raw:  # loaddata: the rows it loads may name images not loaded yet
        refresh(instance, created=created)


def _deleted(sender, instance, **kwargs):
    from library.models import ImageUse

    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    ImageUse.objects.filter(content_type=content_type, object_id=instance.pk).delete()
