"""The trash („Kosz”): deleting a post, a page, a meeting or an institution in the admin is reversible.

A delete in the admin (the object's „Usuń” and the bulk action) only marks the row
(``core.models.Trashable``): it vanishes from every public page and from the admin's lists, and
stays in the Kosz for ``TRASH_DAYS`` days with its relations, files and address. There staff who
may delete that kind of object restore it („Przywróć”) or delete it for good („Usuń na zawsze”);
the daily duties (``manage.py daily``) delete for good what has been there longer.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.options import IS_POPUP_VAR, ActionLocation
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.db.models.functions import Length
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.views.decorators.http import require_POST

from adminsite.grammar import noun_for
from changelog.metryczka import forget_changes
from core.templatetags.pl import plural

# The kinds of object that go to the trash, in the order the Kosz lists them.
TRASHABLE = ["news.Post", "pages.Page", "meetings.Meeting", "members.Institution"]
# What the daily duties report (in English, as the rest of their output).
PURGED = {
    "news.Post": "posts from the trash",
    "pages.Page": "pages from the trash",
    "meetings.Meeting": "meetings from the trash",
    "members.Institution": "institutions from the trash",
}


def trash_models():
    return [apps.get_model(label) for label in TRASHABLE]


def kept_for():
    """„30 dni”, „1 dzień”: how long the trash keeps an object."""
    return plural(settings.TRASH_DAYS, "dzień,dni,dni")


def purge_date(obj):
    return obj.deleted_at + datetime.timedelta(days=settings.TRASH_DAYS)


def _may_delete(user, model):
    return user.has_perm(f"{model._meta.app_label}.delete_{model._meta.model_name}")


def deleted_with(objs):
    """What a delete for good of ``objs`` takes along, in Django's nested list for the admin's
    confirmation, and counted by kind; rows that only link two objects (a meeting's related
    posts) are left out: they are no content of their own. Also what protects them."""
    objs = list(objs)
    if not objs:
        return [], {}, []
    collector = NestedObjects(using=router.db_for_write(type(objs[0])), origin=objs)
    collector.collect(objs)

    def describe(obj):
        if obj._meta.auto_created:
            return None
        return format_html("{}: {}", capfirst(obj._meta.verbose_name), obj)

    def without_links(items):
        kept = []
        for item in items:
            if isinstance(item, list):
                item = without_links(item)
                if item:
                    kept.append(item)
            elif item is not None:
                kept.append(item)
        return kept

    counts = {
        model._meta.verbose_name_plural: len(rows)
        for model, rows in collector.model_objs.items()
        if not model._meta.auto_created
    }
    protected = [describe(obj) for obj in collector.protected]
    return without_links(collector.nested(describe)), counts, protected


def _blocker_links(objs):
    """What stops these objects from going to the trash, as Django's list of protected objects."""
    return [
        format_html("{}: {}", noun_for(blocker._meta).nom.capitalize(), blocker)
        for obj in objs
        for blocker in obj.trash_blockers()
    ]


