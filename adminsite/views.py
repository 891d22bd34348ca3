"""The admin's own endpoints outside ModelAdmin: image uploads from the CKEditor 5 editor."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from adminsite.content_checks import edits_rich_text
from core.images import clean_image, editor_image_files, image_size
from library.models import Image, image_title
from limits.ratelimit import is_limited


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
