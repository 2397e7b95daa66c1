"""Reads that find match candidates: a short list per claim, for ``matching.scoring`` to rank.

PostgreSQL uses the indexes of migration 0002: ``pg_trgm`` trigram similarity
over our checked claims and imported fact checks, plus full-text search over
imported fact checks (reordered paraphrases share stems, not trigrams); the
reverse question, which stored claims repeat a newly checked one, walks the
claims' full-text index. SQLite (development and tests) has neither: it
scores every row in Python, which is linear and fine for a small database.

Each function returns ``Candidate`` tuples, at most ``limit`` of them.
"""

from dataclasses import dataclass

from django.db import connection, transaction

from claims.models import Claim

from .models import ExternalFactCheck
from .scoring import STOPWORDS, WORD, trigrams

CANDIDATES = 20
# Trigram similarity below which PostgreSQL does not even offer a candidate; well under MATCH_THRESHOLD,
# so the score, not the prefilter, decides.
TRIGRAM_FLOOR = 0.2
MAX_QUERY_WORDS = 12


@dataclass(frozen=True)
class Candidate:
    id: int
    text: str
    speaker: str
    verdict_id: int | None = None


def checked_claims(text, *, limit=CANDIDATES):
    """Our claims with a published verdict whose text is like ``text``."""
    if connection.vendor == "postgresql":
        rows = _trigram_rows(
            "SELECT id, text, claimant, current_verdict_id FROM claims_claim "
            "WHERE current_verdict_id IS NOT NULL AND text %% %s ORDER BY similarity(text, %s) DESC, id LIMIT %s",
            [text, text, limit],
        )
        return [Candidate(*row) for row in rows]
    rows = Claim.objects.filter(current_verdict__isnull=False, stale=False).values_list(
        "id", "text", "claimant", "current_verdict_id"
    )
    return _best_in_python(text, (Candidate(*row) for row in rows.iterator()), limit)


def external_checks(text, *, limit=CANDIDATES):
    """Imported fact checks whose ``claimReviewed`` is like ``text`` (trigram, then full text)."""
    if connection.vendor == "postgresql":
        rows = _trigram_rows(
            "SELECT id, claim_reviewed, claim_author FROM matching_externalfactcheck "
            "WHERE claim_reviewed %% %s ORDER BY similarity(claim_reviewed, %s) DESC, id LIMIT %s",
            [text, text, limit],
        )
        query = _or_query(text)
        if query:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT id, claim_reviewed, claim_author FROM matching_externalfactcheck "
                    "WHERE search_vector @@ to_tsquery('english', %s) "
                    "ORDER BY ts_rank_cd(search_vector, to_tsquery('english', %s)) DESC, id LIMIT %s",
                    [query, query, limit],
                )
                rows = _unique([*rows, *cursor.fetchall()])
        return [Candidate(*row) for row in rows]
    rows = ExternalFactCheck.objects.values_list("id", "claim_reviewed", "claim_author")
    return _best_in_python(text, (Candidate(*row) for row in rows.iterator()), limit)


def claims_repeating(text, *, limit=200):
    """Stored claims (any status) that may repeat ``text``: for a newly published verdict or imported check."""
    if connection.vendor == "postgresql":
        query = _or_query(text)
        if not query:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, text, claimant, current_verdict_id FROM claims_claim "
                "WHERE search_vector @@ to_tsquery('english', %s) AND NOT stale "
                "ORDER BY ts_rank_cd(search_vector, to_tsquery('english', %s)) DESC, id LIMIT %s",
                [query, query, limit],
            )
            return [Candidate(*row) for row in cursor.fetchall()]
    rows = Claim.objects.filter(stale=False).values_list("id", "text", "claimant", "current_verdict_id")
    return _best_in_python(text, (Candidate(*row) for row in rows.iterator()), limit)


def _trigram_rows(sql, params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(TRIGRAM_FLOOR)])
        cursor.execute(sql, params)
        return cursor.fetchall()


def _or_query(text):
    """A tsquery that any of the claim's content words satisfies (longest words first, a bounded number)."""
    words = {word.lower() for word in WORD.findall(text) if word.lower() not in STOPWORDS and len(word) > 2}
    words = sorted((w for w in words if w.isalnum()), key=lambda w: (-len(w), w))[:MAX_QUERY_WORDS]
    return " | ".join(words)


def _unique(rows):
    seen, unique = set(), []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            unique.append(row)
    return unique


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
