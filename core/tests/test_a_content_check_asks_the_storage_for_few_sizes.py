"""A text with thousands of document links costs a content check at most MAX_SIZE_LOOKUPS storage
calls (each an S3 request in production), and the result says the other sizes were not looked up."""

import pytest

from core import content_checks
from core.content_checks import MAX_SIZE_LOOKUPS, WARNING, check_html


class CountingStorage:
    def __init__(self):
        self.asked = []

    def size(self, name):
        self.asked.append(name)
        return 120 * 1024


@pytest.fixture
def storage(monkeypatch):
    counting = CountingStorage()
    monkeypatch.setattr(content_checks, "default_storage", counting)
    return counting


def links(count, *, same=False):
    return "".join(
        f'<p><a href="/media/dokumenty/{"regulamin" if same else f"x{n}"}.pdf">Regulamin</a></p>' for n in range(count)
    )


def test_thousands_of_document_links_cost_a_few_storage_calls(storage):
    report = check_html(links(4500))
    assert len(storage.asked) == MAX_SIZE_LOOKUPS
    assert len(report.errors) == 4500
    assert "np. „Regulamin (PDF, 120,0\xa0KB)”" in str(report.errors[0])
    assert "np. „Regulamin (PDF, 120 KB)”" in str(report.errors[-1])  # an example, not looked up
    assert [str(f) for f in report.findings if f.level == WARNING and not f.place] == [
        "Rozmiar pliku sprawdzono dla pierwszych 10 plików. W podpowiedziach do dalszych linków podano "
        "przykładowy rozmiar: sprawdź prawdziwy przy każdym pliku."
    ]


def test_one_file_linked_many_times_is_asked_for_once(storage):
    report = check_html(links(500, same=True))
    assert storage.asked == ["dokumenty/regulamin.pdf"]
    assert not [f for f in report.findings if f.level == WARNING and not f.place]


def test_links_that_give_their_size_or_lead_elsewhere_cost_no_storage_call(storage):
    check_html(
        '<p><a href="/media/dokumenty/a.pdf">Regulamin (PDF, 120 KB)</a></p>'
        '<p><a href="https://pup.example/b.pdf">Plan</a></p><p><a href="/spotkania/">Spotkania</a></p>'
    )
    assert storage.asked == []
