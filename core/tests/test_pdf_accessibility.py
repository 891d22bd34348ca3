"""What the portal tells of an uploaded PDF: tagged, language, title, text layer — read from real PDFs."""

import io

from conftest import pdf_bytes
from core.documents import PDF_TEXT_PAGES, describe_pdf_problems, pdf_accessibility_problems


def problems(data):
    return pdf_accessibility_problems(io.BytesIO(data))


def test_an_accessible_pdf_has_no_problems():
    data = pdf_bytes(text="Protokol ze spotkania partnerstwa", tagged=True, lang="pl-PL", title="Protokół")
    assert problems(data) == []


def test_a_scan_lacks_everything_and_says_so_in_polish():
    codes = problems(pdf_bytes())
    assert codes == ["text", "tagged", "language", "title"]
    assert describe_pdf_problems(codes) == (
        "brak warstwy tekstowej (skan), brak znaczników struktury (PDF bez tagów), "
        "nie określono języka dokumentu, brak tytułu dokumentu"
    )


def test_an_untagged_pdf_with_text_lacks_only_the_tags():
    assert problems(pdf_bytes(text="Regulamin", lang="pl", title="Regulamin")) == ["tagged"]


def test_marked_without_a_structure_tree_is_not_tagged():
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject

    mark = {NameObject("/MarkInfo"): DictionaryObject({NameObject("/Marked"): BooleanObject(True)})}
    data = pdf_bytes(catalog=mark, text="Regulamin", lang="pl", title="Regulamin")
    assert problems(data) == ["tagged"]


def test_the_title_may_come_from_xmp_metadata():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text="Plan", tagged=True, lang="pl"))))
    xmp = (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
        b"Plan dzia\xc5\x82a\xc5\x84</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"
        b'<?xpacket end="w"?>'
    )
    from pypdf.generic import NameObject, StreamObject

    stream = StreamObject()
    stream.set_data(xmp)
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    assert problems(out.getvalue()) == []


def test_text_is_looked_for_only_on_the_first_pages(monkeypatch):
    from pypdf import PageObject

    calls = []
    original = PageObject.extract_text

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counting)
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    for _ in range(9):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    assert "text" in problems(out.getvalue())
    assert len(calls) == PDF_TEXT_PAGES


def test_a_broken_file_gives_no_verdict():
    assert problems(b"%PDF-1.7 nonsense") is None
