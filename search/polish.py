"""Polish word forms for search, from Morfeusz 2 and its SGJP dictionary.

A Polish word changes its ending and often its stem (rynek → rynku, urząd →
urzędu, Czosnów → Czosnowie), so search compares words by their lemmas: a
query word matches a text word when the two share a lemma. The index keeps
the text's own words (PostgreSQL does that, see search/index.py) and the
query asks for every form of the query word's lemmas, all readings included:
„szkoleń” is a form of „szkolenie” and of „szkolić”, so the query asks for
both. The same dictionary answers both directions, so what the index would
lemmatize and what the query asks for agree.

Morfeusz loads in about 0.1 s, on first use (so importing this module, the
settings or the tests costs nothing). gunicorn calls preload() in its master
process (gunicorn.conf.py), so the workers it forks share the dictionary's
memory instead of holding tens of megabytes each, and no request waits.
"""

import threading
from functools import lru_cache

import morfeusz2

_local = threading.local()


def _analyser():
    # A Morfeusz instance is not safe to share between threads.
    if not hasattr(_local, "analyser"):
        _local.analyser = morfeusz2.Morfeusz(generate=False, expand_tags=False, case_handling=morfeusz2.IGNORE_CASE)
    return _local.analyser


def _generator():
    if not hasattr(_local, "generator"):
        _local.generator = morfeusz2.Morfeusz(analyse=False, generate=True, expand_tags=False)
    return _local.generator


def preload():
    _analyser().analyse("rynku")
    _generator().generate("rynek")


def _base(lemma):
    # Lemmas carry a homonym mark after a colon: „i:C”, „nowy:A”.
    return lemma.split(":", 1)[0]


@lru_cache(maxsize=50_000)
def lemmas(word):
    """The lemmas of every reading of ``word``; empty when the dictionary does not know it."""
    found = set()
    for _start, _end, (_form, lemma, tag, *_rest) in _analyser().analyse(word):
        if tag != "ign":
            found.add(_base(lemma))
    return frozenset(found)


@lru_cache(maxsize=5_000)
def _forms_of_lemma(lemma):
    return frozenset(form.lower() for form, *_rest in _generator().generate(lemma))


def forms(word):
    """Every form of every lemma of ``word`` (lower case), ``word`` itself included."""
    found = {word.lower()}
    for lemma in lemmas(word):
        found |= _forms_of_lemma(lemma)
    return found


def is_known(word):
    return bool(lemmas(word))
