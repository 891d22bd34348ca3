"""Accounts of partner institutions: what a staff account limited to one institution sees in the admin.

An Administrator gives a person the role „Osoba z instytucji partnerskiej” (accounts/roles.py) and
picks the institution in the account's form (accounts/forms.py): the pair is an InstitutionAccount.
Such an account sees and changes only its institution's rows. The limit lives in one place,
InstitutionScopedAdminMixin, used by the admins of the models that belong to an institution
(news.Post through its ``institution``, members.Institution itself); every other model is closed to
the role by its permissions. The admin's home page asks ``limit_of`` for its to-do list.
"""

from django.core.exceptions import PermissionDenied

from members.models import InstitutionAccount

WORK_FOR_INSTITUTION = "members.limit_institutionaccount"

_UNSET = object()


def _is_limited(user):
    """An account of the role (its marker permission); a superuser holds every permission, so never."""
    return getattr(user, "is_authenticated", False) and not user.is_superuser and user.has_perm(WORK_FOR_INSTITUTION)


def institution_of(user):
    """The institution the account is limited to, or None for everyone else.

    One query for the accounts of the role, none for others; kept on the user for the request.
    """
    if not _is_limited(user):
        return None
    found = getattr(user, "_partner_institution", _UNSET)
    if found is _UNSET:
        link = InstitutionAccount.objects.filter(user_id=user.pk).select_related("institution").first()
        found = user._partner_institution = link.institution if link else None
    return found


def limit_of(user):
    """None when the account sees every institution's rows, else its institution's pk (0 when the
    account of the role has no institution, e.g. after the institution was deleted: no rows)."""
    if not _is_limited(user):
        return None
    institution = institution_of(user)
    return institution.pk if institution is not None else 0


class InstitutionScopedAdminMixin:
    """A ModelAdmin whose rows an institution's account sees only for its own institution.

    ``institution_field`` names the row's institution: ``"institution"`` (a foreign key) or
    ``"pk"`` for members.Institution itself. For a limited account the list, the search, the
    filters (none by institution), the date hierarchy, autocomplete and bulk actions work on its
    rows only (get_queryset), and the change form, history, versions and any other view of a single
    row refuse another institution's row with 403 (get_object, has_*_permission). A new row is its
    institution's.
    An account of the role without an institution sees no rows at all.
    """

    institution_field = "institution"

    def _limit(self, request):
        return limit_of(request.user)

    def _row_institution(self, obj):
        return obj.pk if self.institution_field == "pk" else getattr(obj, f"{self.institution_field}_id")

    def _in_scope(self, request, obj):
        limit = self._limit(request) if obj is not None else None
        return limit is None or self._row_institution(obj) == limit

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        limit = self._limit(request)
        return queryset if limit is None else queryset.filter(**{self.institution_field: limit})

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and self._limit(request) is not None:
            raise PermissionDenied  # another institution's row, or none at all: the same refusal
        return obj

    def has_add_permission(self, request, *args):
        return self._limit(request) != 0 and super().has_add_permission(request, *args)

    def has_view_permission(self, request, obj=None):
        return self._in_scope(request, obj) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._in_scope(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._in_scope(request, obj) and super().has_delete_permission(request, obj)

    def is_limited(self, request):
        return self._limit(request) is not None

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if not self.is_limited(request):
            return filters
        # Its own institution's rows only: a filter by institution would list the others.
        return [f for f in filters if (f[0] if isinstance(f, tuple) else f) != self.institution_field]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        limit = self._limit(request)
        if obj is not None or not limit or self.institution_field == "pk":
            return form
        field = f"{self.institution_field}_id"

        class OwnInstitutionForm(form):
            """A new row shows its institution from the start (a read-only field of the add form)."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                setattr(self.instance, field, limit)

        return OwnInstitutionForm

    def save_model(self, request, obj, form, change):
        limit = self._limit(request)
        if limit and self.institution_field != "pk":
            setattr(obj, f"{self.institution_field}_id", limit)
        super().save_model(request, obj, form, change)
