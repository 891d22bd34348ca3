from django.core.management.base import BaseCommand
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = (
        "Puts background tasks left RUNNING by a killed worker back in the queue. The database task "
        "backend has no retries of its own: a worker killed mid-task (SIGKILL, power cut, OOM) leaves "
        "the task marked as running for ever. Run it before starting a worker: with --worker-id, only "
        "that worker's tasks (safe beside other live workers); without, every running task (use only "
        "when no worker runs). Every task of this project is idempotent, so running one again is safe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default="", help="Re-queue only tasks last claimed by this worker id.")

    def handle(self, *args, worker_id, **options):
        stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
        if worker_id:
            # Running tasks are few: pick those whose latest claim is this worker's.
            ids = [r.pk for r in stale.only("pk", "worker_ids") if r.worker_ids and r.worker_ids[-1] == worker_id]
            stale = stale.filter(pk__in=ids)
        count = stale.update(status=TaskResultStatus.READY, started_at=None)
        if count:
            self.stdout.write(f"Re-queued {count} task(s) left running by a stopped worker.")
