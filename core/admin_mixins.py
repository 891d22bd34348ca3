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
        return not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
