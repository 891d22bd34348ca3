"""Results from posts are labelled „Wpis”, the portal's word for them (docs/styl-tekstow.md), not „Aktualność”."""

from django.db import migrations


def relabel(apps, schema_editor, old="Aktualność", new="Wpis"):
    apps.get_model("search", "Document").objects.filter(kind=old).update(kind=new)


def relabel_back(apps, schema_editor):
    relabel(apps, schema_editor, old="Wpis", new="Aktualność")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_add_document_image"),
    ]

    operations = [
        migrations.RunPython(relabel, relabel_back),
    ]
