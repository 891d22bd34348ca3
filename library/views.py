"""/dokumenty/<slug>.<ext>: the current file of a library document, the same address after every replacement."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from library.models import Document

# Readers' browsers and proxies may keep a file this long; a replaced file shows after at most this.
BROWSER_CACHE_SECONDS = 300


@require_safe
def document(request, slug, ext):
    """Send the stored file (local disk or S3 alike) as a download named after the document.

    An address with another extension (a PDF replaced by a DOCX) leads to the current one.
    """
    document = get_object_or_404(Document, slug=slug)
    if ext != document.kind:
        return redirect(document.get_absolute_url())
    etag = f'"{document.pk}-{int(document.changed_at.timestamp())}-{document.size}"'
    last_modified = int(document.changed_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        try:
            stored = document.file.open("rb")
        except Exception:  # gone from the disk, or a remote storage's own errors (S3)
            raise Http404("Nie ma takiego pliku.") from None
        response = FileResponse(
            stored, as_attachment=True, filename=document.download_name, content_type=document.content_type
        )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    return response
