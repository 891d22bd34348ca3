"""A query that finds every Polish form of its words: the public search's, and the admin's.

``polish_tsquery(["nowy", "dwór"])`` is a raw tsquery for the text search configuration
``simple_unaccent`` (search/index.py): each word OR-ed over all forms of its lemmas (Morfeusz 2,
search/polish.py), the words AND-ed. It costs one query (the word list, for typos and words
written without Polish letters).
"""

from django.db import connection

from search import polish
from search.text import WORD_RE, edit_distance_at_most_one

# For each query word: the indexed words that are the same once diacritics
# are removed („urzedu” → „urzędu”), and for a word the dictionary does not
# know (a typo?) also up to 20 words that look like it (trigram similarity,
# search_word_folded_trgm_idx); with the query word without diacritics, to
# compare them with.
SIMILAR_WORDS_SQL = """
    SELECT q.word, unaccent(q.word), w.word, w.folded
    FROM unnest(%s::text[], %s::boolean[]) AS q(word, unknown)
    LEFT JOIN LATERAL (
        (SELECT word, folded FROM search_word WHERE folded = unaccent(q.word))
        UNION
        (SELECT word, folded FROM search_word
         WHERE q.unknown AND folded %% unaccent(q.word)
         ORDER BY folded <-> unaccent(q.word), word
         LIMIT 20)
    ) AS w ON true
"""


def _similar_words(query_words):
    """Each query word without diacritics, and the indexed words similar to it with theirs."""
    unknown = [not polish.is_known(w) and len(w) >= 4 for w in query_words]
    with connection.cursor() as cursor:
        cursor.execute(SIMILAR_WORDS_SQL, [query_words, unknown])
        rows = cursor.fetchall()
    folded, similar = {}, {w: [] for w in query_words}
    for query_word, folded_query_word, word, folded_word in rows:
        folded[query_word] = folded_query_word
        if word is not None:
            similar[query_word].append((word, folded_word))
    return folded, similar


def _alternatives(word, folded_word, similar):
    """The lexemes any of which may stand for ``word`` in a matching text.

    Every form of every lemma of the word („rynek” → rynku, rynkiem, …); the
    forms of an indexed word that is the same word without its Polish letters
    („urzedu” → urzędu → urząd, urzędzie, …); for a word the dictionary does
    not know, also the forms of indexed words one typo away, and the word and
    its start without the ending as prefixes: a visitor who types „Pomiech”
    or „pomiechowek” (no Polish letters, so the dictionary cannot help) still
    finds „Pomiechówku”.
    """
    known = polish.is_known(word)
    found = polish.forms(word)
    for other, folded_other in similar:
        if folded_other == folded_word or (
            not known and len(word) >= 4 and edit_distance_at_most_one(folded_word, folded_other)
        ):
            found |= polish.forms(other)
    lexemes = {f"'{form}'" for form in found if WORD_RE.fullmatch(form)}
    if not known:
        lexemes |= {f"'{word}':*", f"'{_without_ending(word)}':*"}
    return lexemes


def _without_ending(word):
    if len(word) >= 7:
        return word[:-2]
    if len(word) >= 5:
        return word[:-1]
    return word


def polish_tsquery(query_words):
    """All query words, each as any of its alternatives: ('rynek' | 'rynku' | …) & ('pracy' | …)."""
    folded, similar = _similar_words(query_words)
    groups = ["(" + " | ".join(sorted(_alternatives(w, folded[w], similar[w]))) + ")" for w in query_words]
    return " & ".join(groups)
