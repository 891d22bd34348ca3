"""Search results read as Polish sentences.

Results from posts are labelled „Wpis”, the portal's word for them (docs/styl-tekstow.md), not
„Aktualność”; a partner's text says „Urząd gminy lub miasta, gmina Leoncin.” instead of its fields
run together (the same as search.index.institution_document, frozen here).
"""

from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.utils.text import capfirst

from core.sanitize import html_to_text

CONFIG = "simple_unaccent"
OUTSIDE = "poza-powiatem"


def relabel(apps, schema_editor, old="Aktualność", new="Wpis"):
    apps.get_model("search", "Document").objects.filter(kind=old).update(kind=new)


def relabel_back(apps, schema_editor):
    relabel(apps, schema_editor, old="Wpis", new="Aktualność")


def institution_sentences(apps, schema_editor):
    Document = apps.get_model("search", "Document")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Institution = apps.get_model("members", "Institution")
    content_type = ContentType.objects.filter(app_label="members", model="institution").first()
    if content_type is None:
        return
    documents = Document.objects.filter(content_type=content_type)
    institutions = Institution.objects.in_bulk(list(documents.values_list("object_id", flat=True)))
    for document in documents:
        institution = institutions.get(document.object_id)
        if institution is None:
            continue
        gmina = institution.get_gmina_display()
        where = gmina if not institution.gmina or institution.gmina == OUTSIDE else f"gmina {gmina}"
        lines = [
            capfirst(", ".join(part for part in [institution.get_kind_display(), where] if part) + "."),
            html_to_text(institution.description),
            f"Nazwa skrócona: {institution.short_name}." if institution.short_name else "",
        ]
        Document.objects.filter(pk=document.pk).update(text="\n".join(line for line in lines if line))
    documents.update(
        vector=SearchVector("title", weight="A", config=CONFIG) + SearchVector("text", weight="B", config=CONFIG)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_add_document_image"),
        ("members", "0007_neutral_applicant_wording"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(relabel, relabel_back),
        # Back: the texts stay as sentences (`rebuild_search_index` writes them from the code).
        migrations.RunPython(institution_sentences, migrations.RunPython.noop),
    ]
