"""Compare Polish lemmatizers on the search test set (search/tests/test_polish_queries.py).

For every query of the test set: does each of its words share a lemma with
some word of the document it must find? (Words compared in lower case and
without diacritics, the same for every candidate.) Also: how many other
documents the query would match, the first load and the time per word.

    .venv/bin/python -m partnerstwo.db exec -- .venv/bin/python bench/compare_lemmatizers.py

Candidates: the prefix cut search used before, Morfeusz 2 (the dependency),
simplemma if installed (pip install simplemma==2.0.0), and a hunspell
dictionary loaded into PostgreSQL if one named polish_hunspell exists (see
docs/decisions/001-morfeusz-for-polish-search.md).
"""

import os
import resource
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerstwo.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from search import polish  # noqa: E402
from search.tests.test_polish_queries import DOCUMENTS, QUERIES, indexed_text  # noqa: E402
from search.text import words  # noqa: E402


def fold(word):
    word = word.lower().replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def prefix_cut(word):
    """The search before: the word without its last letters, matched as a prefix."""
    return {word[:-2] if len(word) >= 7 else word[:-1] if len(word) >= 5 else word}


def morfeusz(word):
    return {lemma.lower() for lemma in polish.lemmas(word)} or {word.lower()}


def candidates():
    found = {"prefix cut (before)": (prefix_cut, lambda: None), "morfeusz2": (morfeusz, lambda: polish.lemmas("rynku"))}
    try:
        import simplemma
    except ImportError:
        print("simplemma is not installed: skipped")
    else:
        found["simplemma"] = (
            lambda w: {simplemma.lemmatize(w, lang="pl").lower()},
            lambda: simplemma.lemmatize("rynku", lang="pl"),
        )
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = 'polish_hunspell'")
        if cursor.fetchone():
            found["hunspell in PostgreSQL"] = (hunspell, lambda: hunspell("rynku"))
        else:
            print("no text search dictionary polish_hunspell in the database: hunspell skipped")
    return found


def hunspell(word):
    with connection.cursor() as cursor:
        cursor.execute("SELECT ts_lexize('polish_hunspell', %s)", [word.lower()])
        return set(cursor.fetchone()[0] or [word.lower()])


def related(lemmatize, query_word, text_word):
    if lemmatize is prefix_cut:
        return fold(text_word).startswith(fold(next(iter(prefix_cut(query_word)))))
    return bool({fold(x) for x in lemmatize(query_word)} & {fold(x) for x in lemmatize(text_word)})


def evaluate(name, lemmatize, load):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    load()
    load_ms = (time.perf_counter() - started) * 1000
    rss_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024

    texts = {key: words(indexed_text(key)) for key in DOCUMENTS}
    vocabulary = sorted({w for ws in texts.values() for w in ws})
    started = time.perf_counter()
    for w in vocabulary:
        lemmatize(w)
    per_word_us = (time.perf_counter() - started) / len(vocabulary) * 1e6

    def matches(query, key):
        return all(any(related(lemmatize, q, t) for t in texts[key]) for q in words(query))

    found, extra, missed = 0, 0, []
    for query, expected, also in QUERIES:
        if matches(query, expected):
            found += 1
        else:
            missed.append(query)
        extra += sum(1 for key in texts if key not in {expected, *also} and matches(query, key))
    print(
        f"{name:<24} {found:>3}/{len(QUERIES)} found {extra:>4} other matches  first load {load_ms:>6.0f} ms "
        f"(+{rss_mb:.0f} MB)  {per_word_us:>7.1f} µs/word"
    )
    print(f"{'':<24} missed: {', '.join(missed) or '—'}")


if __name__ == "__main__":
    polish.lemmas.cache_clear()
    for name, (lemmatize, load) in candidates().items():
        evaluate(name, lemmatize, load)
