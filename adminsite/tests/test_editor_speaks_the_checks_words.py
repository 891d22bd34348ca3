"""The editor's own texts name things as the content checks do, and its English badge label is gone."""

import re
from pathlib import Path

import django_ckeditor_5
from django.conf import settings

PL_JS = Path(django_ckeditor_5.__file__).parent / "static/django_ckeditor_5/dist/translations/pl.js"
OURS = Path(settings.BASE_DIR) / "static/js/editor-texts.js"


def test_our_texts_replace_strings_the_editor_really_uses():
    shipped = PL_JS.read_text()
    ours = dict(re.findall(r'"([^"]+)": "([^"]+)"', OURS.read_text()))
    for key in ("Change image text alternative", "Text alternative", "Toggle caption on", "Toggle caption off"):
        assert f'"{key}":' in shipped and key in ours
    assert ours["Change image text alternative"] == "Zmień tekst alternatywny"
    assert ours["Toggle caption on"] == "Pokaż podpis obrazu"
    assert "main" not in ours["Rich Text Editor. Editing area: %0"]


def test_the_post_form_loads_our_texts_after_the_editors_polish(client, alice):
    client.force_login(alice)
    page = client.get("/admin/news/post/add/").text
    assert page.index("translations/pl.js") < page.index("js/editor-texts.js")
    assert '"poweredBy": {"label": ""' in page
