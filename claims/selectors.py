"""Reads for claims: the review queue, a claim in its context, an article's sourcing report.

Shared by the admin and the public pages, with related rows fetched up front
so a page's query count does not grow with its rows.
"""

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce

from articles.models import canonical_url_hashes
from matching.models import ClaimMatch

from . import tally
from .models import (
    ARTICLE_BODY,
    PUBLIC_VERDICT_STATUSES,
    Citation,
    Claim,
    ConsistencyCheck,
    Correction,
    Rating,
    Source,
    Topic,
    Verdict,
)
from .pagination import LargeTablePaginator, RankedSearchPaginator
from .sources import SourceKind, canonical_url_variants

PRIMARY_KINDS = {SourceKind.GOVERNMENT, SourceKind.PRESS_RELEASE}

__all__ = ["ARTICLE_BODY"]  # re-exported for the API, which reads it from here


def claims_for_list():
    """Claims with what a list row shows, for the admin and the API (which also show the assignee)."""
    return Claim.objects.for_list().select_related("assigned_to")


# A list row's columns, read as plain values: its article's title, current verdict and rating come through three
# joins, its sources from one more query (``sources_by_claim``). Building model
# objects for five tables and their prefetch managers cost more than the rest of an API list request together,
# and planning the seven-join statement of ``for_list`` took longer than running it.
CLAIM_ROW_COLUMNS = (
    "id",
    "article_id",
    "article__title",
    "text",
    "claim_type",
    "claimant",
    "target",
    "paragraph",
    "start",
    "end",
    "prefix",
    "suffix",
    "checkworthiness",
    "checkworthy",
    "numbers",
    "status",
    "stale",
    "created_at",
    "updated_at",
    "current_verdict_id",
    "current_verdict__rating__slug",
    "current_verdict__rating__label",
    "current_verdict__rating__value",
    "current_verdict__rating__definition",
    "current_verdict__rating__colour",
    "current_verdict__summary",
    "current_verdict__published_at",
    "current_verdict__updated_at",
    "current_verdict__version",
)


def claim_row_values(claims):
    """``claims`` (filtered and ordered) as dictionaries of ``CLAIM_ROW_COLUMNS``."""
    return claims.values(*CLAIM_ROW_COLUMNS)


def sources_by_claim(claim_ids):
    """``{claim id: [source values, ...]}`` in the sources' own order (domain, then URL), in one query."""
    sources = {claim_id: [] for claim_id in claim_ids}
    links = (
        Claim.sources.through.objects.filter(claim_id__in=claim_ids)
        .order_by("source__domain", "source__canonical_url")
        .values_list(
            "claim_id", "source_id", "source__canonical_url", "source__domain", "source__kind", "source__handle"
        )
    )
    for claim_id, source_id, canonical_url, domain, kind, handle in links:
        sources[claim_id].append(
            {"id": source_id, "canonical_url": canonical_url, "domain": domain, "kind": kind, "handle": handle}
        )
    return sources


def claims_for_desk():
    """Claims with what a row of the review desk's list shows: article (without its body), claimant, assignee,
    current rating, and ``source_total``, how many sources the claim cites.

    The total is a subquery PostgreSQL runs for the page's rows only, after
    the sort and the limit: cheaper than prefetching every row's sources to
    count them in Python, and no GROUP BY over the table.
    """
    cited = Claim.sources.through.objects.filter(claim_id=OuterRef("pk")).order_by().values("claim_id")
    return (
        Claim.objects.select_related("article", "claimant_entity", "assigned_to", "current_verdict__rating")
        .defer(*ARTICLE_BODY, "checkworthiness_features")
        .annotate(source_total=Coalesce(Subquery(cited.annotate(total=Count("*")).values("total")), 0))
    )


