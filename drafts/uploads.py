"""A form refused for any error keeps every file chosen in it.

Browsers never refill a file input, so a refused admin form would lose the chosen image or
document. Every file field of every admin form gets KeepsChosenFile in front of its widget
(drafts/admin.py): when a refused form is shown again, the upload is copied into the storage
under przechowane/<random>/ and the form carries a signed token of it in a hidden field, with a
Polish note beside the input. The next submit without a newly chosen file takes the kept one,
which goes through the field's own checks again. A file that was itself refused is not kept:
its error says to choose another one. The daily duties delete kept copies after
KEPT_FILE_HOURS (drafts/models.py).
"""

import os
import uuid

from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.forms import FileInput
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, format_html_join
from django.utils.text import get_valid_filename

from drafts.models import KEPT_FILE_HOURS, KeptFile

KEPT_DIR = "przechowane"
SALT = "drafts.uploads.kept-file"
KEPT_SUFFIX = "__kept"
DROP_SUFFIX = "__kept_drop"


def keep(uploaded):
    """Copy ``uploaded`` into the storage; returns the signed token that brings it back."""
    name = os.path.basename(getattr(uploaded, "chosen_name", None) or uploaded.name or "plik")
    uploaded.seek(0)
    path = default_storage.save(f"{KEPT_DIR}/{uuid.uuid4().hex}/{get_valid_filename(name) or 'plik'}", uploaded)
    KeptFile.objects.create(path=path, name=name[:250])
    return signing.dumps({"path": path, "name": name, "type": uploaded.content_type or ""}, salt=SALT)


def restore(token):
    """The kept file of ``token`` as a new upload, or None (bad, expired or already deleted)."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=KEPT_FILE_HOURS * 3600)
        path, name, content_type = kept["path"], kept["name"], kept["type"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    if not path.startswith(f"{KEPT_DIR}/") or not default_storage.exists(path):
        return None
    stored = default_storage.open(path)
    uploaded = UploadedFile(file=stored, name=name, content_type=content_type, size=stored.size)
    uploaded.kept_token = token  # shown again as kept, without another copy
    uploaded.chosen_name = name
    return uploaded


class KeepsChosenFile:
    """Put in front of a file input's class (ClearableFileInput, AdminFileWidget, a multiple one)."""

    # Django renders a file input with a current file as a fieldset whose legend names the group; the
    # input itself then has no label (axe: "label"), which a screen reader announces as a nameless
    # „Wybierz plik”. Rendered without the fieldset, the field's <label for> names the file input,
    # and „Wyczyść” keeps its own label.
    use_fieldset = False

    chosen = None  # the upload(s) of a bound form, set by KeepsChosenFilesForm (Django renders a
    refused = False  # bound file input with its initial value), and whether the field was refused

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        for uploaded in _as_list(upload):
            if isinstance(uploaded, UploadedFile) and not hasattr(uploaded, "chosen_name"):
                uploaded.chosen_name = uploaded.name  # as chosen: the checks may rename it
        if _as_list(upload) or upload is False or data.get(name + DROP_SUFFIX):
            return upload  # a new choice, or „clear”, or the kept file(s) dropped
        tokens = data.getlist(name + KEPT_SUFFIX) if hasattr(data, "getlist") else [data.get(name + KEPT_SUFFIX)]
        kept = [uploaded for uploaded in (restore(token) for token in tokens if token) if uploaded]
        if not kept:
            return upload
        return kept if self.allow_multiple_selected else kept[0]

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and not data.get(name + KEPT_SUFFIX)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = [uploaded for uploaded in _as_list(self.chosen) if isinstance(uploaded, UploadedFile)]
        if not chosen or self.refused:
            return super().render(name, value, attrs, renderer)
        for uploaded in chosen:
            uploaded.kept_token = getattr(uploaded, "kept_token", None) or keep(uploaded)
        note_id = f"{(attrs or {}).get('id') or name}_kept"
        attrs = {**(attrs or {}), "aria-describedby": note_id}
        names = [
            format_html(
                "„{}” ({})", getattr(uploaded, "chosen_name", None) or uploaded.name, filesizeformat(uploaded.size)
            )
            for uploaded in chosen
        ]
        if len(chosen) == 1:
            text = format_html(
                "Wybrany wcześniej plik {} jest zachowany i zostanie zapisany razem z formularzem: nie trzeba "
                "wybierać go ponownie. Nowo wybrany plik zastąpi go. ",
                names[0],
            )
            drop = "Nie zapisuj tego pliku"
        else:
            text = format_html(
                "Wybrane wcześniej pliki ({}): {} są zachowane i zostaną zapisane razem z formularzem: nie trzeba "
                "wybierać ich ponownie. Nowo wybrane pliki zastąpią je. ",
                len(chosen),
                format_html_join(", ", "{}", ((n,) for n in names)),
            )
            drop = "Nie zapisuj tych plików"
        return format_html(
            '{}<p class="kept-file" id="{}">{}{}<label><input type="checkbox" name="{}"> {}</label></p>',
            super().render(name, value, attrs, renderer),
            note_id,
            format_html_join(
                "", '<input type="hidden" name="{}" value="{}">', ((name + KEPT_SUFFIX, u.kept_token) for u in chosen)
            ),
            text,
            name + DROP_SUFFIX,
            drop,
        )


def _as_list(value):
    if isinstance(value, list | tuple):
        return list(value)
    return [value] if value else []


_classes = {}


def keeping(widget):
    """Give ``widget`` (a file input) the KeepsChosenFile behaviour, in place."""
    cls = type(widget)
    if issubclass(cls, KeepsChosenFile):
        return
    if cls not in _classes:
        _classes[cls] = type(cls.__name__, (KeepsChosenFile, cls), {"__module__": cls.__module__})
    widget.__class__ = _classes[cls]


class KeepsChosenFilesForm:
    """Mixed in front of an admin form: its file inputs keep what was chosen when it is refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, FileInput):
                keeping(field.widget)

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, KeepsChosenFile) and self.is_bound and not field.disabled:
                widget.chosen = widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
                widget.refused = name in self._errors


def with_kept_files(form_class):
    if issubclass(form_class, KeepsChosenFilesForm):
        return form_class
    kept = type(form_class.__name__, (KeepsChosenFilesForm, form_class), {"__module__": form_class.__module__})
    kept.base_fields = form_class.base_fields
    return kept


def has_file_fields(form_class):
    return any(isinstance(field.widget, FileInput) for field in form_class.base_fields.values())
