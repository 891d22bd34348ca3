"""Staff rebuild the search index (manage.py rebuild_search_index) after a bulk load."""

import io

from django.core.management import call_command
from django.utils import timezone

from news.models import Post
from search.models import Document, Word


def rebuild():
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    return out.getvalue()


def test_rebuild_indexes_what_was_loaded_without_signals(client, category, django_capture_on_commit_callbacks):
    Post.objects.bulk_create(
        [
            Post(
                title="Warsztaty w Zakroczymiu",
                slug="warsztaty",
                body="<p>Rękodzieło.</p>",
                category=category,
                status=Post.Status.PUBLISHED,
                published_at=timezone.now(),
            ),
        ]
    )
    assert "Nic nie znaleziono" in client.get("/szukaj/", {"q": "Zakroczym"}).text

    with django_capture_on_commit_callbacks(execute=True):
        assert rebuild() == "Indexed 1 documents.\n"

    assert "Warsztaty w Zakroczymiu" in client.get("/szukaj/", {"q": "Zakroczym"}).text


def test_rebuild_drops_words_no_document_uses_any_more(make_post, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        kept = make_post(title="Koło gospodyń", body="<p>Haft i wikliniarstwo.</p>")
        gone = make_post(title="Stary wpis", body="<p>Przeterminowane ogłoszenie.</p>")
    gone.delete()
    assert Word.objects.filter(word="przeterminowane").exists()  # deleting a post keeps its words until a rebuild

    rebuild()

    assert not Word.objects.filter(word="przeterminowane").exists()
    assert Word.objects.get(word="wikliniarstwo").folded == "wikliniarstwo"
    assert Word.objects.get(word="gospodyń").folded == "gospodyn"  # folded by PostgreSQL's unaccent
    assert list(Document.objects.values_list("object_id", flat=True)) == [kept.pk]


def test_a_post_saved_and_deleted_in_one_transaction_leaves_no_document(make_post, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_post(title="Pomyłka").delete()
    assert not Document.objects.exists()
