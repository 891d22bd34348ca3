from django.apps import AppConfig
from django.core.exceptions import ValidationError


class PartnerstwoConfig(AppConfig):
    name = "partnerstwo"
    verbose_name = "Porozumienie"

    def ready(self):
        _guard_admin_autocomplete()


def _guard_admin_autocomplete():
    """Django's admin autocomplete widget looks up the posted ids to show them
    again; an id that is not a number (a bot's garbage) raises ValueError there,
    a 500 instead of the form's own error. Drop such values before the lookup."""
    from django.contrib.admin.widgets import AutocompleteMixin

    original = AutocompleteMixin.optgroups

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
        valid = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        return original(self, name, valid, attr)

    AutocompleteMixin.optgroups = optgroups
