"""Preview links: the saved state of a post, page or meeting, for someone without an account.

Staff make and revoke links in the „Linki do podglądu” box of a change form (drafts/admin.py,
templates/admin/drafts/preview_links.html), through the two admin views below: plain forms with
CSRF, for whoever may change the item. A link's token is random (``secrets``); only its hash is
stored, and the full address is shown once, from the session, on the page the creation
redirects to.

/podglad/<token>/ (``preview``) renders the item as its public page would look, even a draft or
a scheduled one, through the view its model names in ``preview_view`` (a dotted path, so that
this app imports none of the apps it previews), with the banner of templates/includes/ and no
comment or rating forms. The answer is never indexed (X-Robots-Tag and the robots meta of
base.html), never stored by a browser or a proxy, and never enters the page cache (/podglad/
is in PAGECACHE_EXCLUDED_PREFIXES). Unknown token: 404; expired or revoked: 410.
"""

import datetime
import secrets

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST, require_safe

from core.links import absolute_url
from core.templatetags.pl import plural
from drafts.models import PREVIEW_DAYS_CHOICES, PreviewLink, hash_preview_token
from limits.ratelimit import client_ip, is_limited

# Opening previews, per address: generous for a director reading a long draft twice, far too
# few for guessing a token (32 random bytes).
PREVIEWS_PER_WINDOW = 60
PREVIEW_WINDOW_SECONDS = 600
TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 100
SESSION_KEY = "drafts_new_preview_link"


def days(n):
    """„1 dzień”, „3 dni”, „14 dni”."""
    return plural(n, "dzień,dni,dni")


def previewable(model):
    return bool(getattr(model, "preview_view", None))


def make_link(obj, valid_days, created_by=None):
    """A new link to ``obj``, valid for ``valid_days`` days: (PreviewLink, its address path).
    The token leaves here once, in the path; only its hash is stored."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = timezone.now()
    link = PreviewLink.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        token_hash=hash_preview_token(token),
        created_by=created_by,
        created_at=now,
        expires_at=now + datetime.timedelta(days=valid_days),
    )
    return link, reverse("preview", args=[token])


# The box in a change form (drafts/admin.py).


def preview_box(request, model_admin, obj):
    """What the „Linki do podglądu” box shows: the active links, and the new one once."""
    content_type = ContentType.objects.get_for_model(model_admin.model)
    object_id = str(obj.pk)
    new = request.session.get(SESSION_KEY)
    if new and new.get("target") == [content_type.pk, object_id]:
        del request.session[SESSION_KEY]  # shown once, never again
    else:
        new = None
    links = PreviewLink.objects.active().filter(content_type=content_type, object_id=object_id)
    return {
        "links": list(links.select_related("created_by")),
        "new_url": new and new["url"],
        "model": model_admin.opts.label_lower,
        "object_id": object_id,
        "create_url": reverse(f"{model_admin.admin_site.name}:drafts_preview_create"),
        "revoke_url": reverse(f"{model_admin.admin_site.name}:drafts_preview_revoke"),
        "day_choices": [(n, days(n)) for n in PREVIEW_DAYS_CHOICES],
        "default_days": 7,
    }


def _refused(request, message, status):
    context = {**admin.site.each_context(request), "title": "Nie można wykonać tej zmiany", "message": message}
    response = TemplateResponse(request, "admin/drafts/preview_refused.html", context, status=status)
    response.changes_no_content = True
    return response


NOT_PREVIEWABLE = "Tej treści nie można podglądać przez link."
NOT_ALLOWED = "Linki do podglądu może tworzyć i unieważniać tylko osoba, która może zmieniać tę treść."


def _changeable(request, model, object_id):
    """(ModelAdmin, object, None) when the user may change the object; else (None, None, refusal)."""
    try:
        model_admin = admin.site.get_model_admin(model)
    except NotRegistered:
        return None, None, _refused(request, NOT_PREVIEWABLE, 404)
    obj = model_admin.get_object(request, object_id)
    if obj is None:
        return None, None, _refused(request, "Tej treści już nie ma.", 404)
    if not model_admin.has_change_permission(request, obj):
        return None, None, _refused(request, NOT_ALLOWED, 403)
    return model_admin, obj, None


def _back_to_form(model_admin, obj):
    opts = model_admin.opts
    response = redirect(
        reverse(f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        + "#linki-do-podgladu"
    )
    response.changes_no_content = True  # a link is no content: no cached page is renewed
    return response


@require_POST
def create_link(request):
    try:
        model = apps.get_model(request.POST.get("model", ""))
    except (LookupError, ValueError):
        model = None
    if model is None or not previewable(model):
        return _refused(request, NOT_PREVIEWABLE, 404)
    model_admin, obj, refusal = _changeable(request, model, request.POST.get("object_id", ""))
    if refusal:
        return refusal
    raw_days = request.POST.get("days", "")
    if not raw_days.isascii() or not raw_days.isdigit() or int(raw_days) not in PREVIEW_DAYS_CHOICES:
        choices = ", ".join(str(n) for n in PREVIEW_DAYS_CHOICES)
        return _refused(request, f"Wybierz ważność linku z listy: {choices} dni.", 400)
    valid_days = int(raw_days)
    link, path = make_link(obj, valid_days, created_by=request.user)
    request.session[SESSION_KEY] = {"target": [link.content_type_id, link.object_id], "url": absolute_url(path)}
    messages.success(
        request,
        f"Utworzono link do podglądu ważny przez {days(valid_days)}. Skopiuj go teraz: "
        "po opuszczeniu tej strony nie będzie go można wyświetlić ponownie.",
    )
    return _back_to_form(model_admin, obj)


@require_POST
def revoke_link(request):
    raw_pk = request.POST.get("link", "")
    link = None
    if raw_pk.isascii() and raw_pk.isdigit():
        link = PreviewLink.objects.select_related("content_type").filter(pk=int(raw_pk)).first()
    if link is None:
        return _refused(request, "Nie ma takiego linku do podglądu. Mógł już zostać usunięty.", 404)
    model = link.content_type.model_class()
    if model is None:  # its app is gone
        return _refused(request, NOT_PREVIEWABLE, 404)
    model_admin, obj, refusal = _changeable(request, model, link.object_id)
    if refusal:
        return refusal
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    messages.success(request, "Unieważniono link do podglądu. Kto go otworzy, zobaczy, że nie jest już ważny.")
    return _back_to_form(model_admin, obj)


# The public address.


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the address holds the token
    return response


@require_safe
def preview(request, token):
    if is_limited("preview", client_ip(request), limit=PREVIEWS_PER_WINDOW, window=PREVIEW_WINDOW_SECONDS):
        return _private(render(request, "429.html", status=429))
    if len(token) > MAX_TOKEN_LENGTH:
        raise Http404("Nie ma takiego linku do podglądu.")
    link = PreviewLink.objects.filter(token_hash=hash_preview_token(token)).first()
    if link is None:
        raise Http404("Nie ma takiego linku do podglądu.")
    if not link.is_usable():
        return _private(render(request, "drafts/preview_gone.html", {"link": link}, status=410))
    model = ContentType.objects.get_for_id(link.content_type_id).model_class()
    if model is None or not previewable(model):
        raise Http404("Nie ma takiego linku do podglądu.")
    view = import_string(model.preview_view)
    return _private(view(request, link.object_id, preview_link=link))
