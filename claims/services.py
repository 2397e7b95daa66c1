"""Writes for claims: storing an extraction, and re-extracting without losing reviewers' work.

Keyword-light plain functions; callers open the transaction (ingestion) or
these functions do (re-extraction).
"""

from itertools import islice
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_update_with_history

from integrations import changes
from matching.tasks import enqueue_claim_matching

from . import tally
from .bulkcopy import insert_created_history, insert_rows
from .claimants import normalise_name, resolve_claimants
from .models import Citation, Claim, ConsistencyCheck, Quotation, Source
from .sources import MAX_DOMAIN_LENGTH, MAX_URL_LENGTH, describe_source
from .venues import claim_venue


def ensure_sources(hrefs):
    """``{href: Source}`` for ``hrefs``, creating the missing sources in one insert.

    Safe under concurrency: a source another process inserts meanwhile is
    picked up by the re-read instead of failing on the unique constraint.
    """
    infos = {href: describe_source(href) for href in hrefs}
    # A link whose canonical form outgrows the columns (percent-encoding lengthens a URL) is not a source.
    infos = {
        href: info
        for href, info in infos.items()
        if len(href) <= MAX_URL_LENGTH
        and len(info.canonical_url) <= MAX_URL_LENGTH
        and len(info.domain) <= MAX_DOMAIN_LENGTH
    }
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


def store_extractions(items):
    """Citations, claims, quotations and checks of freshly stored articles, given as ``(article, parsed, extraction)``.

    One insert per table for all the articles, not per article. Returns each
    article's new claim ids, in the order of ``items``.
    """
    sources = ensure_sources({link.href for _, parsed, _ in items for link in parsed.links})
    _store_citations(items, sources)
    ids = iter(_insert_claims([(article, c) for article, _, extraction in items for c in extraction.claims]))
    ids_by_item = [list(islice(ids, len(extraction.claims))) for _, _, extraction in items]
    _store_claim_sources(
        (
            pair
            for claim_ids, (_, _, extraction) in zip(ids_by_item, items, strict=True)
            for pair in zip(claim_ids, extraction.claims, strict=True)
        ),
        sources,
    )
    _store_quotations_and_checks(
        [
            (article, extraction, claim_ids)
            for claim_ids, (article, _, extraction) in zip(ids_by_item, items, strict=True)
        ]
    )
    return ids_by_item


def _insert_claims(article_candidates):
    """New claims for ``(article, candidate)`` pairs, each with its "created" history row; returns their ids."""
    now = timezone.now()
    venues = [(article, c, _venue(article, c)) for article, c in article_candidates]
    claimants = resolve_claimants({venue.claimant for _, _, venue in venues})
    rows = [
        {
            "article_id": article.pk,
            "created_at": now,
            "updated_at": now,
            **_position(c),
            **_extracted_fields(c),
            **_as_checked(article, c, venue, claimants),
        }
        for article, c, venue in venues
    ]
    ids = insert_rows(Claim, rows)
    insert_created_history(Claim, ids, when=now)
    return ids


