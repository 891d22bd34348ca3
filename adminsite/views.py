"""The admin's own endpoints outside ModelAdmin, for the CKEditor 5 editor: its image uploads and
the library dialogs (adminsite/editor_library.py)."""

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from adminsite.content_checks import edits_rich_text
from adminsite.editor_library import KINDS
from core.images import clean_image, editor_image_files, image_size
from library.models import Image, image_title
from limits.ratelimit import is_limited

# Rows in one answer: the newest, or the best of a search; staff narrow a search to find older ones.
RESULTS = 20
MAX_QUERY = 100
# Shared with the editor's image uploads (adminsite/views.py): one budget for files sent from the editor.
UPLOAD_SCOPE, UPLOADS, UPLOAD_WINDOW = "editor-upload", 60, 600


@require_POST
@staff_member_required
def editor_image_upload(request):
    """CKEditor 5 image upload: for staff who edit rich text, content checked, EXIF removed.

    Stored under a name read from the file's own, at most 1,600 px, with narrower copies that
    pages offer through srcset (core.images.editor_image_files).
    """
    if not edits_rich_text(request):
        message = "Przesyłanie obrazów jest dostępne dla osób, które redagują treści."
        return JsonResponse({"error": {"message": message}}, status=403)
    if is_limited(UPLOAD_SCOPE, request.user.pk, limit=UPLOADS, window=UPLOAD_WINDOW):
        message = "Zbyt wiele przesłanych plików. Spróbuj ponownie za kilka minut."
        return JsonResponse({"error": {"message": message}}, status=429)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "Nie wybrano pliku."}}, status=400)
    try:
        cleaned = clean_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    files = editor_image_files(upload.name, cleaned)
    names = [default_storage.save(name, file) for name, file in files]
    width, height = image_size(files[0][1])
    Image.objects.create(
        title=image_title(upload.name),
        file=names[0],
        width=width,
        height=height,
        size=files[0][1].size,
        uploaded_by=request.user,
    )
    return JsonResponse({"url": default_storage.url(names[0])})


def _kind_and_admin(key, admin_site):
    kind = KINDS.get(key)
    if kind is None:
        raise Http404("Nie ma takiego rodzaju zasobów biblioteki.")
    return kind, admin_site.get_model_admin(kind.model)


def may_list(request, model_admin):
    return model_admin.has_view_permission(request) and edits_rich_text(request)


def may_upload(request, model_admin):
    return model_admin.has_add_permission(request) and edits_rich_text(request)


def _forbidden(kind):
    return JsonResponse({"error": kind.texts["forbidden"]}, status=403)


@require_GET
def library_list(request, key, admin_site=admin.site):
    """The newest rows of the kind, or those matching ``q`` as the admin's list search finds them."""
    kind, model_admin = _kind_and_admin(key, admin_site)
    if not may_list(request, model_admin):
        return _forbidden(kind)
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    rows = model_admin.get_queryset(request)
    if query:
        rows, may_have_duplicates = model_admin.get_search_results(request, rows, query)
        if may_have_duplicates:
            rows = rows.distinct()
    return JsonResponse(
        {"query": query, "results": [kind.describe(row) for row in rows[:RESULTS]]},
        headers={"Cache-Control": "private, no-store"},
    )


@require_POST
def library_upload(request, key, admin_site=admin.site):
    """A new row from the dialog, checked by the kind's admin form; its errors as JSON, with 400."""
    kind, model_admin = _kind_and_admin(key, admin_site)
    if not may_upload(request, model_admin):
        return JsonResponse({"error": kind.texts["uploadForbidden"]}, status=403)
    if is_limited(UPLOAD_SCOPE, request.user.pk, limit=UPLOADS, window=UPLOAD_WINDOW):
        return JsonResponse({"error": "Zbyt wiele przesłanych plików. Spróbuj ponownie za kilka minut."}, status=429)
    form = model_admin.get_form(request)(request.POST, request.FILES)
    if not form.is_valid():
        errors = [
            f"{form.fields[name].label.capitalize()}: {message}" if name in form.fields else message
            for name, messages in form.errors.items()
            for message in messages
        ]
        return JsonResponse({"error": " ".join(errors), "errors": errors}, status=400)
    row = form.save()
    model_admin.log_addition(request, row, [{"added": {}}])
    return JsonResponse({"result": kind.describe(row), "warning": kind.after_upload(row)}, status=201)