# A list's per-row counts are exact up to here and "1,000+" beyond: each row's count stops after this many
# index entries, so a page of a hundred rows reads at most a hundred times this, whatever a row's share of the
# table. Counting every claim of the seven claimants on a page took 460 ms at a million claims, 70 ms a row each.
LIST_COUNT_CAP = 1_000


class CountUpTo(Subquery):
    """``(SELECT COUNT(*) FROM (rows LIMIT n))``: how many rows a correlated queryset has, up to its slice."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted_rows)"
    output_field = IntegerField()


def count_up_to_cap(rows):
    """A subquery annotation counting ``rows`` (a queryset filtered on an ``OuterRef``) up to ``LIST_COUNT_CAP``
    and one more, so ``capped_count`` can tell "exactly the cap" from "more". PostgreSQL runs it for the page's
    rows only, after the sort and the limit, over the index of the column ``rows`` is filtered on."""
    return CountUpTo(rows.order_by().values("pk")[: LIST_COUNT_CAP + 1])


def capped_count(count):
    """A count from ``count_up_to_cap`` as a list shows it: the number, or "1,000+" above the cap."""
    return f"{LIST_COUNT_CAP:,}+" if count > LIST_COUNT_CAP else count


def with_claim_counts(claimants):
    """``claimants`` with ``claim_count``: how many claims each is the claimant of, up to the cap (``capped_count``)."""
    return claimants.annotate(claim_count=count_up_to_cap(Claim.objects.filter(claimant_entity=OuterRef("pk"))))


def with_citation_counts(sources):
    """``sources`` with ``citation_count``: how many links of articles point at each, up to the cap."""
    return sources.annotate(citation_count=count_up_to_cap(Citation.objects.filter(source=OuterRef("pk"))))


# Longer digit strings are words (a phone number, a serial), never an id: PostgreSQL's bigint stops at 19 digits.
MAX_ID_DIGITS = 18


def desk_search(claims, term):
    """The ``claims`` the review desk's search box finds for ``term``.

    The words of a claim's text or claimant (``ClaimQuerySet.search``: the
    full-text index on PostgreSQL, as the API and the search page search;
    substrings elsewhere); a number is also a claim's id; a web address finds
    the claims of the article stored at it, however the link was written (its
    indexed canonical-URL hash). Article titles are not searched: substrings
    of the title, text and claimant read every claim (170 ms a search at a
    million claims, against a few through the index), and the article list
    searches titles.
    """
    term = (term or "").strip()
    if not term:
        return claims
    try:
        is_address = urlsplit(term).scheme in {"http", "https"}
    except ValueError:  # "http://[" and the like: words, not an address
        is_address = False
    if is_address:
        return claims.filter(article__canonical_url_hash__in=canonical_url_hashes(term))
    found = claims.search(term)
    if term.isascii() and term.isdigit() and len(term) <= MAX_ID_DIGITS:
        found = found | claims.filter(pk=int(term))
    return found


def verdict_search(verdicts, term):
    """The ``verdicts`` whose claim the desk's search box finds for ``term`` (``desk_search``: the claim's words or
    claimant through the full-text index on PostgreSQL, a claim's id, an article's address).

    As ``claim_id IN (the matching claims)``: PostgreSQL walks the verdicts in
    the list's order and stops at the page, or hashes the matches when they
    are few. A substring of the claim's text through the join read every
    claim (870 ms at a million claims). A verdict's summary is not searched:
    it restates its claim, and a substring scan of it reads every verdict.
    """
    term = (term or "").strip()
    if not term:
        return verdicts
    return verdicts.filter(claim_id__in=desk_search(Claim.objects.all(), term).order_by().values("pk"))


def with_rating(claims, slug):
    """Claims whose current verdict has the rating ``slug`` (``ClaimQuerySet.rated``)."""
    return claims.rated(slug)


def with_sources(claims, cited=True):
    """Claims that cite at least one source (or, with ``cited=False``, none), as an EXISTS test."""
    cites = Exists(Claim.sources.through.objects.filter(claim_id=OuterRef("pk")))
    return claims.filter(cites) if cited else claims.filter(~cites)


def at_url(sources, url):
    """The sources ``url`` is a way of linking to: one, or two when the site was cited over http and https."""
    return sources.filter(canonical_url__in=canonical_url_variants(url))


def citing(claims, url):
    """Claims that cite ``url`` (however it was written in the article).

    The source is looked up first (one small query on its unique URL), then
    the claims as ``id IN (the link table's rows for it)``. With the source
    lookup inside the same statement, a list's joins plus the two subquery
    tables went past PostgreSQL's join_collapse_limit, the joins were no
    longer reordered, and it scanned every claim: 1.4 s at 200,000 claims
    for a source one claim cites, against a few milliseconds.
    """
    source_ids = list(Source.objects.filter(canonical_url__in=canonical_url_variants(url)).values_list("pk", flat=True))
    if not source_ids:
        return claims.none()
    return claims.filter(pk__in=Claim.sources.through.objects.filter(source_id__in=source_ids).values("claim_id"))


def paragraph_bounds(article_text, position):
    """``(start, end)`` of the paragraph of ``article_text`` holding offset ``position`` (paragraphs are separated by
    a blank line).

    Found from the position itself, so its cost is the paragraph's length: an article page splits every claim's
    paragraph, and counting blank lines from the top for each claim grew with claims × paragraphs (4,000 one-line
    paragraphs took a second).
    """
    start = article_text.rfind("\n\n", 0, position)
    start = 0 if start == -1 else start + 2
    end = article_text.find("\n\n", position)
    return start, len(article_text) if end == -1 else end


@dataclass(frozen=True)
class SourcingReport:
    claims: int
    checkworthy: int
    sourced: int
    unsourced: int
    primary: list
    secondary: list


def sourcing_report(article, checkworthy=None):
    """How well an article backs its check-worthy claims, and which cited sources are primary.

    A source is primary for a claim when it is the claimant's own post (the
    account handle carries the claimant's surname) or an official page
    (government, press release); everything else is secondary. Sources are
    listed in the order the claims come in the article, each claim's by
    domain. ``checkworthy``: the article's public check-worthy claims in
    reading order, when the caller has read them (the article page).

    Two queries, no claim rows built: a count, and the claims' links with
    their sources (the article page lists a hundred claims or more).
    """
    public = article.claims.filter(stale=False)
    if checkworthy is None:
        checkworthy = list(public.filter(checkworthy=True).order_by("start").only("id", "claimant"))
    links = {claim.pk: [] for claim in checkworthy}
    for link in (
        Claim.sources.through.objects.filter(claim_id__in=list(links))
        .select_related("source")
        .order_by("source__domain", "source__canonical_url")
    ):
        links[link.claim_id].append(link.source)
    primary, secondary = {}, {}
    for claim in checkworthy:
        for source in links[claim.pk]:
            if is_primary(source, claim.claimant):
                primary.setdefault(source.pk, source)
            else:
                secondary.setdefault(source.pk, source)
    for pk in primary:
        secondary.pop(pk, None)
    sourced = sum(1 for cited in links.values() if cited)
    return SourcingReport(
        claims=public.order_by().count(),
        checkworthy=len(checkworthy),
        sourced=sourced,
        unsourced=len(checkworthy) - sourced,
        primary=list(primary.values()),
        secondary=list(secondary.values()),
    )


def is_primary(source, claimant):
    if source.kind in PRIMARY_KINDS:
        return True
    if source.kind == SourceKind.SOCIAL_POST and claimant and source.handle:
        handle = re.sub(r"[^a-z]", "", source.handle.lower())
        surname = re.sub(r"[^a-z]", "", claimant.split()[-1].lower())
        return len(surname) >= 3 and surname in handle
    return False


def public_claims():
    """Claims as readers see them in lists (claim cards): article, claimant, current verdict and rating joined."""
    return Claim.objects.public().for_cards()


def current_published_verdicts():
    """Published verdicts that are their claim's current verdict, newest first.

    Written as ``id IN (current verdict ids)`` rather than a join on
    ``claim.current_verdict_id = verdict.id``: PostgreSQL estimates that
    two-column join at one row and picks a plan that took a minute at a
    million claims; the IN form walks the published-verdict index (1 ms).
    """
    current = Claim.objects.rated().values("current_verdict_id")
    return Verdict.objects.published().filter(id__in=current).order_by("-published_at", "-id")


def latest_published(limit=10):
    """Claims whose current verdict was published most recently."""
    newest = current_published_verdicts().values("id")[:limit]
    # The feeds name each verdict's reviewer.
    claims = public_claims().select_related("current_verdict__reviewer")
    return claims.filter(current_verdict__in=newest).newest_verdicts_first()


@dataclass(frozen=True)
class RatingCount:
    rating: object
    count: int
    width: float


def rating_counts(claims=None, chart_width=200):
    """Each rating with how many current verdicts carry it, and a bar width for the chart.

    Over all claims (the home page) the figures are the stored tally
    (``claims.tally``), not a count over the whole table; over a subset
    (an article, a claimant, a topic, this month) they are counted.
    """
    return counts_by_rating(tally.stored_counts() if claims is None else tally.fresh_counts(claims), chart_width)


def counts_by_rating(totals, chart_width=200):
    """Each rating of the scale with its count in ``totals`` (``{rating id: count}``) and a bar width."""
    largest = max(totals.values(), default=0)
    return [
        RatingCount(
            rating, totals.get(rating.pk, 0), (chart_width * totals.get(rating.pk, 0) / largest) if largest else 0
        )
        for rating in Rating.objects.order_by("order", "id")
    ]


@dataclass(frozen=True)
class ClaimPage:
    """What a claim's public page shows.

    ``corrections`` are ``CorrectionEntry``s, newest first; ``retractions`` the claim's retracted verdicts;
    ``other_appearances`` the articles of other claims that show its verdict (for ClaimReview);
    ``has_matches``: whether any stored match could put something under "Also checked by".
    """

    claim: Claim
    verdict: Verdict | None
    sources: list
    evidence: list
    consistency_checks: list
    corrections: list
    retractions: list
    other_appearances: list
    has_matches: bool


def claim_page(pk):
    """The ``ClaimPage`` of public claim ``pk`` (its article's text included), or None.

    Most claims have no corrections, retractions, consistency checks, other
    appearances or matches: the claim's row says which it has (EXISTS
    tests, a fraction of a millisecond each), and only those are read, so a
    typical page is four queries (claim, sources, evidence and the rating
    scale) and one with everything nine. Each query costs about a
    millisecond of Python to build, more than PostgreSQL takes to run it.

    Read by key without an ORDER BY, and each list in its own order: the
    Meta orderings sort through joins (a claim by its article's sort keys,
    a correction through verdict, claim and article). Columns no reader
    sees stay behind: the article's HTML (hundreds of kilobytes), the
    features behind the check-worthiness score, the extracted numbers.
    """
    own_verdict = OuterRef("current_verdict_id")
    claim = next(
        iter(
            Claim.objects.public()
            .filter(pk=pk)
            .select_related("article", "claimant_entity", "current_verdict__rating", "current_verdict__reviewer")
            .defer("article__html", "checkworthiness_features", "numbers")
            .annotate(
                has_checks=Exists(ConsistencyCheck.claims.through.objects.filter(claim_id=OuterRef("pk"))),
                has_corrections=Exists(Correction.objects.filter(verdict_id=own_verdict)),
                has_retractions=Exists(
                    Verdict.objects.filter(claim_id=OuterRef("pk"), status=Verdict.Status.RETRACTED)
                ),
                # ``other_appearances``'s test: a claim showing the verdict that is not the verdict's own
                has_other_appearances=Exists(
                    Claim.objects.filter(current_verdict_id=own_verdict, stale=False).exclude(
                        pk=OuterRef("current_verdict__claim_id")
                    )
                ),
                has_matches=Exists(ClaimMatch.objects.filter(claim_id=OuterRef("pk"))),
            )
            .order_by()[:1]
        ),
        None,
    )
    if claim is None:
        return None
    verdict = claim.current_verdict
    by_domain = Source.objects.order_by("domain", "canonical_url")  # Source's Meta order, said without a join
    lookups = [Prefetch("sources", queryset=by_domain)]
    if verdict is not None:
        verdict.claim = claim  # the ClaimReview builder reads the claim back through its verdict
        lookups.append(Prefetch("current_verdict__evidence", queryset=by_domain))
        if claim.has_corrections:
            # ``correction_entries`` puts them newest first.
            corrections = Correction.objects.select_related("previous_rating").order_by()
            lookups.append(Prefetch("current_verdict__corrections", queryset=corrections))
    if claim.has_checks:
        # A claim's consistency checks are its article's: "kind, id" is their Meta order within it.
        lookups.append(Prefetch("consistency_checks", queryset=ConsistencyCheck.objects.order_by("kind", "id")))
    prefetch_related_objects([claim], *lookups)
    return ClaimPage(
        claim=claim,
        verdict=verdict,
        sources=list(claim.sources.all()),
        evidence=list(verdict.evidence.all()) if verdict else [],
        consistency_checks=list(claim.consistency_checks.all()) if claim.has_checks else [],
        corrections=correction_entries(verdict) if verdict and claim.has_corrections else [],
        retractions=retractions(claim) if claim.has_retractions else [],
        other_appearances=other_appearances([verdict])[verdict.pk] if claim.has_other_appearances else [],
        has_matches=claim.has_matches,
    )


def retractions(claim=None, limit=500):
    """Retracted verdicts, newest first: ``claim``'s (its page) or every claim's (the corrections page); one query."""
    verdicts = Verdict.objects.filter(status=Verdict.Status.RETRACTED).select_related("rating")
    if claim is None:
        verdicts = verdicts.select_related("claim").defer("claim__checkworthiness_features")
    else:
        verdicts = verdicts.filter(claim=claim)
    return list(verdicts.order_by("-retracted_at", "-id")[:limit])


@dataclass(frozen=True)
class CorrectionEntry:
    """A public correction and what it changed: the rating only when it did, so a wording fix never reads as a re-rating."""

    correction: Correction
    rating_changed: bool
    summary_changed: bool
    rationale_changed: bool


def correction_entries(verdict, corrections=None):
    """``verdict``'s corrections, newest first, each with what it changed.

    A correction stores the verdict as it was before; what it became is the
    next newer correction's "before", or the verdict itself for the newest.
    """
    corrections = list(verdict.corrections.all() if corrections is None else corrections)
    corrections.sort(key=lambda c: (c.corrected_at, c.pk), reverse=True)
    entries = []
    after = (verdict.rating_id, verdict.summary, verdict.rationale)
    for correction in corrections:
        before = (correction.previous_rating_id, correction.previous_summary, correction.previous_rationale)
        entries.append(CorrectionEntry(correction, before[0] != after[0], before[1] != after[1], before[2] != after[2]))
        after = before
    return entries


def public_corrections(limit=500):
    """Every correction to a public verdict, newest first, each with what it changed (two queries)."""
    corrections = list(
        Correction.objects.filter(verdict__status__in=PUBLIC_VERDICT_STATUSES)
        .select_related("previous_rating", "verdict__rating", "verdict__claim")
        .defer("verdict__claim__checkworthiness_features")
        .order_by("-corrected_at", "-id")[:limit]
    )
    siblings = {}
    for sibling in Correction.objects.filter(verdict_id__in={c.verdict_id for c in corrections}).only(
        "id", "verdict_id", "corrected_at", "previous_rating_id", "previous_summary", "previous_rationale"
    ):
        siblings.setdefault(sibling.verdict_id, []).append(sibling)
    entries = []
    for correction in corrections:
        for entry in correction_entries(correction.verdict, siblings[correction.verdict_id]):
            if entry.correction.pk == correction.pk:
                entries.append(CorrectionEntry(correction, *dataclasses.astuple(entry)[1:]))
    return entries


def reviewer_display_name(verdict):
    """Who reviewed ``verdict`` as readers should see it: the reviewer's full name, never a login name."""
    reviewer = verdict.reviewer
    name = reviewer.get_full_name().strip() if reviewer is not None else ""
    return name or f"the {settings.FACTCHECK_ORGANISATION_NAME} team"


@dataclass(frozen=True)
class SourceUse:
    source: Source
    times: int


@dataclass(frozen=True)
class Record:
    """A claimant's or a topic's record: their claims (checked ones first), a scorecard by rating, their sources.

    ``counts`` has every rating of the scale (zeros included, so scorecards line up); ``checked`` is their total.
    """

    claims: list
    counts: list
    checked: int
    sources: list


def record_of(claims, *, limit=500, source_limit=20):
    """The record of ``claims`` (a Claim queryset): four queries whatever its size.

    Only claims with a published verdict count on the scorecard; unreviewed check-worthy claims are listed after
    the checked ones so a reader sees what is still waiting.
    """
    claims = claims.public().filter(Q(current_verdict__isnull=False) | Q(checkworthy=True))
    rows = list(claims.for_cards().newest_verdicts_first()[:limit])
    counts = rating_counts(claims)
    sources = (
        Source.objects.filter(claims__in=claims.values("pk"))
        .annotate(times=Count("id"))
        .order_by("-times", "domain", "id")[:source_limit]
    )
    return Record(
        claims=rows,
        counts=counts,
        checked=sum(item.count for item in counts),
        sources=[SourceUse(source, source.times) for source in sources],
    )


def topics_with_counts():
    """Topics that have at least one public checked claim, with how many, most first."""
    return (
        Topic.objects.annotate(
            checked=Count("claims", filter=Q(claims__stale=False, claims__current_verdict__isnull=False))
        )
        .filter(checked__gt=0)
        .order_by("-checked", "name")
    )


def claims_citing(source):
    return public_claims().filter(sources=source).order_by("-checkworthiness", "id")


def search_claims(query="", *, rating="", claim_type="", claimant=""):
    """Check-worthy claims matching words, optionally by rating, type and claimant.

    Without words, rated claims come first, newest verdict first; with words,
    the best matches (``ClaimQuerySet.search``).
    """
    claims = public_claims().filter(checkworthy=True)
    if rating == "unreviewed":
        claims = claims.unrated()
    elif rating:
        claims = claims.rated(rating)
    if claim_type:
        claims = claims.filter(claim_type=claim_type)
    if claimant:
        claims = claims.filter(claimant__icontains=claimant)
    if not query.strip():
        return claims.newest_verdicts_first()
    return claims.search(query, ranked=True)


def search_paginator(query="", *, per_page, **filters):
    """The search page's pages: the best matches counted with the page when there are words, else the newest
    verdicts first (``search_claims``)."""
    results = search_claims(query, **filters)
    if not query.strip():
        return LargeTablePaginator(results, per_page)
    return RankedSearchPaginator(results, per_page, read_rows=lambda ids: Claim.objects.for_cards().filter(pk__in=ids))


def matching(claims, query, *, vendor=None, ranked=False):
    """Claims whose text or claimant match the words of ``query`` (``ClaimQuerySet.search``; ``vendor`` is unused)."""
    return claims.search(query, ranked=ranked)


def split_paragraph(article_text, claim):
    """The claim's paragraph of ``article_text`` split around the claim: (before, claim, after), plain text.

    A claim whose span no longer matches the text (the article was
    re-extracted) stands alone.
    """
    if not claim.text or article_text[claim.start : claim.end] != claim.text:
        return "", claim.text, ""
    start, end = paragraph_bounds(article_text, claim.start)
    return article_text[start : claim.start], claim.text, article_text[claim.end : end]


def surrounding_sentences(claim):
    """The claim's paragraph split around the claim: (before, claim, after), plain text."""
    return split_paragraph(claim.article.text, claim)


@dataclass(frozen=True)
class Excerpt:
    """A claim in its paragraph: the text before it, the claim, the text after it."""

    claim: Claim
    before: str
    text: str
    after: str


@dataclass(frozen=True)
class Segment:
    """A run of an article's paragraph; ``claim`` is set when the run is that claim."""

    text: str
    claim: Claim | None = None


@dataclass(frozen=True)
class ArticleReading:
    """What the public article page shows.

    ``rated``: claims with a published verdict, in their paragraphs.
    ``unreviewed``: check-worthy claims still waiting for a verdict.
    ``paragraphs``: the full text as segments, only for a republishable article.
    """

    rated: list
    unreviewed: list
    paragraphs: list


def article_reading(article, claims=None):
    """Excerpts of ``article``'s checked and check-worthy claims, and its full text when it may be republished.

    ``claims``: ``reading_claims(article)`` when the caller has read them.
    """
    claims = reading_claims(article) if claims is None else claims

    def excerpt(claim):
        return Excerpt(claim, *split_paragraph(article.text, claim))

    rated = [excerpt(claim) for claim in claims if claim.current_verdict_id]
    unreviewed = [excerpt(claim) for claim in claims if not claim.current_verdict_id]
    return ArticleReading(
        rated=rated,
        unreviewed=unreviewed,
        paragraphs=paragraph_segments(article, claims) if article.republishable else [],
    )


# What the article page reads of each claim: where it stands and its words, whether it is check-worthy and who said
# it (the sourcing report), its verdict's summary and rating.
READING_COLUMNS = (
    "article_id",
    "text",
    "paragraph",
    "start",
    "end",
    "checkworthy",
    "claimant",
    "current_verdict__summary",
    "current_verdict__rating__slug",
    "current_verdict__rating__label",
    "current_verdict__rating__colour",
)


def reading_claims(article):
    """``article``'s public claims that are checked or check-worthy, in reading order, with verdict and rating:
    ``READING_COLUMNS`` only, as an article has a hundred claims or more."""
    return list(
        Claim.objects.public()
        .filter(article=article)
        .filter(Q(current_verdict__isnull=False) | Q(checkworthy=True))
        .select_related("current_verdict__rating")
        .only(*READING_COLUMNS)
        .order_by("start")
    )


@dataclass(frozen=True)
class ArticlePage:
    """What an article's public page shows: its claims to read, its sourcing, its verdicts by rating."""

    reading: ArticleReading
    report: SourcingReport
    counts: list


def article_page(article):
    """The ``ArticlePage`` of ``article``, from one read of its checked and check-worthy claims.

    The reading, the sourcing report (its check-worthy claims) and the
    verdict counts (its checked ones: every public claim with a current
    verdict is among them) share that read: five queries with the article.
    """
    claims = reading_claims(article)
    totals = Counter(claim.current_verdict.rating_id for claim in claims if claim.current_verdict_id)
    return ArticlePage(
        reading=article_reading(article, claims),
        report=sourcing_report(article, [claim for claim in claims if claim.checkworthy]),
        counts=counts_by_rating(totals),
    )


def paragraph_segments(article, claims):
    """Each paragraph of ``article`` as segments, the spans of ``claims`` cut out (overlaps keep the earlier claim)."""
    by_paragraph = {}
    for claim in claims:
        by_paragraph.setdefault(claim.paragraph, []).append(claim)
    paragraphs = []
    offset = 0
    for index, text in enumerate(article.paragraphs()):
        segments, position = [], 0
        for claim in sorted(by_paragraph.get(index, []), key=lambda c: (c.start, -c.end)):
            start, end = claim.start - offset, claim.end - offset
            if start < position or end > len(text) or text[start:end] != claim.text:
                continue
            if start > position:
                segments.append(Segment(text[position:start]))
            segments.append(Segment(text[start:end], claim))
            position = end
        if position < len(text):
            segments.append(Segment(text[position:]))
        paragraphs.append(segments)
        offset += len(text) + 2
    return paragraphs


def other_appearances(verdicts):
    """``{verdict id: [articles]}``: where else each verdict's claim appears (claims that reuse the verdict).

    One query for any number of verdicts, so feeds stay constant in queries.
    """
    appearances = {verdict.pk: [] for verdict in verdicts}
    if not appearances:
        return appearances
    claims = (
        Claim.objects.filter(current_verdict__in=list(appearances), stale=False)
        .exclude(current_verdict__claim=F("pk"))
        .select_related("article")
        .only(
            "current_verdict_id",
            "article",
            "article__title",
            "article__url",
            "article__published_at",
            "article__outlet",
        )
        .order_by("article__published_at", "id")
    )
    for claim in claims:
        appearances[claim.current_verdict_id].append(claim.article)
    return appearances


@dataclass(frozen=True)
class ClaimantTally:
    """A claimant's checked record: how their checked claims were rated."""

    ratings: dict = dataclasses.field(default_factory=dict)

    @property
    def checked(self):
        return sum(self.ratings.values())


def claimant_tallies(claimant_ids):
    """``{claimant id: ClaimantTally}`` for ``claimant_ids``, in one query whatever their number.

    Ratings count current verdicts only, which are always published ones
    (``Claim.current_verdict``): a draft never shows. Stale claims are left
    out, as on the public pages. Only checked claims are read (a tenth of
    them, typically): counting every claim as well made a page of claimants
    with 25,000 claims each cost 1.3 s at 200,000 claims, against 90 ms.
    """
    rows = (
        Claim.objects.public()
        .rated()
        .filter(claimant_entity_id__in=list(claimant_ids))
        .values_list("claimant_entity_id", "current_verdict__rating__slug")
        .annotate(n=Count("id"))
        .order_by()
    )
    ratings = {}
    for claimant_id, slug, n in rows:
        ratings.setdefault(claimant_id, {})[slug] = n
    return {pk: ClaimantTally(ratings.get(pk, {})) for pk in claimant_ids}


def citations_of(claim):
    """The links the article cites for ``claim``: its links to the claim's sources, in reading order.

    Extraction gives a claim the sources linked in or next to its sentence
    (``Claim.sources``); these are the places in the article that link to
    them, with the words linked.
    """
    return (
        Citation.objects.filter(article_id=claim.article_id, source__claims=claim)
        .select_related("source")
        .order_by("start", "id")
    )


def claim_review_feed():
    """Claims whose current verdict is their own (not one reused from a repeated claim), for the ClaimReview feed.

    Ordered by the claim's ``updated_at``, which moves with every change to
    what their ClaimReview says: publication, a correction of the verdict
    (``reviews._touch_claim``) or of the claim, re-extraction.
    """
    # "Has a published verdict of its own" as a semi-join: written as current_verdict.claim_id = id, PostgreSQL
    # misjudged the two-column join (see ``current_published_verdicts``) and a page took 15 s at 200,000 claims;
    # this walks claim_updated_idx and costs about 10 ms.
    own = Verdict.objects.filter(claim_id=OuterRef("pk"), status=Verdict.Status.PUBLISHED)
    return (
        Claim.objects.rated()
        .filter(Exists(own))
        .select_related("article", "claimant_entity", "current_verdict__rating")
        .defer(*ARTICLE_BODY, "checkworthiness_features")
    )
