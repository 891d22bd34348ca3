"""Polish names of the standard permissions, in the accusative plural.

Django names them once, at migrate, „Może dodać %s” with the nominative (and in English for
third-party models: „Może dodać Task Result”). The Group and User forms list them all, so after
every migrate each app's permissions are renamed from grammar.py: „Może dodawać strony”,
„Może przeglądać subskrybentów”.
"""

from django.contrib.auth.management import create_permissions

from adminsite.grammar import has_noun, noun_for

VERBS = {"add": "dodawać", "change": "zmieniać", "delete": "usuwać", "view": "przeglądać"}


def name_permissions(sender, using="default", **kwargs):
    """Rename every app's permissions; connected to the last app's post_migrate, so it runs once."""
    from django.apps import apps
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    # Django makes the sender's own permissions in a receiver that runs after this one.
    create_permissions(sender, verbosity=0, using=using)
    models = [model for model in apps.get_models() if has_noun(model._meta)]
    content_types = ContentType.objects.db_manager(using).get_for_models(*models, for_concrete_models=False)
    wanted = {}
    for model, content_type in content_types.items():
        noun = noun_for(model._meta)
        for action, verb in VERBS.items():
            wanted[(content_type.pk, f"{action}_{model._meta.model_name}")] = f"Może {verb} {noun.acc_pl}"
    # One read; when the names are already right (every migrate after the first) nothing is written.
    renamed = []
    for permission in Permission.objects.using(using).filter(content_type__in=content_types.values()):
        name = wanted.get((permission.content_type_id, permission.codename))
        if name is not None and permission.name != name:
            permission.name = name
            renamed.append(permission)
    Permission.objects.using(using).bulk_update(renamed, ["name"])
