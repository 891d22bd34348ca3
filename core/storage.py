"""Uploaded files on S3-compatible storage (several application servers).

Readers fetch such files from the bucket, not through nginx or Django, so the
headers that make them safe travel with each object: images open in the
browser, every other file (PDF, DOCX, …) is a download, never a page.
"""

import mimetypes
import posixpath

from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage

# The kinds of file a browser may show in place; the same list for nginx (deploy/nginx) and Django.
INLINE_MEDIA_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        content_type = mimetypes.guess_type(name)[0]
        if content_type not in INLINE_MEDIA_TYPES:
            params.setdefault("ContentDisposition", content_disposition_header(True, posixpath.basename(name)))
        return params
