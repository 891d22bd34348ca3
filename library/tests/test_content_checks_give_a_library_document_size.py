from django.template.defaultfilters import filesizeformat

from conftest import pdf_bytes
from core.content_checks import check_html


def errors(html):
    return [f.message for f in check_html(html).findings if f.is_error]


def test_a_link_to_a_library_document_without_its_size_is_refused_with_the_real_size(make_document):
    document = make_document("Regulamin naboru", data=pdf_bytes(size=123_456, text="Regulamin"))

    found = errors('<p>Pobierz <a href="/dokumenty/regulamin-naboru.pdf">regulamin naboru</a>.</p>')

    assert len(found) == 1
    assert f"(PDF, {filesizeformat(document.size)})" in found[0]
    assert "120,6" in found[0]


def test_the_same_link_with_type_and_size_passes(make_document):
    make_document("Regulamin naboru", data=pdf_bytes(size=123_456, text="Regulamin"))

    assert errors('<p><a href="/dokumenty/regulamin-naboru.pdf">Regulamin naboru (PDF, 120,6 KB)</a></p>') == []


def test_a_link_to_an_unknown_library_address_gets_the_example_size(db):
    found = errors('<p><a href="/dokumenty/nie-ma.pdf">regulamin</a></p>')

    assert "(PDF, 120 KB)" in found[0]
