from django.contrib import admin

from core.templatetags.pl import plural_form
from stats.counter import as_number, counts_for

FIELD = "view_count"


def _views(n):
    """„1 wyświetlenie”, „2 wyświetlenia”, „1 234 wyświetlenia”, „5 wyświetleń”."""
    return f"{as_number(n)} {plural_form(n, 'wyświetlenie', 'wyświetlenia', 'wyświetleń')}"


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
            f"{_views(recent)} w ostatnich 30 dniach, {_views(total)} od początku liczenia "
            "(liczby odświeżane co godzinę)"
        )
