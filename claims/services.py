"""Writes for claims: storing an extraction, and re-extracting without losing reviewers' work.

Keyword-light plain functions; callers open the transaction (ingestion) or
these functions do (re-extraction).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from .extraction import extract_claims
from .models import Citation, Claim, ConsistencyCheck, Quotation, Source
from .sources import describe_source


def ensure_sources(hrefs):
    """``{href: Source}`` for ``hrefs``, creating the missing sources in one insert.

    Safe under concurrency: a source another process inserts meanwhile is
    picked up by the re-read instead of failing on the unique constraint.
    """
    infos = {href: describe_source(href) for href in hrefs}
    wanted = {info.canonical_url: info for info in infos.values()}
    existing = {source.canonical_url: source for source in Source.objects.filter(canonical_url__in=wanted)}
    missing = [
        Source(canonical_url=info.canonical_url, domain=info.domain, kind=info.kind, handle=info.handle)
        for url, info in wanted.items()
        if url not in existing
    ]
    if missing:
        Source.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {source.canonical_url: source for source in Source.objects.filter(canonical_url__in=wanted)}
    return {href: existing[info.canonical_url] for href, info in infos.items()}


def store_extraction(article, parsed, extraction):
    """Citations, claims, quotations and checks of a freshly stored article."""
    sources = ensure_sources({link.href for link in parsed.links})
    _store_citations(article, parsed, sources)
    claims = bulk_create_with_history([_new_claim(article, candidate) for candidate in extraction.claims], Claim)
    _store_claim_sources(zip(claims, extraction.claims, strict=True), sources)
    _store_quotations_and_checks(article, extraction, claims)
    return claims


@transaction.atomic
def reextract_article(article):
    """Run the current extractor again over a stored article, keeping reviewers' work.

    Claims are matched to the new candidates by their text-quote anchor
    (exact text with prefix and suffix, then exact text alone when that is
    unambiguous). A matched claim keeps its id, status and verdicts; its
    position is updated, and so are its extracted fields while nobody has
    reviewed it. A claim no longer found is marked stale when it has been
    reviewed or has verdicts, and deleted otherwise. Returns a summary dict.
    """
    from articles.parsing import parse_article

    parsed = parse_article(article.html, article.url or None)
    extraction = extract_claims(parsed.paragraphs, parsed.text)
    article.text = parsed.text
    article.paragraph_count = len(parsed.paragraphs)
    article.save(update_fields=["text", "paragraph_count"])

    sources = ensure_sources({link.href for link in parsed.links})
    article.citations.all().delete()
    _store_citations(article, parsed, sources)

    old_claims = list(article.claims.with_verdict_count())
    by_anchor = {(c.text, c.prefix, c.suffix): c for c in old_claims}
    by_text = {}
    for claim in old_claims:
        by_text.setdefault(claim.text, []).append(claim)

    matched, created = [], []
    used = set()
    for candidate in extraction.claims:
        claim = by_anchor.get((candidate.text, candidate.prefix, candidate.suffix))
        if claim is None or claim.pk in used:
            same_text = [c for c in by_text.get(candidate.text, []) if c.pk not in used]
            claim = same_text[0] if len(same_text) == 1 else None
        if claim is None:
            created.append((_new_claim(article, candidate), candidate))
            continue
        used.add(claim.pk)
        _update_claim(claim, candidate)
        matched.append((claim, candidate))

    stale, deleted = [], []
    for claim in old_claims:
        if claim.pk in used:
            continue
        if claim.verdict_count or claim.status != Claim.Status.NEW:
            stale.append(claim)
        else:
            deleted.append(claim.pk)
    Claim.objects.filter(pk__in=deleted).delete()
    for claim in stale:
        claim.stale = True
    bulk_update_with_history(stale, Claim, fields=["stale"])

    new_claims = bulk_create_with_history([claim for claim, _ in created], Claim)
    if matched:
        bulk_update_with_history([claim for claim, _ in matched], Claim, fields=UPDATED_ON_REEXTRACTION)
    pairs = matched + list(zip(new_claims, [candidate for _, candidate in created], strict=True))
    Claim.sources.through.objects.filter(claim__in=[claim for claim, _ in matched]).delete()
    _store_claim_sources(pairs, sources)

    article.quotations.all().delete()
    article.consistency_checks.all().delete()
    by_candidate = {id(candidate): claim for claim, candidate in pairs}
    _store_quotations_and_checks(article, extraction, [by_candidate[id(candidate)] for candidate in extraction.claims])
    return {"matched": len(matched), "created": len(new_claims), "stale": len(stale), "deleted": len(deleted)}


UPDATED_ON_REEXTRACTION = [
    "text",
    "paragraph",
    "start",
    "end",
    "prefix",
    "suffix",
    "stale",
    "claim_type",
    "claimant",
    "claimant_slug",
    "target",
    "checkworthiness",
    "checkworthy",
    "checkworthiness_features",
    "numbers",
    "updated_at",
]


def _new_claim(article, candidate):
    claim = Claim(article=article)
    _copy_position(claim, candidate)
    _copy_extracted_fields(claim, candidate)
    return claim


def _update_claim(claim, candidate):
    _copy_position(claim, candidate)
    claim.stale = False
    claim.updated_at = timezone.now()
    if claim.status == Claim.Status.NEW and not claim.verdict_count:
        _copy_extracted_fields(claim, candidate)


def _copy_position(claim, candidate):
    claim.text = candidate.text
    claim.paragraph = candidate.paragraph
    claim.start = candidate.start
    claim.end = candidate.end
    claim.prefix = candidate.prefix
    claim.suffix = candidate.suffix


def _copy_extracted_fields(claim, candidate):
    claim.claim_type = candidate.type
    claim.claimant = candidate.claimant[:200]
    claim.claimant_slug = slugify(claim.claimant)
    claim.target = candidate.target[:200]
    claim.checkworthiness = candidate.checkworthiness
    claim.checkworthy = candidate.checkworthy
    claim.checkworthiness_features = candidate.features
    claim.numbers = [
        {"value": number.value, "unit": number.unit, "qualifier": number.qualifier, "subject": number.subject}
        for number in candidate.numbers
    ]


def _store_citations(article, parsed, sources):
    paragraph_of = {}
    for paragraph in parsed.paragraphs:
        for link in paragraph.links:
            paragraph_of[(link.start, link.end)] = paragraph.index
    Citation.objects.bulk_create(
        Citation(
            article=article,
            source=sources[link.href],
            href=link.href[:2048],
            anchor_text=link.text[:1000],
            paragraph=paragraph_of[(link.start, link.end)],
            start=link.start,
            end=link.end,
        )
        for link in parsed.links
    )


def _store_claim_sources(pairs, sources):
    by_canonical = {source.canonical_url: source for source in sources.values()}
    through = Claim.sources.through
    rows = []
    for claim, candidate in pairs:
        for url in candidate.sources:
            if url in by_canonical:
                rows.append(through(claim_id=claim.pk, source_id=by_canonical[url].pk))
    through.objects.bulk_create(rows, ignore_conflicts=True)


def _store_quotations_and_checks(article, extraction, claims):
    Quotation.objects.bulk_create(
        Quotation(
            article=article,
            text=quotation.text,
            speaker=quotation.speaker[:200],
            paragraph=quotation.paragraph,
            start=quotation.start,
            end=quotation.end,
        )
        for quotation in extraction.quotations
    )
    checks = ConsistencyCheck.objects.bulk_create(
        ConsistencyCheck(article=article, kind=check.kind, ok=check.ok, detail=check.detail[:500])
        for check in extraction.checks
    )
    through = ConsistencyCheck.claims.through
    through.objects.bulk_create(
        through(consistencycheck_id=stored.pk, claim_id=claims[index].pk)
        for stored, check in zip(checks, extraction.checks, strict=True)
        for index in dict.fromkeys(check.claims)
    )
