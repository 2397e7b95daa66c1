"""Reads that find match candidates: a short list per claim, for ``matching.scoring`` to rank.

PostgreSQL finds candidates through the full-text GIN indexes (checked
claims: matching migration 0004; imported checks: 0002; any claim: claims
migration 0012): a stored claim or imported check
is a candidate when it shares at least two of the claim's content words
(stemmed, so reordered and reworded paraphrases are found), and candidates
are ordered by trigram similarity (``pg_trgm``), then full-text rank. At
1,000,000 claims and 100,000 imported checks the earlier trigram-index
search (``text % query``) cost 160-280 ms a claim whatever the threshold:
a claim's common trigrams ("the", " in", digits) have posting lists covering
most rows, so the index walked nearly all of them; two shared words narrow
the rows to recheck to a few dozen (see bench/bench_matching.py --speed).
A claim with a single content word looks for that word. SQLite
(development and tests) has no such index: it scores every row in Python,
which is linear and fine for a small database.

Each function returns ``Candidate`` tuples, at most ``limit`` of them; the
``*_for`` functions answer for a whole batch of texts at once (one query per
table, a lateral join running each text's index search inside PostgreSQL),
which is how ingestion and ``match_claims`` call them.
"""

import functools
import time
from dataclasses import dataclass

from django.db import connection

from claims.models import Claim

from .models import ExternalFactCheck
from .scoring import trigrams

CANDIDATES = 20
# Pairs of the longest uncommon words: 16 words make 120 pairs; GIN reads each word's posting list once.
MAX_QUERY_WORDS = 16
# A word in more than 0.2% of rows, and more than 1,000 rows, is common: a pair of two such words still matches
# about 40 of a million rows. A small table has no common words.
COMMON_SHARE = 0.002
COMMON_ROWS = 1000
COMMON_REFRESH_SECONDS = 600


@dataclass(frozen=True)
class Candidate:
    id: int
    text: str
    speaker: str
    verdict_id: int | None = None


def checked_claims(text, *, limit=CANDIDATES):
    """Our claims with a published verdict whose text is like ``text``."""
    return checked_claims_for([text], limit=limit)[0]


def external_checks(text, *, limit=CANDIDATES):
    """Imported fact checks whose ``claimReviewed`` is like ``text``."""
    return external_checks_for([text], limit=limit)[0]


def claims_repeating(text, *, limit=200):
    """Stored claims (any status) that may repeat ``text``: for a newly published verdict or imported check."""
    if connection.vendor == "postgresql":
        [rows] = _search_many(_ANY_CLAIM, [text], limit)
        return [Candidate(*row) for row in rows]
    rows = Claim.objects.filter(stale=False).values_list("id", "text", "claimant", "current_verdict_id")
    return _best_in_python([text], (Candidate(*row) for row in rows.iterator()), limit)[0]


def already_checked(texts, *, limit=CANDIDATES):
    """``(checked_claims_for(texts), external_checks_for(texts))``, the words of each text looked up once."""
    lexemes = functools.cache(lambda: lexemes_of(texts))  # read once, and only if a table has rows to search
    return checked_claims_for(texts, limit=limit, lexemes=lexemes), external_checks_for(
        texts, limit=limit, lexemes=lexemes
    )


def anything_checked():
    """Whether any claim has a published verdict or any fact check was imported: else nothing can match."""
    return any(_has_rows(table) for table in (_CHECKED, _EXTERNAL))


def checked_claims_for(texts, *, limit=CANDIDATES, lexemes=None):
    """``checked_claims`` of each of ``texts``, in order: one search for a whole batch of claims.

    ``lexemes``, if given, is a function returning ``lexemes_of(texts)`` (``already_checked`` shares one lookup).
    """
    if connection.vendor == "postgresql":
        return [[Candidate(*row) for row in rows] for rows in _search_many(_CHECKED, texts, limit, lexemes)]
    rows = Claim.objects.filter(current_verdict__isnull=False, stale=False).values_list(
        "id", "text", "claimant", "current_verdict_id"
    )
    return _best_in_python(texts, (Candidate(*row) for row in rows.iterator()), limit)


def external_checks_for(texts, *, limit=CANDIDATES, lexemes=None):
    """``external_checks`` of each of ``texts``, in order: one search for a whole batch of claims."""
    if connection.vendor == "postgresql":
        return [[Candidate(*row) for row in rows] for rows in _search_many(_EXTERNAL, texts, limit, lexemes)]
    rows = ExternalFactCheck.objects.values_list("id", "claim_reviewed", "claim_author")
    return _best_in_python(texts, (Candidate(*row) for row in rows.iterator()), limit)


def lexemes_of(texts):
    """``{text: [its stemmed words]}`` for ``texts``, in one query (PostgreSQL); the searches above share them."""
    texts = list(dict.fromkeys(texts))
    found = {text: set() for text in texts}
    if not texts:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT q.i, w FROM unnest(%s::text[]) WITH ORDINALITY AS q(t, i), "
            "unnest(tsvector_to_array(to_tsvector('english', q.t))) AS w",
            [texts],
        )
        for index, lexeme in cursor.fetchall():
            if lexeme.isalnum():
                found[texts[index - 1]].add(lexeme)
    return {text: sorted(words, key=lambda x: (-len(x), x)) for text, words in found.items()}


