"""Search results name a post „Wpis”, as the rest of the portal does (docs/styl-tekstow.md)."""

from django.db import migrations


def rename(old, new):
    def run(apps, schema_editor):
        apps.get_model("search", "Document").objects.filter(kind=old).update(kind=new)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_add_document_image")]

    operations = [migrations.RunPython(rename("Aktualność", "Wpis"), rename("Wpis", "Aktualność"))]
