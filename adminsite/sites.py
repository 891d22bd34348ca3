"""The portal's admin site: every ModelAdmin speaks Polish (options.py), the home page is a
dashboard of what needs doing (dashboard.py)."""

import functools

from django.contrib import admin, messages
from django.contrib.admin import actions as django_actions
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from adminsite import dashboard, trash, views
from adminsite.content_checks import ContentChecksAdminMixin, content_checks_view
from adminsite.grammar import label_of, noun_for
from adminsite.options import in_polish, polished
from core.files import new_files_removed_on_error
from core.models import Trashable
from drafts import previews
from drafts.admin import NeverLoseWorkAdminMixin
from drafts.views import discard_draft, save_draft

# Registered by third-party apps, not needed by staff: the task queue's rows (a newsletter's
# progress is shown on the issue's own page).
HIDDEN_MODELS = {"django_tasks_database.dbtaskresult"}
# Third-party admins replaced by ours (adminsite/thirdparty.py): theirs are in English.
REPLACED_ADMINS = {"mfa.authenticator": "AuthenticatorAdmin"}


@admin.action(permissions=["delete"], description="Usuń zaznaczone")
def delete_selected(modeladmin, request, queryset):
    """Django's bulk delete, with Polish counts in its title and message.

    Once confirmed, the rows go through the ModelAdmin's public hooks, as in Django's action;
    the question before it is Django's page with a Polish title.
    """
    noun = noun_for(modeladmin.opts)
    if request.POST.get("post"):
        _, _, perms_needed, protected = modeladmin.get_deleted_objects(queryset, request)
        if not protected:
            if perms_needed:
                raise PermissionDenied
            count = len(queryset)
            if count:
                modeladmin.log_deletions(request, queryset)
                modeladmin.delete_queryset(request, queryset)
                if getattr(modeladmin, "moves_to_trash", False):
                    done = trash.moved_to_trash_message(modeladmin.opts, count)
                else:
                    done = f"Usunięto {noun.count_acc(count)}."
                modeladmin.message_user(request, done, messages.SUCCESS)
            return None  # back to the list
    response = django_actions.delete_selected(modeladmin, request, queryset)
    ctx = response.context_data
    if getattr(modeladmin, "moves_to_trash", False):
        ctx["kept_for"] = trash.kept_for()
        if ctx.get("protected"):
            ctx["title"] = f"Nie można przenieść {noun.count_gen(len(queryset))} do kosza"
        else:
            ctx["title"] = "Przenieść do kosza?"
    elif ctx.get("perms_lacking") or ctx.get("protected"):
        ctx["title"] = f"Nie można usunąć {noun.count_gen(len(queryset))}"
    else:
        ctx["title"] = "Czy na pewno?"
    return response


class PortalAdminSite(admin.AdminSite):
    site_header = "Partnerstwo Lokalne – administracja"
    site_title = "Partnerstwo Lokalne"
    index_title = "Zarządzanie portalem"
    index_template = "admin/dashboard.html"

    def __init__(self, name="admin"):
        super().__init__(name)
        self.add_action(delete_selected)  # in place of Django's, under the same name

    def register(self, model_or_iterable, admin_class=None, **options):
        """Register as Django does, every ModelAdmin built on PolishModelAdmin (options.py)."""
        models = [model_or_iterable] if isinstance(model_or_iterable, type) else list(model_or_iterable)
        models = [m for m in models if label_of(m._meta) not in HIDDEN_MODELS]
        for model in [m for m in models if label_of(m._meta) in REPLACED_ADMINS]:
            from adminsite import thirdparty

            models.remove(model)
            super().register(
                model,
                in_polish(getattr(thirdparty, REPLACED_ADMINS[label_of(model._meta)])),
                **options,
            )
        if models:
            checked = polished(in_polish(admin_class or admin.ModelAdmin), ContentChecksAdminMixin)
            polish = polished(checked, NeverLoseWorkAdminMixin)
            trashable = [m for m in models if issubclass(m, Trashable)]
            if trashable:  # a delete moves these to the trash (trash.py)
                super().register(trashable, polished(polish, trash.TrashAdminMixin), **options)
            others = [m for m in models if m not in trashable]
            if others:
                super().register(others, polish, **options)

    def admin_view(self, view, cacheable=False):
        """Every admin view, with the files of a save that fails deleted (core/files.py)."""

        @functools.wraps(view)
        def removing_new_files_on_error(request, *args, **kwargs):
            with new_files_removed_on_error():
                try:
                    return view(request, *args, **kwargs)
                except PermissionDenied:
                    return self.permission_denied(request)

        return super().admin_view(removing_new_files_on_error, cacheable)

    def permission_denied(self, request):
        """A refusal inside the admin stays in the admin, with a way back to its start page."""
        context = {**self.each_context(request), "title": "Brak dostępu"}
        return TemplateResponse(request, "admin/403.html", context, status=403)

    def get_urls(self):
        # The panel beside each rich-text editor asks here while staff type (adminsite/content_checks.py).
        checks = path("sprawdz-tresc/", self.admin_view(content_checks_view), name="content_checks")
        bin_urls = [
            path("kosz/", self.admin_view(functools.partial(trash.trash_view, admin_site=self)), name="trash"),
            path(
                "kosz/<str:label>/<int:pk>/przywroc/",
                self.admin_view(functools.partial(trash.restore_view, admin_site=self)),
                name="trash_restore",
            ),
            path(
                "kosz/<str:label>/<int:pk>/usun-na-zawsze/",
                self.admin_view(functools.partial(trash.purge_view, admin_site=self)),
                name="trash_purge",
            ),
        ]
        # Autosaved drafts of the forms with an editor (drafts/).
        drafts = [
            path("szkic/zapisz/", self.admin_view(save_draft), name="drafts_save"),
            path("szkic/odrzuc/", self.admin_view(discard_draft), name="drafts_discard"),
            # Preview links for someone without an account (drafts/previews.py).
            path("podglad/utworz/", self.admin_view(previews.create_link), name="drafts_preview_create"),
            path("podglad/uniewaznij/", self.admin_view(previews.revoke_link), name="drafts_preview_revoke"),
        ]
        # The editor's library dialogs: „Dokument z biblioteki”, „Obraz z biblioteki” (adminsite/views.py).
        library = [
            path(
                "biblioteka/<slug:key>/",
                self.admin_view(functools.partial(views.library_list, admin_site=self)),
                name="editor_library",
            ),
            path(
                "biblioteka/<slug:key>/dodaj/",
                self.admin_view(functools.partial(views.library_upload, admin_site=self)),
                name="editor_library_upload",
            ),
        ]
        return [checks, *drafts, *library, *bin_urls, *super().get_urls()]

    def get_app_list(self, request, app_label=None):
        """Django's list of sections (the home page, the sidebar), and the Kosz last for those who use it."""
        app_list = super().get_app_list(request, app_label)
        if app_label is None and trash.may_use_trash(request.user):
            app_list.append(trash.app_list_entry())
        return app_list

    def index(self, request, extra_context=None):
        extra_context = {
            "dashboard": dashboard.tasks(request),
            "most_read": dashboard.most_read(request.user),
            **(extra_context or {}),
        }
        return super().index(request, extra_context)
