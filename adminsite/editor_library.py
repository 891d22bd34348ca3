"""The editor's „Dokument z biblioteki”: the library listed and added to from inside CKEditor 5.

static/js/editor-library.js puts one toolbar button per kind of library item in every rich-text
editor of the admin. Its dialog asks ``library_list`` for the newest rows (or those a search finds)
and posts new files to ``library_upload``. Each kind is one ``LibraryKind`` in KINDS: its model's
ModelAdmin decides who sees the rows and who adds one, searches as the admin's own list does, and
checks an upload with the very form of its „Dodaj” page, so the editor accepts and refuses exactly
what the library's admin does. A second kind (images) is one more entry and one more toolbar name.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from adminsite.content_checks import edits_rich_text
from core.documents import pdf_upload_warning
from library.models import KIND_LIST, LIBRARY_KINDS, Document, Image
from limits.ratelimit import is_limited

# Rows in one answer: the newest, or the best of a search; staff narrow a search to find older ones.
RESULTS = 20
MAX_QUERY = 100
# Shared with the editor's image uploads (adminsite/views.py): one budget for files sent from the editor.
UPLOAD_SCOPE, UPLOADS, UPLOAD_WINDOW = "editor-upload", 60, 600


@dataclass(frozen=True)
class LibraryKind:
    key: str  # in the addresses: /admin/biblioteka/<key>/
    model: type
    toolbar_name: str  # the item of CKEDITOR_5_CONFIGS' toolbar
    button: str
    title: str  # the dialog's heading
    insert: str  # what choosing a row puts in the text: "link"
    upload_fields: tuple  # (form field, input type, accept) in the order the dialog shows them
    describe: Callable  # row → {"title", "url", "label", …} for the dialog and the inserted text
    after_upload: Callable = lambda obj: ""  # a warning about a new row, or ""
    texts: dict = None  # the dialog's wording in the cases of this kind


def describe_document(document):
    return {
        "id": document.pk,
        "title": document.title,
        "url": document.get_absolute_url(),
        "label": document.label,
        "kind": document.kind,
    }


DOCUMENTS = LibraryKind(
    key="dokumenty",
    model=Document,
    toolbar_name="libraryDocument",
    button="Dokument z biblioteki",
    title="Dokument z biblioteki",
    insert="link",
    upload_fields=(("title", "text", ""), ("file", "file", ",".join(f".{k.value}" for k in LIBRARY_KINDS))),
    describe=describe_document,
    after_upload=lambda document: pdf_upload_warning(document.title, document.pdf_problems),
    texts={
        "search": "Szukaj w bibliotece (tytuł)",
        "searchButton": "Szukaj",
        "results": "Dokumenty w bibliotece",
        "newest": "Najnowsze dokumenty w bibliotece.",
        "found": "Znalezione dokumenty: %(count)s.",
        "none": "Nie znaleziono żadnego dokumentu.",
        "choose": "Wybierz dokument, aby wstawić do tekstu link do niego z jego rodzajem i rozmiarem.",
        "upload": "Dodaj nowy dokument do biblioteki",
        "uploadHelp": f"{KIND_LIST}. Plik jest sprawdzany tak jak w bibliotece dokumentów.",
        "uploadButton": "Dodaj do biblioteki",
        "uploading": "Trwa przesyłanie i sprawdzanie pliku…",
        "added": "Dodano dokument „%(title)s” do biblioteki. Wybierz go z listy, aby wstawić link.",
        "refused": "Nie dodano dokumentu:",
        "loading": "Trwa wczytywanie…",
        "failed": "Nie udało się połączyć z serwerem. Spróbuj ponownie.",
        "close": "Zamknij",
        "forbidden": "Biblioteka dokumentów jest dostępna dla osób, które redagują treści i mogą ją przeglądać.",
        "uploadForbidden": "Dodawanie dokumentów do biblioteki jest dostępne dla osób, które mają do tego uprawnienia.",
    },
)


def describe_image(image):
    return {
        "id": image.pk,
        "title": image.title,
        "url": image.url,
        "alt": image.alt,
        "thumbnail": image.thumbnail_url,
        "label": f"{image.width} × {image.height} px",
    }


# Images come into the library through the editor's own upload button; here they are reused.
IMAGES = LibraryKind(
    key="obrazy",
    model=Image,
    toolbar_name="libraryImage",
    button="Obraz z biblioteki",
    title="Obraz z biblioteki",
    insert="image",
    upload_fields=(),
    describe=describe_image,
    texts={
        "search": "Szukaj w bibliotece (tytuł)",
        "searchButton": "Szukaj",
        "results": "Obrazy w bibliotece",
        "newest": "Najnowsze obrazy w bibliotece.",
        "found": "Znalezione obrazy: %(count)s.",
        "none": "Nie znaleziono żadnego obrazu.",
        "choose": (
            "Wybierz obraz, aby wstawić go do tekstu. Tekst alternatywny przychodzi z biblioteki; "
            "sprawdź, czy pasuje do tego tekstu. Nowy obraz dodaje się przyciskiem „Prześlij obraz z komputera”."
        ),
        "loading": "Trwa wczytywanie…",
        "failed": "Nie udało się połączyć z serwerem. Spróbuj ponownie.",
        "close": "Zamknij",
        "forbidden": "Biblioteka obrazów jest dostępna dla osób, które redagują treści i mogą ją przeglądać.",
        "uploadForbidden": "Obrazy dodaje się do biblioteki przyciskiem „Prześlij obraz z komputera” w edytorze.",
    },
)

KINDS = {kind.key: kind for kind in [DOCUMENTS, IMAGES]}


def _kind_and_admin(key, admin_site):
    kind = KINDS.get(key)
    if kind is None:
        raise Http404("Nie ma takiego rodzaju zasobów biblioteki.")
    return kind, admin_site.get_model_admin(kind.model)


def may_list(request, model_admin):
    return model_admin.has_view_permission(request) and edits_rich_text(request)


def may_upload(request, model_admin):
    return model_admin.has_add_permission(request) and edits_rich_text(request)


def _address(request, name, kind, admin_site):
    # Whole addresses: django-ckeditor-5 reads every config string of the form /…/ as a RegExp.
    return request.build_absolute_uri(reverse(f"{admin_site.name}:{name}", args=[kind.key]))


def editor_config(request, admin_site=admin.site):
    """The ``partnerstwoLibrary`` entry of an editor's config: every kind, usable or not.

    Called while a form with a rich-text field is built for ``request`` (adminsite/content_checks.py),
    so it does not ask ``edits_rich_text`` (that builds those forms): whoever gets an editor edits
    rich text. A kind the person may not view keeps its toolbar name and shows no button.
    """
    config = []
    for kind in KINDS.values():
        model_admin = admin_site.get_model_admin(kind.model)
        allowed = model_admin.has_view_permission(request)
        entry = {"toolbarName": kind.toolbar_name, "allowed": allowed}
        if allowed:
            form_fields = model_admin.form.base_fields
            entry.update(
                button=kind.button,
                title=kind.title,
                insert=kind.insert,
                listUrl=_address(request, "editor_library", kind, admin_site),
                texts=kind.texts,
            )
            if model_admin.has_add_permission(request):
                entry["uploadUrl"] = _address(request, "editor_library_upload", kind, admin_site)
                entry["uploadFields"] = [
                    {"name": name, "type": type_, "accept": accept, "label": form_fields[name].label.capitalize()}
                    for name, type_, accept in kind.upload_fields
                ]
        config.append(entry)
    return config


def hidden_config():
    """Every kind's toolbar name without a button: for an editor built outside the admin's forms."""
    return [{"toolbarName": kind.toolbar_name, "allowed": False} for kind in KINDS.values()]


def _forbidden(kind):
    return JsonResponse({"error": kind.texts["forbidden"]}, status=403)


@require_GET
def library_list(request, key, admin_site=admin.site):
    """The newest rows of the kind, or those matching ``q`` as the admin's list search finds them."""
    kind, model_admin = _kind_and_admin(key, admin_site)
    if not may_list(request, model_admin):
        return _forbidden(kind)
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    rows = model_admin.get_queryset(request)
    if query:
        rows, may_have_duplicates = model_admin.get_search_results(request, rows, query)
        if may_have_duplicates:
            rows = rows.distinct()
    return JsonResponse(
        {"query": query, "results": [kind.describe(row) for row in rows[:RESULTS]]},
        headers={"Cache-Control": "private, no-store"},
    )


@require_POST
def library_upload(request, key, admin_site=admin.site):
    """A new row from the dialog, checked by the kind's admin form; its errors as JSON, with 400."""
    kind, model_admin = _kind_and_admin(key, admin_site)
    if not may_upload(request, model_admin):
        return JsonResponse({"error": kind.texts["uploadForbidden"]}, status=403)
    if is_limited(UPLOAD_SCOPE, request.user.pk, limit=UPLOADS, window=UPLOAD_WINDOW):
        return JsonResponse({"error": "Zbyt wiele przesłanych plików. Spróbuj ponownie za kilka minut."}, status=429)
    form = model_admin.get_form(request)(request.POST, request.FILES)
    if not form.is_valid():
        errors = [
            f"{form.fields[name].label.capitalize()}: {message}" if name in form.fields else message
            for name, messages in form.errors.items()
            for message in messages
        ]
        return JsonResponse({"error": " ".join(errors), "errors": errors}, status=400)
    row = form.save()
    model_admin.log_addition(request, row, [{"added": {}}])
    return JsonResponse({"result": kind.describe(row), "warning": kind.after_upload(row)}, status=201)
