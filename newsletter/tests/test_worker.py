import datetime
import os
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import test_database_url
from newsletter import dispatch
from newsletter.models import Issue

ROOT = Path(__file__).resolve().parents[2]


def run_script(name, *args, **env):
    """One of the background workers bin/serve starts, on this test run's database."""
    env = {**os.environ, "DATABASE_URL": test_database_url(), "DEBUG": "1", **env}
    return subprocess.run(
        [ROOT / "bin/worker.d" / name, *args], env=env, check=True, capture_output=True, text=True, timeout=120
    )


@pytest.mark.system  # runs the worker scripts as processes
def test_the_background_workers_send_a_scheduled_issue_and_finish_what_a_killed_worker_left(
    transactional_db, make_issue, make_subscriber, tmp_path
):
    make_subscriber(email="ala@example.com")
    issue = make_issue(
        subject="Wydanie grudniowe",
        status=Issue.Status.SCHEDULED,
        scheduled_for=timezone.now() - datetime.timedelta(minutes=1),
    )

    run_script("newsletter", "--every", "0")  # one round instead of one a minute
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING
    task = DBTaskResult.objects.get()
    task.claim("serwer-1-tasks")  # and then that worker was killed mid-send

    mail_dir = tmp_path / "mail"
    run_script(
        "tasks",
        "--batch",
        "--no-startup-delay",
        TASKS_WORKER_ID="serwer-1-tasks",
        EMAIL_BACKEND="file",
        EMAIL_FILE_PATH=str(mail_dir),
    )
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    (sent,) = mail_dir.iterdir()
    assert "To: ala@example.com" in sent.read_text()
    assert "Subject: Wydanie grudniowe" in sent.read_text()


def test_without_a_worker_id_every_running_task_is_requeued(db, make_issue):
    dispatch.queue(make_issue())
    DBTaskResult.objects.get().claim("any")
    call_command("requeue_stale_tasks", stdout=open("/dev/null", "w"))
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
