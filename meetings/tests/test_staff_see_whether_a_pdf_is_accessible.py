"""Staff upload meeting documents: the admin says whether each PDF is accessible, and the
meeting page tells residents which ones are not and where to ask for an accessible version."""

from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import Document
from meetings.tests.admin_forms import meeting_form
from meetings.tests.conftest import docx_bytes, pdf_bytes

ACCESSIBLE = {"text": "Protokol ze spotkania", "tagged": True, "lang": "pl-PL", "title": "Protokół ze spotkania"}
UNTAGGED_WARNING = (
    "Dokument „Protokół ze spotkania” nie jest w pełni dostępny: brak znaczników struktury (PDF bez tagów). "
    "Na stronie pojawi się przy nim informacja, że na prośbę udostępnimy wersję dostępną. Żeby to poprawić, "
    "przy zapisie do PDF włącz opcję „PDF z tagami” (w Wordzie: „Tagi struktury dokumentu”) – i prześlij plik ponownie."
)
PUBLIC_NOTE = "Ten dokument nie jest w pełni dostępny: brak znaczników struktury (PDF bez tagów)."


def attach(client, meeting, name, data, title="Protokół ze spotkania"):
    row = {"title": title, "file": SimpleUploadedFile(name, data), "position": "0"}
    data = meeting_form(
        title=meeting.title, slug=meeting.slug, date=meeting.date.isoformat(), inlines={"documents": [row]}
    )
    return client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data, follow=True)


def test_an_untagged_pdf_is_saved_with_a_warning_and_a_note_on_the_page(client, alice, make_meeting):
    meeting = make_meeting()
    client.force_login(alice)
    response = attach(client, meeting, "protokol.pdf", pdf_bytes(**{**ACCESSIBLE, "tagged": False}))
    assert UNTAGGED_WARNING in [str(m) for m in response.context["messages"]]
    document = Document.objects.get()
    assert document.pdf_problems == ["tagged"]

    change_page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").text
    assert "Nie w pełni dostępny. Brak: tagów." in change_page
    listing = client.get("/admin/meetings/meeting/")
    assert "Niedostępne PDF" in listing.text
    assert listing.context["cl"].result_list[0].documents_failing == 1

    page = client.get(meeting.get_absolute_url()).text
    assert PUBLIC_NOTE in page
    path = meeting.get_absolute_url()
    assert f'href="/zglos-problem-z-dostepnoscia/?adres={path}">zgłoś problem z dostępnością</a>' in page


def test_a_scan_is_named_a_scan(client, alice, make_meeting):
    meeting = make_meeting()
    client.force_login(alice)
    response = attach(client, meeting, "skan.pdf", pdf_bytes())
    warning = next(str(m) for m in response.context["messages"] if "nie jest w pełni dostępny" in str(m))
    assert warning.startswith(
        "Dokument „Protokół ze spotkania” nie jest w pełni dostępny: brak warstwy tekstowej (skan), "
        "brak znaczników struktury (PDF bez tagów), nie określono języka dokumentu, brak tytułu dokumentu."
    )
    assert "zamiast skanu opublikuj plik zapisany z edytora tekstu" in warning
    assert "brak warstwy tekstowej (skan)" in client.get(meeting.get_absolute_url()).text


def test_an_accessible_pdf_gets_no_warning_and_no_note(client, alice, make_meeting):
    meeting = make_meeting()
    client.force_login(alice)
    response = attach(client, meeting, "protokol.pdf", pdf_bytes(**ACCESSIBLE))
    assert not [m for m in response.context["messages"] if "dostępny" in str(m)]
    assert Document.objects.get().pdf_problems == []
    change_page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").text
    assert "Dostępny: ma tagi, język, tytuł i tekst." in change_page
    assert "nie jest w pełni dostępny" not in client.get(meeting.get_absolute_url()).text


def test_an_office_document_is_not_checked_as_a_pdf(client, alice, make_meeting):
    meeting = make_meeting()
    client.force_login(alice)
    attach(client, meeting, "lista.docx", docx_bytes())
    assert Document.objects.get().pdf_problems is None
    assert "nie jest w pełni dostępny" not in client.get(meeting.get_absolute_url()).text
