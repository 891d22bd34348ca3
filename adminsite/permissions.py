"""Polish names of the standard permissions, in the accusative plural.

Django names them once, at migrate, „Może dodać %s” with the nominative (and in English for
third-party models: „Może dodać Task Result”). The Group and User forms list them all, so after
every migrate each app's permissions are renamed from grammar.py: „Może dodawać strony”,
„Może przeglądać subskrybentów”.
"""

from django.contrib.auth.management import create_permissions

from adminsite.grammar import has_noun, noun_for

VERBS = {"add": "dodawać", "change": "zmieniać", "delete": "usuwać", "view": "przeglądać"}


def name_permissions(sender, using="default", verbosity=0, **kwargs):
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    # This app's permissions may not exist yet on a fresh database: Django makes them in a
    # receiver that may run after this one.
    create_permissions(sender, verbosity=0, using=using)
    for model in sender.get_models():
        if not has_noun(model._meta):
            continue
        noun = noun_for(model._meta)
        content_type = ContentType.objects.db_manager(using).get_for_model(model, for_concrete_model=False)
        for action, verb in VERBS.items():
            Permission.objects.using(using).filter(
                content_type=content_type, codename=f"{action}_{model._meta.model_name}"
            ).exclude(name=f"Może {verb} {noun.acc_pl}").update(name=f"Może {verb} {noun.acc_pl}")
