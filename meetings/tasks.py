"""Background tasks of meetings (Django tasks, run by `manage.py db_worker`).

A task may run twice (a worker killed mid-task is re-queued), so it checks the database
first and does only what is still to be done.
"""

from django.apps import apps
from django.tasks import task


@task()
def make_photo_renditions(photo_id):
    """Make a new photo's large size and thumbnail (queued on commit by Photo.save)."""
    # By name: meetings/models.py queues this task, so the two modules do not import each other.
    photo = apps.get_model("meetings", "Photo").objects.filter(pk=photo_id).first()
    if photo is None:
        return "deleted"
    if photo.is_ready:
        return "already made"
    return "made" if photo.make_renditions() else "changed meanwhile"
