import os
from pathlib import Path

from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsletter import dispatch

ROOT = Path(__file__).resolve().parents[2]


def test_make_run_starts_the_worker_and_the_post_notice_loop():
    tasks = ROOT / "bin/worker.d/tasks"
    notices = ROOT / "bin/worker.d/newsletter"
    assert os.access(tasks, os.X_OK) and os.access(notices, os.X_OK)
    assert "requeue_stale_tasks" in tasks.read_text()
    assert "exec .venv/bin/python manage.py db_worker --no-reload" in tasks.read_text()
    assert "newsletter_notify_posts --every 60" in notices.read_text()
    assert ".data/mail" in (ROOT / "bin/serve").read_text()


def test_without_a_worker_id_every_running_task_is_requeued(db, make_issue):
    dispatch.queue(make_issue())
    DBTaskResult.objects.get().claim("any")
    call_command("requeue_stale_tasks", stdout=open("/dev/null", "w"))
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
