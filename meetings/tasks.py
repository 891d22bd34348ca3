"""Background tasks of meetings (Django tasks, run by `manage.py db_worker`).

A task may run twice (a worker killed mid-task is re-queued), so it checks the database
first and does only what is still to be done.
"""

from django.tasks import task

from meetings.models import Photo


@task()
def make_photo_renditions(photo_id):
    """Make a new photo's large size and thumbnail (queued on commit by Photo.save)."""
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return "deleted"
    if photo.is_ready:
        return "already made"
    return "made" if photo.make_renditions() else "changed meanwhile"
