from django.db import migrations
from django.utils import timezone


def record_start(apps, schema_editor):
    # Posts published before the newsletter existed never trigger a notice.
    Settings = apps.get_model("newsletter", "NewsletterSettings")
    Settings.objects.get_or_create(pk=1, defaults={"post_notices_since": timezone.now()})


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(record_start, migrations.RunPython.noop)]
