"""Files written in a database transaction that rolls back are deleted with it.

A model's FileField writes its file to storage while the row is saved, inside the
transaction. If something later in the same transaction fails (another inline of an admin
form, a database error), the rows are rolled back but the files would stay in MEDIA_ROOT,
orphans nothing points to. Inside ``new_files_removed_on_error()`` every file a model save
writes is noted (the two signal receivers below; code that writes a file itself calls
``note_new_file``), and when the block ends with an exception, which has rolled back the
transactions opened inside it, the noted files are deleted.

The admin site runs every admin view in such a block (adminsite/sites.py). A process killed
mid-request cannot clean up after itself: that is why the slow work on images (renditions)
happens after commit, in a background task, and a request only writes the cleaned files.
"""

import contextlib
import logging
from contextvars import ContextVar

from django.db.models import FileField
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

logger = logging.getLogger(__name__)

# (storage, name) of the files written in the innermost open block; None outside any block.
_written = ContextVar("new_files", default=None)


def note_new_file(field_file):
    """Remember ``field_file`` (just written) for deletion if the current block fails."""
    written = _written.get()
    if written is not None and field_file:
        written.append((field_file.storage, field_file.name))


@contextlib.contextmanager
def new_files_removed_on_error():
    """Delete the files written inside the block if it ends with an exception."""
    outer = _written.get()
    written = []
    token = _written.set(written)
    try:
        yield
    except BaseException:
        _delete(written)
        raise
    finally:
        _written.reset(token)
    if outer is not None:
        outer.extend(written)  # the outer block's transaction may still roll back


def _delete(written):
    for storage, name in written:
        try:
            storage.delete(name)
        except Exception:  # the error being raised matters more than one leftover file
            logger.exception("Could not delete %s after a failed save", name)


@receiver(pre_save, dispatch_uid="core.files:pre_save")
def _files_about_to_be_written(sender, instance, raw=False, **kwargs):
    if _written.get() is None or raw:
        return
    fields = [field for field in instance._meta.concrete_fields if isinstance(field, FileField)]
    files = [(field.attname, getattr(instance, field.attname)) for field in fields]
    instance._new_file_fields = [attname for attname, file in files if file and not file._committed]


@receiver(post_save, dispatch_uid="core.files:post_save")
def _note_written_files(sender, instance, **kwargs):
    for attname in instance.__dict__.pop("_new_file_fields", []):
        note_new_file(getattr(instance, attname))
