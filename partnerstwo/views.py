"""What the project serves itself, outside every app: /health/ and, without a reverse proxy, /media/."""

from django.conf import settings
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from core.storage import INLINE_MEDIA_TYPES
from pages.views import DATABASE_ERRORS


def serve_media(request, path):
    """Uploaded files when no reverse proxy serves them (development, SERVE_MEDIA=1).

    Only images open in the browser; every other file is sent as an attachment,
    and nosniff stops a browser from guessing that a "PDF" is really a web page.
    """
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte
        raise Http404("Nie ma takiego pliku.") from None
    response["X-Content-Type-Options"] = "nosniff"
    if response.get("Content-Type", "").split(";")[0].strip() not in INLINE_MEDIA_TYPES:
        disposition = response.get("Content-Disposition", "inline")  # FileResponse names the file
        response["Content-Disposition"] = disposition.replace("inline", "attachment", 1)
    return response


@require_GET
@never_cache
def health(request):
    """For load balancers and monitoring: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_ERRORS:
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})
