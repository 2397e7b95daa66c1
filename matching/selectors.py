"""Reads for matching: a claim's matches, ranked; imported fact checks; claims that have a match."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import connections
from django.db.models import Exists, F, Func, OuterRef, Q

from claims.claimreview import BEST_RATING, WORST_RATING

from .models import ClaimMatch, ExternalFactCheck

# Longer search terms are cut, as the claims' search cuts them.
SEARCH_TERM_MAX_LENGTH = 200


def matches_for_claim(claim_id):
    """The stored matches of one claim, best first, with what they point at (one query).

    A match with one of our claims shows only while that claim still carries a
    published verdict.
    """
    return (
        ClaimMatch.objects.filter(claim_id=claim_id)
        .filter(Q(kind=ClaimMatch.Kind.EXTERNAL) | Q(matched_claim__current_verdict__isnull=False))
        .ranked()
    )


def matches_for_claims(claim_ids):
    """``{claim id: [matches best first]}`` for several claims (one query): article pages and the desk."""
    grouped = {}
    for match in (
        ClaimMatch.objects.filter(claim_id__in=claim_ids)
        .filter(Q(kind=ClaimMatch.Kind.EXTERNAL) | Q(matched_claim__current_verdict__isnull=False))
        .ranked()
    ):
        grouped.setdefault(match.claim_id, []).append(match)
    return grouped


def with_match(claims, has_match=True):
    """Claims that have (or, with ``has_match`` false, have no) stored match."""
    exists = Exists(ClaimMatch.objects.filter(claim_id=OuterRef("pk")))
    return claims.filter(exists if has_match else ~exists)


def imported_fact_checks():
    # NULLs last on both databases (PostgreSQL puts them first in a descending order, SQLite last).
    return ExternalFactCheck.objects.defer("raw").order_by(F("published_at").desc(nulls_last=True), "-id")


class AuthorWords(Func):
    """``to_tsvector('english', claim_author)``, written as the index of migration 0005 is, so PostgreSQL uses it."""

    template = "to_tsvector('english'::regconfig, %(expressions)s::text)"

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(F("claim_author"), output_field=SearchVectorField())


def fact_check_search(checks, term):
    """The imported ``checks`` the admin's search box finds for ``term``.

    The words of the claim they review or of its author (full text in
    ``websearch`` syntax on PostgreSQL, through the GIN indexes of migrations
    0002 and 0005; every word a substring of either elsewhere), or the fact
    check's own address. Substrings of the claim, author and address read
    every fact check on PostgreSQL (250 ms a search over 100,000).
    """
    term = (term or "").strip()[:SEARCH_TERM_MAX_LENGTH]
    if not term:
        return checks
    at_address = Q(url=term)
    if connections[checks.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVectorField

        from claims.models import UndeclaredColumn

        words = SearchQuery(term, config="english", search_type="websearch")
        checks = checks.alias(
            claim_words=UndeclaredColumn("search_vector", output_field=SearchVectorField()),
            author_words=AuthorWords(),
        )
        return checks.filter(Q(claim_words=words) | Q(author_words=words) | at_address)
    every_word = Q()
    for word in term.split()[:10]:
        every_word &= Q(claim_reviewed__icontains=word) | Q(claim_author__icontains=word)
    return checks.filter(every_word | at_address)


@dataclass(frozen=True)
class MatchSummary:
    """One match as every surface shows it (API, review desk, public page): what, rated how, by whom, where."""

    id: int
    kind: str
    score: float
    confirmed: bool
    claim_text: str
    rating: str
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    url: str
    publisher: str
    claim_author: str
    published_at: date | None
    matched_claim: int | None
    external: int | None
    rating_colour: str = ""


def summarise(match, *, base_url=""):
    """``MatchSummary`` of a match loaded by ``ClaimMatch.objects.ranked()``; ``base_url`` makes our URLs absolute."""
    if match.kind == ClaimMatch.Kind.VERDICT:
        claim = match.matched_claim
        verdict = claim.current_verdict
        rating = verdict.rating
        return MatchSummary(
            id=match.pk,
            kind=match.kind,
            score=match.score,
            confirmed=match.confirmed,
            claim_text=claim.checked_statement if hasattr(claim, "checked_statement") else claim.text,
            rating=rating.label,
            rating_value=rating.value,
            best_rating=BEST_RATING if rating.value is not None else None,
            worst_rating=WORST_RATING if rating.value is not None else None,
            url=f"{base_url}{claim.get_absolute_url()}",
            publisher=settings.FACTCHECK_ORGANISATION_NAME,
            claim_author=claim.claimant,
            published_at=verdict.published_at.date() if verdict.published_at else None,
            matched_claim=claim.pk,
            external=None,
            rating_colour=rating.colour,
        )
    check = match.external
    return MatchSummary(
        id=match.pk,
        kind=match.kind,
        score=match.score,
        confirmed=match.confirmed,
        claim_text=check.claim_reviewed,
        rating=check.rating_text,
        rating_value=check.rating_value,
        best_rating=check.best_rating,
        worst_rating=check.worst_rating,
        url=check.url,
        publisher=check.publisher,
        claim_author=check.claim_author,
        published_at=check.published_at,
        matched_claim=None,
        external=check.pk,
    )


def also_checked(claim, *, base_url=""):
    """``MatchSummary``s for a public claim page's "Also checked by": other fact-checkers' checks and our own
    other verdicts on the same claim (not the verdict the claim already shows)."""
    return [
        summarise(match, base_url=base_url)
        for match in matches_for_claim(claim.pk)
        if match.kind == ClaimMatch.Kind.EXTERNAL or match.matched_claim.current_verdict_id != claim.current_verdict_id
    ]
