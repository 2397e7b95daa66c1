"""Writes for matching: importing other fact-checkers' checks, storing matches, confirming and reusing them.

- ``import_fact_checks`` stores ClaimReview records once per URL (a re-import
  updates them) and queues matching of stored claims against them;
- ``match_claims`` finds, for each claim, what was already checked (our
  published verdicts, imported checks), scores it and stores the matches at
  or above the threshold, replacing earlier unconfirmed ones;
- ``match_checked_claim`` and ``match_external_checks`` ask the reverse
  question when a verdict is published or checks are imported;
- ``confirm_match`` records a reviewer's "same claim"; for one of our own
  verdicts that makes the claim another appearance of the checked claim
  (through the review rulebook, which owns verdicts).
"""

from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction
from django.utils import timezone

from claims.caching import invalidate_public_pages
from claims.models import Claim

from . import candidates
from .models import ClaimMatch, ExternalFactCheck
from .scoring import features, score

# Claims matched together: their candidates are searched in one query per table.
BATCH = 500

RECORD_FIELDS = (
    "publisher",
    "publisher_url",
    "claim_reviewed",
    "rating_value",
    "best_rating",
    "worst_rating",
    "rating_label",
    "claim_author",
    "claim_date",
    "published_at",
    "language",
    "raw",
)


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    ids: list = field(default_factory=list)

    def as_dict(self):
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [{"item": error.item, "message": error.message} for error in self.errors],
        }


