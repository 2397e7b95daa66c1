"""Reads for claims: the review queue, a claim in its context, an article's sourcing report.

Shared by the admin and the public pages, with related rows fetched up front
so a page's query count does not grow with its rows.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.utils.html import format_html

from .models import Claim, Correction, Rating, Verdict
from .rendering import Highlight, highlight
from .sources import SourceKind

PRIMARY_KINDS = {SourceKind.GOVERNMENT, SourceKind.PRESS_RELEASE}


# An article's raw HTML and text run to hundreds of kilobytes: rows that only name their article leave them behind.
ARTICLE_BODY = ("article__html", "article__text")


def claims_for_list():
    """Claims with what a list row shows: article, current rating, assignee and cited sources.

    Sources are prefetched (one query per page) rather than counted with a
    GROUP BY, which would aggregate the whole table before the page is cut:
    at a million claims that is seconds instead of milliseconds.
    """
    return (
        Claim.objects.select_related("article", "current_verdict__rating", "assigned_to")
        .defer(*ARTICLE_BODY, "checkworthiness_features")
        .prefetch_related("sources")
    )


def with_rating(claims, slug):
    """Claims whose current verdict has the rating ``slug``.

    The explicit "has a current verdict" lets PostgreSQL walk the partial
    index of reviewed claims instead of every claim in the table.
    """
    return claims.filter(current_verdict__isnull=False, current_verdict__rating__slug=slug)


def with_sources(claims, cited=True):
    """Claims that cite at least one source (or, with ``cited=False``, none), as an EXISTS test."""
    cites = Exists(Claim.sources.through.objects.filter(claim_id=OuterRef("pk")))
    return claims.filter(cites) if cited else claims.filter(~cites)


def paragraph_start(article_text, index):
    """Offset of paragraph ``index`` in an article text whose paragraphs are separated by a blank line."""
    position = 0
    for _ in range(index):
        found = article_text.find("\n\n", position)
        if found == -1:
            return None
        position = found + 2
    return position


def claim_in_context(claim):
    """The claim's paragraph as safe HTML with the claim's own span in ``<mark>``."""
    text = claim.article.text
    start = paragraph_start(text, claim.paragraph)
    if start is None or claim.stale or text[claim.start : claim.end] != claim.text:
        return highlight(claim.text, [Highlight(0, len(claim.text), {"class": "claim"})])
    end = text.find("\n\n", start)
    paragraph = text[start : end if end != -1 else len(text)]
    return highlight(paragraph, [Highlight(claim.start - start, claim.end - start, {"class": "claim"})])


def article_with_highlights(article, claims, link=None, popovers=False):
    """Each paragraph of ``article`` as safe HTML with its check-worthy claims marked by their current rating.

    The rating is carried three ways, so colour is never the only one: the
    highlight's colour, a visible label after the claim, and the popover
    (``popovers=True``) with the verdict summary that opens on hover and focus.
    """
    by_paragraph = {}
    for claim in claims:
        if claim.checkworthy and not claim.stale:
            by_paragraph.setdefault(claim.paragraph, []).append(claim)
    rendered = []
    offset = 0
    for index, paragraph in enumerate(article.paragraphs()):
        marks = []
        for claim in by_paragraph.get(index, []):
            verdict = claim.current_verdict
            label = verdict.rating.label if verdict else "Unreviewed"
            attributes = {"data-claim": claim.pk, "data-rating": verdict.rating.slug if verdict else "unreviewed"}
            if verdict:
                attributes["style"] = (
                    f"background-color: {verdict.rating.colour}26; border-bottom-color: {verdict.rating.colour}"
                )
            suffix = ""
            if popovers:
                summary = verdict.summary if verdict else "Not reviewed yet."
                suffix = format_html(
                    '<span class="rating-label">[{}]</span><span class="pop" role="tooltip" id="pop-{}"><strong>{}</strong>: {}</span>',
                    label,
                    claim.pk,
                    label,
                    summary,
                )
                attributes["aria-describedby"] = f"pop-{claim.pk}"
            else:
                attributes["title"] = label
            marks.append(
                Highlight(claim.start - offset, claim.end - offset, attributes, link(claim) if link else "", suffix)
            )
        rendered.append(highlight(paragraph, marks))
        offset += len(paragraph) + 2
    return rendered


@dataclass(frozen=True)
class SourcingReport:
    claims: int
    checkworthy: int
    sourced: int
    unsourced: int
    primary: list
    secondary: list


def sourcing_report(article):
    """How well an article backs its check-worthy claims, and which cited sources are primary.

    A source is primary for a claim when it is the claimant's own post (the
    account handle carries the claimant's surname) or an official page
    (government, press release); everything else is secondary.
    """
    claims = list(article.claims.filter(stale=False).prefetch_related("sources"))
    checkworthy = [claim for claim in claims if claim.checkworthy]
    sourced = [claim for claim in checkworthy if claim.sources.all()]
    primary, secondary = {}, {}
    for claim in checkworthy:
        for source in claim.sources.all():
            if is_primary(source, claim.claimant):
                primary[source.pk] = source
            else:
                secondary[source.pk] = source
    for pk in primary:
        secondary.pop(pk, None)
    return SourcingReport(
        claims=len(claims),
        checkworthy=len(checkworthy),
        sourced=len(sourced),
        unsourced=len(checkworthy) - len(sourced),
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
    """Claims as readers see them: current (published) verdict and article joined, sources prefetched."""
    return (
        Claim.objects.filter(stale=False)
        .select_related("article", "current_verdict__rating", "current_verdict__reviewer")
        .prefetch_related("sources")
    )


def current_published_verdicts():
    """Published verdicts that are their claim's current verdict, newest first.

    Written as ``id IN (current verdict ids)`` rather than a join on
    ``claim.current_verdict_id = verdict.id``: PostgreSQL estimates that
    two-column join at one row and picks a plan that took a minute at a
    million claims; the IN form walks the published-verdict index (1 ms).
    """
    current = Claim.objects.filter(current_verdict__isnull=False).values("current_verdict_id")
    return Verdict.objects.published().filter(id__in=current).order_by("-published_at", "-id")


def latest_published(limit=10):
    """Claims whose current verdict was published most recently."""
    newest = current_published_verdicts().values("id")[:limit]
    return public_claims().filter(current_verdict__in=newest).order_by("-current_verdict__published_at", "-id")


@dataclass(frozen=True)
class RatingCount:
    rating: object
    count: int
    width: float


def rating_counts(claims=None, chart_width=200):
    """Each rating with how many current verdicts carry it, and a bar width for the chart."""
    queryset = Claim.objects.filter(stale=False, current_verdict__isnull=False) if claims is None else claims
    totals = dict(queryset.values_list("current_verdict__rating").annotate(n=Count("id")).order_by())
    largest = max(totals.values(), default=0)
    return [
        RatingCount(
            rating, totals.get(rating.pk, 0), (chart_width * totals.get(rating.pk, 0) / largest) if largest else 0
        )
        for rating in Rating.objects.order_by("order", "id")
    ]


def claim_page(pk):
    """A claim with everything its public page shows, or None."""
    return (
        public_claims()
        .prefetch_related(
            "consistency_checks",
            "current_verdict__evidence",
            Prefetch("current_verdict__corrections", queryset=Correction.objects.select_related("previous_rating")),
        )
        .filter(pk=pk)
        .first()
    )


def claims_of_claimant(slug):
    return (
        public_claims().filter(claimant_slug=slug).order_by("-current_verdict__published_at", "-checkworthiness", "id")
    )


def claims_citing(source):
    return public_claims().filter(sources=source).order_by("-checkworthiness", "id")


def search_claims(query="", *, rating="", claim_type="", claimant="", vendor="sqlite"):
    """Check-worthy claims matching words, optionally by rating, type and claimant.

    On PostgreSQL the words go through full-text search (``websearch`` syntax,
    English stemming, the GIN index of migration 0007), ranked; elsewhere each
    word must appear in the text or the claimant.
    """
    claims = public_claims().filter(checkworthy=True)
    if rating == "unreviewed":
        claims = claims.filter(current_verdict__isnull=True)
    elif rating:
        claims = with_rating(claims, rating)
    if claim_type:
        claims = claims.filter(claim_type=claim_type)
    if claimant:
        claims = claims.filter(claimant__icontains=claimant)
    if not query.strip():
        return claims.order_by("-current_verdict__published_at", "-checkworthiness", "id")
    return matching(claims, query, vendor=vendor, ranked=True)


def matching(claims, query, *, vendor, ranked=False):
    """Claims whose text or claimant match the words of ``query``.

    PostgreSQL: full-text search in ``websearch`` syntax with English stemming,
    on the stored, GIN-indexed ``search_vector`` column of migration 0012;
    ``ranked`` orders by relevance. Elsewhere every word must appear as a
    substring.
    """
    query = query.strip()[:200]
    if not query:
        return claims
    if vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

        vector = RawSQL(f'"{Claim._meta.db_table}"."search_vector"', [], output_field=SearchVectorField())
        search = SearchQuery(query, config="english", search_type="websearch")
        claims = claims.alias(search_vector=vector).filter(search_vector=search)
        return claims.annotate(rank=SearchRank(vector, search)).order_by("-rank", "id") if ranked else claims
    for word in query.split()[:10]:
        claims = claims.filter(Q(text__icontains=word) | Q(claimant__icontains=word))
    return claims.order_by("-checkworthiness", "id") if ranked else claims


def surrounding_sentences(claim):
    """The claim's paragraph split around the claim: (before, claim, after), plain text."""
    text = claim.article.text
    start = paragraph_start(text, claim.paragraph)
    if start is None or text[claim.start : claim.end] != claim.text:
        return "", claim.text, ""
    end = text.find("\n\n", start)
    end = len(text) if end == -1 else end
    return text[start : claim.start], claim.text, text[claim.end : end]
