"""Reads for claims: the review queue, a claim in its context, an article's sourcing report.

Shared by the admin and the public pages, with related rows fetched up front
so a page's query count does not grow with its rows.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from .models import Claim, Verdict
from .rendering import Highlight, highlight
from .sources import SourceKind

PRIMARY_KINDS = {SourceKind.GOVERNMENT, SourceKind.PRESS_RELEASE}


def claims_for_list():
    """Claims with what a list row shows: article, current rating, assignee and source count."""
    return Claim.objects.select_related("article", "current_verdict__rating", "assigned_to").annotate(
        source_count=Count("sources", distinct=True)
    )


def review_queue():
    return (
        claims_for_list()
        .filter(checkworthy=True, stale=False, status__in=[Claim.Status.NEW, Claim.Status.IN_REVIEW])
        .order_by("-checkworthiness", "id")
    )


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


def article_with_highlights(article, claims, link=None):
    """Each paragraph of ``article`` as safe HTML with its check-worthy claims marked by their current rating."""
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
            attributes = {
                "data-claim": claim.pk,
                "data-rating": verdict.rating.slug if verdict else "unreviewed",
                "title": label,
            }
            if verdict:
                attributes["style"] = (
                    f"background-color: {verdict.rating.colour}33; border-bottom: 3px solid {verdict.rating.colour}"
                )
            marks.append(Highlight(claim.start - offset, claim.end - offset, attributes, link(claim) if link else ""))
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


def checks_for_claim(claim):
    return claim.consistency_checks.all()


def verdicts_newest_first():
    return Prefetch(
        "verdicts", queryset=Verdict.objects.select_related("rating", "reviewer").order_by("-created_at", "-id")
    )


def published_filter():
    return Q(status=Verdict.Status.PUBLISHED)