@transaction.atomic
def import_fact_checks(records, *, errors=(), match=True):
    """Store ``FactCheckRecord``s, keyed by URL; returns an ``ImportSummary`` carrying ``errors`` along.

    The last record wins when one input holds the same URL twice. With
    ``match``, stored claims are matched against the imported checks once the
    transaction commits (a Celery task; eager without a broker).
    """
    summary = ImportSummary(errors=list(errors))
    by_url = {record.url: record for record in records}
    existing = {check.url: check for check in ExternalFactCheck.objects.filter(url__in=by_url)}
    new, changed = [], []
    for url, record in by_url.items():
        values = {name: getattr(record, name) for name in RECORD_FIELDS}
        check = existing.get(url)
        if check is None:
            new.append(ExternalFactCheck(url=url, **values))
        elif any(getattr(check, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(check, name, value)
            check.updated_at = timezone.now()
            changed.append(check)
        else:
            summary.unchanged += 1
    created = ExternalFactCheck.objects.bulk_create(new)
    ExternalFactCheck.objects.bulk_update(changed, [*RECORD_FIELDS, "updated_at"])
    summary.created, summary.updated = len(created), len(changed)
    summary.ids = [check.pk for check in [*created, *changed]]
    if match and summary.ids:
        from .tasks import enqueue_external_matching

        ids = list(summary.ids)
        transaction.on_commit(lambda: enqueue_external_matching(ids))
    return summary


def match_claims(claim_ids):
    """Find and store what was already checked for each claim in ``claim_ids``; returns how many matches.

    The claims are matched together, a few queries per ``BATCH`` of them
    (``find_matches_for``), not a round trip per claim.
    """
    if not candidates.anything_checked():
        _replace_matches(claim_ids, [])  # no verdict published, no check imported: no claim has a match
        return 0
    found = []
    claims = Claim.objects.filter(pk__in=claim_ids, stale=False).only(
        "id", "text", "statement", "claimant", "current_verdict_id"
    )
    rows = claims.iterator(chunk_size=BATCH)
    while batch := list(islice(rows, BATCH)):
        for matches in find_matches_for(batch):
            found.extend(matches)
    _replace_matches(claim_ids, found)
    return len(found)


def find_matches(claim):
    """Unsaved ``ClaimMatch``es for ``claim`` at or above the threshold, best first."""
    return find_matches_for([claim])[0]


def find_matches_for(claims):
    """``find_matches`` of each of ``claims``, in order, with one candidate search per table for all of them."""
    if not claims:
        return []
    # The statement as checked ("X said" stripped) when there is one: closer to how fact-checkers word claims.
    texts = [claim.checked_statement for claim in claims]
    checked, external = candidates.already_checked(texts)
    known = {}  # a candidate's features, computed once however many claims of the batch it is a candidate of
    read = {}  # a claim's own features, by its text and claimant

    def features_of(kind, candidate):
        key = kind, candidate.id
        if key not in known:
            known[key] = features(candidate.text, candidate.speaker)
        return known[key]

    results = []
    for claim, text, verdict_candidates, external_candidates in zip(claims, texts, checked, external, strict=True):
        found = []
        if not verdict_candidates and not external_candidates:
            results.append(found)  # nothing already checked is like it: no features to compute
            continue
        if (text, claim.claimant) not in read:  # the same sentence in several articles (wire copy) is read once
            read[text, claim.claimant] = features(text, claim.claimant)
        own = read[text, claim.claimant]
        for candidate in verdict_candidates:
            if candidate.id == claim.pk or (
                claim.current_verdict_id and candidate.verdict_id == claim.current_verdict_id
            ):
                continue  # itself, or already one checked claim with it
            result = score(own, features_of(ClaimMatch.Kind.VERDICT, candidate))
            if result.is_match:
                found.append(
                    ClaimMatch(
                        claim_id=claim.pk,
                        kind=ClaimMatch.Kind.VERDICT,
                        matched_claim_id=candidate.id,
                        score=result.score,
                    )
                )
        for candidate in external_candidates:
            result = score(own, features_of(ClaimMatch.Kind.EXTERNAL, candidate))
            if result.is_match:
                found.append(
                    ClaimMatch(
                        claim_id=claim.pk, kind=ClaimMatch.Kind.EXTERNAL, external_id=candidate.id, score=result.score
                    )
                )
        results.append(sorted(found, key=lambda match: -match.score))
    return results


def match_checked_claim(claim_id):
    """A verdict on ``claim_id`` was published: store it as a match on the stored claims that repeat it."""
    checked = Claim.objects.filter(pk=claim_id).only("id", "text", "claimant", "current_verdict_id").first()
    if checked is None or checked.current_verdict_id is None:
        return 0
    own = features(checked.text, checked.claimant)
    found = []
    for candidate in candidates.claims_repeating(checked.text):
        if candidate.id == checked.pk or candidate.verdict_id == checked.current_verdict_id:
            continue
        result = score(own, features(candidate.text, candidate.speaker))
        if result.is_match:
            found.append(
                ClaimMatch(
                    claim_id=candidate.id, kind=ClaimMatch.Kind.VERDICT, matched_claim_id=checked.pk, score=result.score
                )
            )
    _upsert(found)
    return len(found)


def match_external_checks(external_ids):
    """Fact checks were imported or updated: store them as matches on the stored claims that repeat them."""
    found = []
    for check in ExternalFactCheck.objects.filter(pk__in=external_ids).only("id", "claim_reviewed", "claim_author"):
        own = features(check.claim_reviewed, check.claim_author)
        for candidate in candidates.claims_repeating(check.claim_reviewed):
            result = score(own, features(candidate.text, candidate.speaker))
            if result.is_match:
                found.append(
                    ClaimMatch(
                        claim_id=candidate.id, kind=ClaimMatch.Kind.EXTERNAL, external_id=check.pk, score=result.score
                    )
                )
    # An updated check that no longer matches a claim loses the unconfirmed match.
    ClaimMatch.objects.filter(external_id__in=external_ids, confirmed=False).exclude(
        pk__in=[m.pk for m in _upsert(found)]
    ).delete()
    return len(found)


@transaction.atomic
def _replace_matches(claim_ids, found):
    """The claims' unconfirmed matches become ``found``; confirmed ones stay whatever the new score."""
    kept = _upsert(found)
    removed, _ = (
        ClaimMatch.objects.filter(claim_id__in=claim_ids, confirmed=False).exclude(pk__in=[m.pk for m in kept]).delete()
    )
    if removed:
        transaction.on_commit(invalidate_public_pages)


def _upsert(found):
    """Insert or re-score ``found`` matches; returns the stored rows for them."""
    if not found:
        return []
    claim_ids = {match.claim_id for match in found}
    wanted = {_key(match): match for match in found}
    stored = {_key(match): match for match in ClaimMatch.objects.filter(claim_id__in=claim_ids)}
    new = [match for key, match in wanted.items() if key not in stored]
    rescored = []
    for key, match in wanted.items():
        existing = stored.get(key)
        if existing is not None and existing.score != match.score:
            existing.score = match.score
            rescored.append(existing)
    ClaimMatch.objects.bulk_create(new, ignore_conflicts=True)
    ClaimMatch.objects.bulk_update(rescored, ["score", "updated_at"])
    if new or rescored:
        transaction.on_commit(invalidate_public_pages)  # claim pages and API answers show matches
    return [match for match in ClaimMatch.objects.filter(claim_id__in=claim_ids) if _key(match) in wanted]


def _key(match):
    return match.claim_id, match.matched_claim_id, match.external_id


class MatchError(Exception):
    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


@transaction.atomic
def confirm_match(match, *, by):
    """A reviewer says ``match`` is the same claim.

    For one of our own verdicts, the claim becomes another appearance of the
    checked claim: it carries the same current verdict (the review rulebook
    does it), so the verdict shows on this article too and its ClaimReview
    lists this appearance. For an external check, the match is marked
    confirmed; drafting a verdict that cites it is ``draft_verdict_from_external``.
    """
    from claims import reviews

    match = ClaimMatch.objects.select_for_update(of=("self",)).select_related("claim", "matched_claim").get(pk=match.pk)
    if match.kind == ClaimMatch.Kind.VERDICT:
        reviews.reuse_verdict(match.claim, match.matched_claim, by=by)
    match.confirmed = True
    match.confirmed_by = by
    match.confirmed_at = timezone.now()
    match.save(update_fields=["confirmed", "confirmed_by", "confirmed_at", "updated_at"])
    return match


def draft_verdict_from_external(match, *, by, rating):
    """A draft verdict on the match's claim that cites the external fact check as evidence (through the rulebook)."""
    from claims import reviews

    if match.kind != ClaimMatch.Kind.EXTERNAL:
        raise MatchError("Only a match with another fact-checker's check drafts a verdict citing it.")
    check = match.external
    publisher = check.publisher or "Another fact-checker"
    rating_text = f" rated it “{check.rating_text}”" if check.rating_text else " checked it"
    verdict = reviews.draft_verdict(
        claim=match.claim,
        by=by,
        rating=rating,
        summary=f"{publisher}{rating_text}."[:280],
        rationale=f"{publisher} checked this claim as “{check.claim_reviewed}”: {check.url}",
        evidence_urls=[check.url],
    )
    confirm_match(match, by=by)
    return verdict


@dataclass(frozen=True)
class FileProblem:
    path: str
    message: str


def import_files(paths, *, progress=False):
    """Import every ``.json``/``.jsonld``/``.html``/``.htm`` file in ``paths`` (files or folders).

    Returns ``(ImportSummary, [FileProblem])``: a file that cannot be read is
    reported and skipped, and each file's items are imported whatever its
    neighbours hold. ``progress`` shows a tqdm bar over the files.
    """
    from django.conf import settings
    from tqdm import tqdm

    from .claimreview_import import ImportFormatError, ItemError, kind_of, read_claim_reviews

    files, problems = [], []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p.name)))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(FileProblem(str(path), "No such file or folder."))
    total = ImportSummary()
    for path in tqdm(files, desc="Importing", unit="file", disable=not progress):
        kind = kind_of(path.name)
        if kind is None:
            problems.append(FileProblem(str(path), "Not a .json or .html file."))
            continue
        if path.stat().st_size > settings.FACTCHECK_MAX_IMPORT_BYTES:
            problems.append(
                FileProblem(
                    str(path),
                    f"Larger than {settings.FACTCHECK_MAX_IMPORT_BYTES:,} bytes (FACTCHECK_MAX_IMPORT_BYTES).",
                )
            )
            continue
        try:
            records, errors = read_claim_reviews(path.read_bytes(), kind=kind)
        except ImportFormatError as error:
            problems.append(FileProblem(str(path), str(error)))
            continue
        summary = import_fact_checks(records, errors=[ItemError(f"{path.name}: {e.item}", e.message) for e in errors])
        total.created += summary.created
        total.updated += summary.updated
        total.unchanged += summary.unchanged
        total.errors.extend(summary.errors)
        total.ids.extend(summary.ids)
    return total, problems
