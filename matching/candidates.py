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

Each function returns ``Candidate`` tuples, at most ``limit`` of them.
"""

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
    if connection.vendor == "postgresql":
        rows = _search(
            "SELECT id, text, claimant, current_verdict_id FROM claims_claim",
            "current_verdict_id IS NOT NULL AND NOT stale",
            text,
            limit,
        )
        return [Candidate(*row) for row in rows]
    rows = Claim.objects.filter(current_verdict__isnull=False, stale=False).values_list(
        "id", "text", "claimant", "current_verdict_id"
    )
    return _best_in_python(text, (Candidate(*row) for row in rows.iterator()), limit)


def external_checks(text, *, limit=CANDIDATES):
    """Imported fact checks whose ``claimReviewed`` is like ``text``."""
    if connection.vendor == "postgresql":
        rows = _search(
            "SELECT id, claim_reviewed, claim_author FROM matching_externalfactcheck",
            "TRUE",
            text,
            limit,
            "claim_reviewed",
        )
        return [Candidate(*row) for row in rows]
    rows = ExternalFactCheck.objects.values_list("id", "claim_reviewed", "claim_author")
    return _best_in_python(text, (Candidate(*row) for row in rows.iterator()), limit)


def claims_repeating(text, *, limit=200):
    """Stored claims (any status) that may repeat ``text``: for a newly published verdict or imported check."""
    if connection.vendor == "postgresql":
        rows = _search("SELECT id, text, claimant, current_verdict_id FROM claims_claim", "NOT stale", text, limit)
        return [Candidate(*row) for row in rows]
    rows = Claim.objects.filter(stale=False).values_list("id", "text", "claimant", "current_verdict_id")
    return _best_in_python(text, (Candidate(*row) for row in rows.iterator()), limit)


def _search(select, condition, text, limit, column="text"):
    """Rows of ``select`` meeting ``condition`` that share two uncommon words with ``text``, most alike first."""
    table = select.rsplit(" ", 1)[-1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT unnest(tsvector_to_array(to_tsvector('english', %s)))", [text])
        lexemes = sorted({row[0] for row in cursor.fetchall() if row[0].isalnum()}, key=lambda x: (-len(x), x))
        common = _common_lexemes(cursor, table)
        required = [lexeme for lexeme in lexemes if lexeme not in common][:MAX_QUERY_WORDS] or lexemes[:2]
        if not required:
            return []
        if len(required) > 1:
            required = [f"({a} & {b})" for index, a in enumerate(required) for b in required[index + 1 :]]
        cursor.execute(
            f"{select} WHERE {condition} AND search_vector @@ to_tsquery('simple', %s) "
            f"ORDER BY similarity({column}, %s) DESC, ts_rank_cd(search_vector, to_tsquery('simple', %s)) DESC, id "
            "LIMIT %s",
            [" | ".join(required), text, " | ".join(lexemes), limit],
        )
        return cursor.fetchall()


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


def _best_in_python(text, candidates, limit):
    """The ``limit`` candidates with the most shared trigrams: the SQLite stand-in for the indexes."""
    wanted = trigrams(text)
    scored = []
    for candidate in candidates:
        grams = trigrams(candidate.text)
        shared = len(wanted & grams)
        if shared:
            scored.append((shared / len(wanted | grams), candidate))
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    return [candidate for _, candidate in scored[:limit]]
