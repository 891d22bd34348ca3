"""The editor's „Dokument z biblioteki”: the library listed and added to from inside CKEditor 5.

static/js/editor-library.js puts one toolbar button per kind of library item in every rich-text
editor of the admin; ``editor_config`` tells it, per person, which kinds to offer and where.
Its dialog asks ``library_list`` (adminsite/views.py) for the newest rows (or those a search finds)
and posts new files to ``library_upload``. Each kind is one ``LibraryKind`` in KINDS: its model's
ModelAdmin decides who sees the rows and who adds one, searches as the admin's own list does, and
checks an upload with the very form of its „Dodaj” page, so the editor accepts and refuses exactly
what the library's admin does. A second kind (images) is one more entry and one more toolbar name.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin
from django.urls import reverse

from core.documents import pdf_upload_warning
from library.models import KIND_LIST, LIBRARY_KINDS, Document, Image


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
        "empty": "W bibliotece nie ma jeszcze żadnego dokumentu.",
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
        "empty": "W bibliotece nie ma jeszcze żadnego obrazu.",
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
