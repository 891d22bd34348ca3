"""The admin's own endpoints outside ModelAdmin: image uploads from the CKEditor 5 editor, and the
library's images as JSON for a chooser."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_POST

from adminsite.content_checks import edits_rich_text
from core.images import clean_image, editor_image_files, image_size
from library.models import Image, image_title
from limits.ratelimit import is_limited

CHOOSER_PAGE = 20


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
    if is_limited("editor-upload", request.user.pk, limit=60, window=600):
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


@require_GET
def library_images(request):
    """The library's images, newest first, 20 at a time (``strona``), found by title (``q``)."""
    if not (request.user.is_active and request.user.is_staff and edits_rich_text(request)):
        message = "Biblioteka obrazów jest dostępna dla osób, które redagują treści."
        return JsonResponse({"error": message}, status=403)
    try:
        page = int(request.GET.get("strona", "1"))
    except ValueError:
        page = 0
    if not 1 <= page <= 10_000:
        return JsonResponse({"error": "Numer strony musi być liczbą całkowitą od 1."}, status=400)
    images = Image.objects.order_by("-uploaded_at", "-pk")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        images = images.filter(title__icontains=query)
    start = (page - 1) * CHOOSER_PAGE
    found = list(images[start : start + CHOOSER_PAGE + 1])
    results = [
        {
            "id": image.pk,
            "title": image.title,
            "alt": image.alt,
            "url": image.url,
            "thumbnail_url": image.thumbnail_url,
            "width": image.width,
            "height": image.height,
        }
        for image in found[:CHOOSER_PAGE]
    ]
    return JsonResponse({"results": results, "has_more": len(found) > CHOOSER_PAGE})