class TrashAdminMixin:
    """Delete in the admin moves to the trash, with an honest confirmation; the site adds this to
    the admin of every ``Trashable`` model (sites.py)."""

    moves_to_trash = True
    delete_confirmation_template = "admin/trash/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/trash/delete_selected_confirmation.html"

    def get_deleted_objects(self, objs, request):
        """What the trash would lose for good after TRASH_DAYS (Django's list), nothing lacking a
        permission (the objects themselves are only marked now), and what must go first."""
        to_delete, model_count, _ = deleted_with(objs)
        return to_delete, model_count, set(), _blocker_links(objs)

    def delete_model(self, request, obj):
        obj.move_to_trash(request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                obj.move_to_trash(request.user)  # each save renews the page cache and the search index

    def render_delete_form(self, request, context):
        context["kept_for"] = kept_for()
        response = super().render_delete_form(request, context)
        if context.get("protected"):
            response.context_data["title"] = f"Nie można przenieść {noun_for(self.opts).gen} do kosza"
        else:
            response.context_data["title"] = "Przenieść do kosza?"
        return response

    def response_delete(self, request, obj_display, obj_id):
        if IS_POPUP_VAR in request.POST:
            return super().response_delete(request, obj_display, obj_id)
        noun = noun_for(self.opts)
        self.message_user(
            request,
            format_html(
                'Przeniesiono do kosza {} „{}”. Przez {} można {} przywrócić w <a href="{}">Koszu</a>.',
                noun.acc,
                obj_display,
                kept_for(),
                noun.pronoun_acc,
                reverse("admin:trash"),
            ),
            messages.SUCCESS,
        )
        if not self.has_change_permission(request, None):
            return HttpResponseRedirect(reverse("admin:index"))
        url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        context = {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}
        return HttpResponseRedirect(add_preserved_filters(context, url))

    def get_action_choices(self, request, default_choices=None, action_location=ActionLocation.CHANGE_LIST):
        choices = super().get_action_choices(request, default_choices, action_location)
        noun = noun_for(self.opts)
        label = f"Przenieś {noun.adjective_acc_pl('zaznaczon')} {noun.acc_pl} do kosza"
        return [(name, label if name == "delete_selected" else text) for name, text in choices]


def moved_to_trash_message(opts, count):
    noun = noun_for(opts)
    them = noun.pronoun_acc if count == 1 else "je"
    return format_html(
        'Przeniesiono do kosza {}. Przez {} można {} przywrócić w <a href="{}">Koszu</a>.',
        noun.count_acc(count),
        kept_for(),
        them,
        reverse("admin:trash"),
    )


@dataclass
class Kind:
    model: type
    noun: object
    items: list

    @property
    def label(self):
        return self.model._meta.label_lower

    @property
    def slug(self):
        return self.model._meta.model_name


def _kinds(user):
    """The kinds of trashed objects this person may restore (who may delete may restore)."""
    return [model for model in trash_models() if _may_delete(user, model)]


def may_use_trash(user):
    return bool(_kinds(user))


def app_list_entry():
    """The Kosz as a section of the admin's home page and sidebar."""
    url = reverse("admin:trash")
    return {
        "name": "Kosz",
        "app_label": "kosz",
        "app_url": url,
        "has_module_perms": True,
        "models": [
            {
                "name": "Usunięte treści",
                "object_name": "Trash",
                "admin_url": url,
                "add_url": None,
                "view_only": True,
                "perms": {},
            }
        ],
    }


def trash_view(request, admin_site):
    """The Kosz: one query per kind of object the person may delete, however many there are."""
    models = _kinds(request.user)
    if not models:
        raise PermissionDenied
    kinds = []
    for model in models:
        rows = list(
            model.all_objects.filter(deleted_at__isnull=False)
            .select_related("deleted_by")
            .order_by("-deleted_at", "-pk")
        )
        for obj in rows:
            obj.purge_date = purge_date(obj)
        kinds.append(Kind(model=model, noun=noun_for(model._meta), items=rows))
    context = {
        **admin_site.each_context(request),
        "title": "Kosz",
        "kinds": kinds,
        "kept_for": kept_for(),
        "empty": not any(kind.items for kind in kinds),
    }
    return TemplateResponse(request, "admin/trash/list.html", context)


def _trashed(request, label):
    """The model of a Kosz address (one of TRASHABLE) and whether this person may handle it."""
    matches = [model for model in trash_models() if model._meta.label_lower == label]
    if not matches:
        raise Http404("Nie ma takiego rodzaju treści w koszu.")
    model = matches[0]
    if not _may_delete(request.user, model):
        raise PermissionDenied
    return model


def _get_trashed(model, pk, *, lock=False):
    rows = model.all_objects.select_for_update() if lock else model.all_objects.all()
    return rows.filter(pk=pk, deleted_at__isnull=False).first()


def _gone(request, model):
    noun = noun_for(model._meta)
    messages.warning(
        request,
        f"{'Tej' if noun.gender == 'f' else 'Tego'} {noun.gen} nie ma już w koszu: "
        f"ktoś {noun.pronoun_acc} przywrócił albo usunął na zawsze.",
    )
    return redirect("admin:trash")


@require_POST
def restore_view(request, admin_site, label, pk):
    model = _trashed(request, label)
    noun = noun_for(model._meta)
    with transaction.atomic():
        obj = _get_trashed(model, pk, lock=True)
        if obj is None:
            return _gone(request, model)
        problem = obj.restore_problem()
        if problem:
            messages.error(request, f"Nie można przywrócić {noun.gen} „{obj}”: {problem}")
            return redirect("admin:trash")
        obj.restore()
        LogEntry.objects.log_actions(
            request.user.pk, [obj], CHANGE, change_message="Przywrócono z kosza.", single_object=True
        )
    change_url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    messages.success(request, format_html('Przywrócono z kosza {} „<a href="{}">{}</a>”.', noun.acc, change_url, obj))
    return redirect("admin:trash")


def purge_view(request, admin_site, label, pk):
    """„Usuń na zawsze”: a confirmation naming everything that goes with the object, then the delete."""
    model = _trashed(request, label)
    noun = noun_for(model._meta)
    obj = _get_trashed(model, pk)
    if obj is None:
        return _gone(request, model)
    to_delete, _, protected = deleted_with([obj])
    if request.method == "POST" and not protected:
        shown = str(obj)
        if _purge_one(obj):
            messages.success(request, f"Usunięto na zawsze {noun.acc} „{shown}”.")
        else:
            messages.error(
                request, f"Nie można usunąć na zawsze {noun.gen} „{shown}”: odwołują się do niego inne obiekty w koszu."
            )
        return redirect("admin:trash")
    context = {
        **admin_site.each_context(request),
        "title": f"Nie można usunąć na zawsze {noun.gen}" if protected else "Usunąć na zawsze?",
        "object": obj,
        "noun": noun,
        "deleted_objects": to_delete,
        "protected": protected,
        "opts": model._meta,
    }
    return TemplateResponse(request, "admin/trash/purge_confirmation.html", context)


def _purge_one(obj):
    """Delete one trashed object for good, with its register of changes; False when something
    still protects it (a page's subpage still in the trash)."""
    try:
        with transaction.atomic():
            forget_changes(type(obj), [obj.pk])
            obj.delete()  # signals: the search index, the page cache, files of photos and documents
    except (ProtectedError, RestrictedError):
        return False
    return True


def purge(now=None):
    """The daily duty: delete for good what has been in the trash longer than TRASH_DAYS.

    Returns {what: how many}. Subpages go before the pages above them; a page whose subpage is
    still in the trash waits for it.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.TRASH_DAYS)
    counts = {}
    for model in trash_models():
        rows = model.all_objects.filter(deleted_at__lte=cutoff)
        if model._meta.label == "pages.Page":
            rows = rows.order_by(Length("url_path").desc(), "pk")
        counts[PURGED[model._meta.label]] = sum(_purge_one(obj) for obj in rows)
    return counts
