"""ModelAdmin pieces that several apps share."""


class ReadOnlyAdminMixin:
    """Rows written by the portal itself (logs, registers): staff look, never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SingleRowAdminMixin:
    """A one-row settings model: it can be added once and never deleted."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


def staff_users(*keep_pks):
    """Accounts that may sign content: staff, plus whoever signed it already (they may have left)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    keep = [pk for pk in keep_pks if pk is not None]
    return get_user_model().objects.filter(Q(is_staff=True) | Q(pk__in=keep)).order_by("email", "pk")


class StaffAuthorAdminMixin:
    """The „autor” field lists staff only, never readers' accounts."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "author" in form.base_fields:
            form.base_fields["author"].queryset = staff_users(getattr(obj, "author_id", None))
        return form
