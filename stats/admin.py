from django.contrib import admin

from stats.counter import counts_for, views_label

FIELD = "view_count"


class ViewCountAdminMixin:
    """A read-only „Liczba wyświetleń” on the change form: the last 30 days and all time (one query)."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, FIELD] if obj is not None else fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None:
            fieldsets.append(("Liczba wyświetleń", {"fields": [FIELD]}))
        return fieldsets

    @admin.display(description="liczba wyświetleń")
    def view_count(self, obj):
        recent, total = counts_for(obj)
        return (
            f"{views_label(recent)} w ostatnich 30 dniach, {views_label(total)} od początku liczenia "
            "(stan w chwili otwarcia formularza)"
        )