@transaction.atomic
def store_reextraction(article, parsed, extraction):
    """Store a fresh analysis of a stored article (``articles.analysis.reextract_article``), keeping reviewers' work.

    ``parsed`` and ``extraction`` are the article's HTML parsed and extracted
    again by the current code. Claims are matched to the new candidates by their text-quote anchor
    (exact text with prefix and suffix, then exact text alone when that is
    unambiguous). A matched claim keeps its id, status and verdicts; its
    position is updated, and so are its extracted fields while nobody has
    reviewed it. A claim no longer found is marked stale when it has been
    reviewed or has verdicts, and deleted otherwise. Returns a summary dict.
    """
    # Claims going stale (or back) leave (or rejoin) the published-verdict tally.
    own_claims = Claim.objects.filter(article=article)
    tallied = tally.snapshot(own_claims)
    article.text = parsed.text
    article.paragraph_count = len(parsed.paragraphs)
    article.save(update_fields=["text", "paragraph_count", "updated_at"])

    sources = ensure_sources({link.href for link in parsed.links})
    article.citations.all().delete()
    _store_citations([(article, parsed, extraction)], sources)

    old_claims = list(article.claims.with_verdict_count())
    by_anchor = {(c.text, c.prefix, c.suffix): c for c in old_claims}
    by_text = {}
    for claim in old_claims:
        by_text.setdefault(claim.text, []).append(claim)

    matched, created = [], []
    used = set()
    before, before_matched_on = {}, {}
    for candidate in extraction.claims:
        claim = by_anchor.get((candidate.text, candidate.prefix, candidate.suffix))
        if claim is None or claim.pk in used:
            same_text = [c for c in by_text.get(candidate.text, []) if c.pk not in used]
            claim = same_text[0] if len(same_text) == 1 else None
        if claim is None:
            created.append(candidate)
            continue
        used.add(claim.pk)
        before[claim.pk] = _reextracted_values(claim)
        before_matched_on[claim.pk] = _matched_on(claim)
        _update_claim(claim, candidate)
        matched.append((claim, candidate))
    _fill_as_checked(article, matched)
    # Only claims whose extracted fields really changed are saved, stamped and given a history row:
    # reviewers see a change in the history only when there is one.
    now = timezone.now()
    changed = [claim for claim, _ in matched if _reextracted_values(claim) != before[claim.pk]]
    for claim in changed:
        claim.updated_at = now

    stale, deleted = [], []
    for claim in old_claims:
        if claim.pk in used:
            continue
        if claim.verdict_count or claim.status != Claim.Status.NEW:
            stale.append(claim)
        else:
            deleted.append(claim.pk)
    Claim.objects.filter(pk__in=deleted).delete()
    newly_stale = [claim for claim in stale if not claim.stale]
    for claim in newly_stale:
        claim.stale = True
        claim.updated_at = now
    bulk_update_with_history(newly_stale, Claim, fields=["stale", "updated_at"])

    new_ids = _insert_claims([(article, candidate) for candidate in created])
    if changed:
        bulk_update_with_history(changed, Claim, fields=UPDATED_ON_REEXTRACTION)
    pairs = [(claim.pk, candidate) for claim, candidate in matched] + list(zip(new_ids, created, strict=True))
    Claim.sources.through.objects.filter(claim__in=[claim for claim, _ in matched]).delete()
    _store_claim_sources(pairs, sources)

    article.quotations.all().delete()
    article.consistency_checks.all().delete()
    id_of = {id(candidate): claim_id for claim_id, candidate in pairs}
    _store_quotations_and_checks([(article, extraction, [id_of[id(candidate)] for candidate in extraction.claims])])
    changes.record(article, changes.Kind.UPDATED)
    changes.record_many([*newly_stale, *changed], changes.Kind.UPDATED)
    changes.record_many(Claim.objects.filter(pk__in=new_ids), changes.Kind.CREATED)
    changes.record_rows(changes.Resource.CLAIM, deleted, changes.Kind.DELETED)
    tally.settle(own_claims, tallied)
    # Claims found anew, or reworded, may repeat something already checked: matched again once committed.
    reworded = [claim.pk for claim in changed if _matched_on(claim) != before_matched_on[claim.pk]]
    transaction.on_commit(lambda: enqueue_claim_matching([*new_ids, *reworded]))
    return {"matched": len(matched), "created": len(new_ids), "stale": len(stale), "deleted": len(deleted)}


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
    "statement",
    "claimant_entity",
    "claim_date",
    "venue",
    "venue_url",
    "updated_at",
]


def _venue(article, candidate):
    """Where the claim was made: the claimant's own cited post, else the article (outlet or domain, URL)."""
    return claim_venue(
        claimant=candidate.claimant,
        sentence=candidate.text,
        cited=candidate.sources,
        article_venue=article.outlet or urlsplit(article.url).hostname or "",
        article_url=article.url,
    )


def _as_checked(article, candidate, venue, claimants):
    """The claim as checked, pre-filled for a reviewer: statement, claimant entity, date and venue."""
    claimant = claimants.get(normalise_name(venue.claimant))
    return {
        "statement": candidate.statement,
        "claimant_entity_id": claimant.pk if claimant else None,
        "claim_date": article.published_at.date() if article.published_at else None,
        "venue": venue.venue[:200],
        "venue_url": venue.url[:2048],
    }