@dataclass(frozen=True)
class _Table:
    table: str
    columns: str
    condition: str
    column: str = "text"


_CHECKED = _Table(
    "claims_claim", "id, text, claimant, current_verdict_id", "current_verdict_id IS NOT NULL AND NOT stale"
)
_EXTERNAL = _Table("matching_externalfactcheck", "id, claim_reviewed, claim_author", "TRUE", "claim_reviewed")
_ANY_CLAIM = _Table("claims_claim", "id, text, claimant, current_verdict_id", "NOT stale")


def _search_many(table, texts, limit, lexemes=None):
    """For each of ``texts``, the rows of ``table`` that share two uncommon words with it, most alike first.

    One query for the whole list: a lateral join runs each text's index search
    inside PostgreSQL, instead of a round trip (and a query plan) per text.
    """
    with connection.cursor() as cursor:
        if not _has_rows(table):
            return [[] for _ in texts]  # nothing to find (a newsroom before its first verdict or import)
        lexemes = lexemes() if lexemes is not None else lexemes_of(texts)
        common = _common_lexemes(cursor, table.table)
        queries = {}
        for text in dict.fromkeys(texts):
            words = lexemes.get(text, [])
            required = [lexeme for lexeme in words if lexeme not in common][:MAX_QUERY_WORDS] or words[:2]
            if not required:
                continue
            if len(required) > 1:
                required = [f"({a} & {b})" for index, a in enumerate(required) for b in required[index + 1 :]]
            queries[text] = (" | ".join(required), " | ".join(words))
        found = {text: [] for text in queries}
        if queries:
            ordered = list(queries)
            cursor.execute(
                # Each text's queries are parsed once (a materialized CTE); written inside the lateral join they
                # would be parsed again for every row a sequential scan of a small table reads.
                "WITH q AS MATERIALIZED (SELECT i, to_tsquery('simple', r) AS required, t AS query, "
                "to_tsquery('simple', k) AS ranked FROM unnest(%s::text[], %s::text[], %s::text[]) WITH ORDINALITY "
                "AS u(r, t, k, i)) "
                "SELECT q.i, c.* FROM q CROSS JOIN LATERAL ("
                f"SELECT {table.columns}, similarity({table.column}, q.query) AS alike, "
                "ts_rank_cd(search_vector, q.ranked) AS rank "
                f"FROM {table.table} WHERE {table.condition} AND search_vector @@ q.required "
                "ORDER BY alike DESC, rank DESC, id LIMIT %s) c",
                [[queries[t][0] for t in ordered], ordered, [queries[t][1] for t in ordered], limit],
            )
            for index, *row in cursor.fetchall():
                found[ordered[index - 1]].append(row)
        for rows in found.values():
            rows.sort(key=lambda row: (-row[-2], -row[-1], row[0]))
    return [[tuple(row[:-2]) for row in found.get(text, [])] for text in texts]


def _has_rows(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {table.table} WHERE {table.condition})")
        return cursor.fetchone()[0]


_COMMON = {}


def _common_lexemes(cursor, table):
    """Words in more than ``COMMON_SHARE`` of ``table``'s rows (and ``COMMON_ROWS``), from PostgreSQL's statistics.

    A pair of such words ("fell", "year") can match a sixth of a million claims;
    they still rank candidates, but never decide alone which rows are read.
    Read once per ``COMMON_REFRESH_SECONDS`` per process.
    """
    expires, words = _COMMON.get(table, (0.0, frozenset()))
    if time.monotonic() < expires:
        return words
    cursor.execute(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs, c.reltuples FROM pg_stats s "
        "JOIN pg_class c ON c.relname = s.tablename "
        "WHERE s.tablename = %s AND s.attname = 'search_vector'",
        [table],
    )
    elements, shares, rows = cursor.fetchone() or (None, None, 0)
    words = frozenset(
        word
        for word, share in zip(elements or [], shares or [], strict=False)
        if share > COMMON_SHARE and share * rows > COMMON_ROWS
    )
    _COMMON[table] = (time.monotonic() + COMMON_REFRESH_SECONDS, words)
    return words


def _best_in_python(texts, candidates, limit):
    """For each of ``texts``, the ``limit`` candidates with the most shared trigrams: the SQLite stand-in."""
    candidates = [(candidate, trigrams(candidate.text)) for candidate in candidates]
    found = []
    for text in texts:
        wanted = trigrams(text)
        scored = []
        for candidate, grams in candidates:
            shared = len(wanted & grams)
            if shared:
                scored.append((shared / len(wanted | grams), candidate))
        scored.sort(key=lambda pair: (-pair[0], pair[1].id))
        found.append([candidate for _, candidate in scored[:limit]])
    return found
