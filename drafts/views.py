"""The autosave of admin forms (drafts/admin.py): store or discard one user's draft of one form.

Both answer JSON to static/js/admin-drafts.js, behind the admin's login (the site wraps them in
admin_view), with CSRF, for whoever may change the object (or add one, for an add form).
They change no content, so they renew no cached page.
"""

import json

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.templatetags.pl import pl_time
from drafts.models import Draft
from limits.ratelimit import is_limited

MAX_CHARS = 3_000_000  # a long report is about 100,000 characters of HTML
SAVES_PER_MINUTE = 20


def _refused(message, status):
    response = JsonResponse({"error": message}, status=status)
    response.changes_no_content = True
    return response


def _answer(data):
    response = JsonResponse(data)
    response.changes_no_content = True
    return response


def _form_of(request):
    """(model, object_id) named by the request, if the user may edit that form; else a JSON refusal."""
    try:
        model = apps.get_model(request.POST.get("model", ""))
        model_admin = admin.site.get_model_admin(model)
    except (LookupError, ValueError, NotRegistered):
        return None, None, _refused("Nie ma takiego formularza.", 404)
    object_id = request.POST.get("object_id", "")
    if object_id:
        obj = model_admin.get_object(request, object_id)
        if obj is None:
            return None, None, _refused("Tego obiektu już nie ma.", 404)
        allowed = model_admin.has_change_permission(request, obj)
    else:
        allowed = model_admin.has_add_permission(request)
    if not allowed:
        return None, None, _refused("Brak uprawnień do zmiany tego formularza.", 403)
    return model, object_id, None


@require_POST
def save_draft(request):
    data = request.POST.get("fields", "")
    if len(data) > MAX_CHARS:
        return _refused("Formularz jest zbyt duży, by go przechować. Zapisz go.", 400)
    try:
        fields = json.loads(data)
        if not isinstance(fields, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair) for pair in fields
        ):
            raise ValueError
    except ValueError:
        return _refused("Niepoprawny zapis formularza.", 400)
    model, object_id, refusal = _form_of(request)
    if refusal:
        return refusal
    if is_limited("drafts", request.user.pk, limit=SAVES_PER_MINUTE, window=60):
        return _refused("Przechowywanie zmian jest na chwilę wstrzymane. Zapisz formularz.", 429)
    now = timezone.now()
    Draft.objects.update_or_create(
        user=request.user,
        content_type=ContentType.objects.get_for_model(model),
        object_id=object_id,
        defaults={"fields": fields, "edit_token": request.POST.get("edit_token", "")[:10_000], "saved_at": now},
    )
    return _answer({"message": f"Niezapisane zmiany przechowano o {pl_time(timezone.localtime(now))}."})


@require_POST
def discard_draft(request):
    model, object_id, refusal = _form_of(request)
    if refusal:
        return refusal
    Draft.objects.filter(
        user=request.user, content_type=ContentType.objects.get_for_model(model), object_id=object_id
    ).delete()
    return _answer({"message": "Odrzucono niezapisaną wersję."})