def _fill_as_checked(article, matched):
    """Pre-fill what a reviewer has left empty of the claim as checked, on claims nobody has reviewed."""
    unreviewed = [(claim, c, _venue(article, c)) for claim, c in matched if _extracted_fields_follow(claim)]
    claimants = resolve_claimants({venue.claimant for _, _, venue in unreviewed})
    for claim, candidate, venue in unreviewed:
        for name, value in _as_checked(article, candidate, venue, claimants).items():
            if getattr(claim, name) in (None, ""):
                setattr(claim, name, value)


def _extracted_fields_follow(claim):
    """A claim takes the extractor's fields while nobody has reviewed it."""
    return claim.status == Claim.Status.NEW and not claim.verdict_count


def _update_claim(claim, candidate):
    changes = _position(candidate)
    if _extracted_fields_follow(claim):
        changes.update(_extracted_fields(candidate))
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.stale = False


def _reextracted_values(claim):
    """The values re-extraction may change, to tell a real change from a re-run that found the same."""
    return [getattr(claim, Claim._meta.get_field(name).attname) for name in UPDATED_ON_REEXTRACTION[:-1]]


def _matched_on(claim):
    """What claim matching reads of a claim (``matching.services.find_matches``)."""
    return (claim.text, claim.statement, claim.claimant)


def _position(candidate):
    return {
        "text": candidate.text,
        "paragraph": candidate.paragraph,
        "start": candidate.start,
        "end": candidate.end,
        "prefix": candidate.prefix,
        "suffix": candidate.suffix,
    }


def _extracted_fields(candidate):
    claimant = candidate.claimant[:200]
    return {
        "claim_type": candidate.type,
        "claimant": claimant,
        "claimant_slug": slugify(claimant),
        "target": candidate.target[:200],
        "checkworthiness": candidate.checkworthiness,
        "checkworthy": candidate.checkworthy,
        "checkworthiness_features": candidate.features,
        "numbers": [
            {"value": number.value, "unit": number.unit, "qualifier": number.qualifier, "subject": number.subject}
            for number in candidate.numbers
        ],
    }


def _store_citations(items, sources):
    insert_rows(
        Citation,
        [
            {
                "article_id": article.pk,
                "source_id": sources[link.href].pk,
                "href": link.href[:2048],
                "anchor_text": link.text[:1000],
                "paragraph": paragraph.index,
                "start": link.start,
                "end": link.end,
            }
            for article, parsed, _ in items
            for paragraph in parsed.paragraphs
            for link in paragraph.links
            if link.href in sources
        ],
        ids=False,
    )


def _store_claim_sources(pairs, sources):
    source_ids = {source.canonical_url: source.pk for source in sources.values()}
    insert_rows(
        Claim.sources.through,
        [
            {"claim_id": claim_id, "source_id": source_ids[url]}
            for claim_id, candidate in pairs
            for url in dict.fromkeys(candidate.sources)
            if url in source_ids
        ],
        ids=False,
    )


def _store_quotations_and_checks(items):
    """Quotations and consistency checks for ``(article, extraction, claim ids)`` items, ids in candidate order."""
    insert_rows(
        Quotation,
        [
            {
                "article_id": article.pk,
                "text": quotation.text,
                "speaker": quotation.speaker[:200],
                "paragraph": quotation.paragraph,
                "start": quotation.start,
                "end": quotation.end,
            }
            for article, extraction, _ in items
            for quotation in extraction.quotations
        ],
        ids=False,
    )
    checks = [(article, check, claim_ids) for article, extraction, claim_ids in items for check in extraction.checks]
    check_ids = insert_rows(
        ConsistencyCheck,
        [
            {"article_id": article.pk, "kind": check.kind, "ok": check.ok, "detail": check.detail[:500]}
            for article, check, _ in checks
        ],
    )
    insert_rows(
        ConsistencyCheck.claims.through,
        [
            {"consistencycheck_id": check_id, "claim_id": claim_ids[index]}
            for check_id, (_, check, claim_ids) in zip(check_ids, checks, strict=True)
            for index in dict.fromkeys(check.claims)
        ],
        ids=False,
    )
