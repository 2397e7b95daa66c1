"""The review workflow: drafting, publishing and correcting verdicts; moving claims through the queue.

Every write a reviewer makes goes through these functions, whichever door it
comes in by (admin, API). Rules live here once:

- publishing needs the ``claims.publish_verdict`` permission (editors);
  in a single-reviewer newsroom (``FACTCHECK_SINGLE_REVIEWER_NEWSROOM``) the
  verdict's own reviewer may publish it too;
- a published verdict changes only with a correction note, and the
  correction is kept;
- an update names the version it was based on; if somebody saved in
  between, ``VersionConflict`` says who changed what, and nothing is
  overwritten.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from integrations import changes

from .models import Claim, Correction, Verdict
from .services import ensure_sources

CONTENT_FIELDS = ("rating", "summary", "rationale")


class ReviewError(Exception):
    """A review action that the rules do not allow, with a message for the person who tried."""

    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


class VersionConflict(ReviewError):
    def __init__(self, verdict, message):
        super().__init__(message, code="conflict")
        self.verdict = verdict


def can_publish(user, verdict):
    if user.has_perm("claims.publish_verdict"):
        return True
    return (
        settings.FACTCHECK_SINGLE_REVIEWER_NEWSROOM
        and verdict.reviewer_id == user.pk
        and user.has_perm("claims.change_verdict")
    )


@transaction.atomic
def draft_verdict(*, claim, by, rating, summary, rationale="", evidence=(), evidence_urls=()):
    """A new draft verdict by ``by``; an unreviewed claim moves to "in review"."""
    verdict = Verdict(claim=claim, rating=rating, summary=summary, rationale=rationale, reviewer=by)
    verdict._history_user = by
    verdict.save()
    set_evidence(verdict, evidence, evidence_urls)
    changes.record(verdict, changes.Kind.CREATED, public=False)
    if claim.status == Claim.Status.NEW:
        _set_claim_status([claim], Claim.Status.IN_REVIEW, by)
    return verdict


def lock_for_update(verdict_id, expected_version):
    """The verdict row, locked until the transaction ends; ``VersionConflict`` if it moved on since ``expected_version``."""
    current = Verdict.objects.select_for_update().select_related("rating").get(pk=verdict_id)
    if current.version != int(expected_version):
        raise VersionConflict(current, describe_last_change(current))
    return current


@transaction.atomic
def update_verdict(verdict, *, by, expected_version, correction_note="", evidence=None, evidence_urls=(), **edits):
    """Apply ``edits`` (rating, summary, rationale) to a verdict saved at ``expected_version``.

    A published verdict whose content changes needs ``correction_note``; the
    previous rating, summary and rationale are kept in a ``Correction``.
    """
    current = lock_for_update(verdict.pk, expected_version)
    changed = {field: value for field, value in edits.items() if getattr(current, field) != value}
    corrected = current.is_published and changed and any(field in CONTENT_FIELDS for field in changed)
    if corrected:
        if not correction_note.strip():
            raise ReviewError(
                "This verdict is published: changing it needs a correction note, which readers will see.",
                "correction_required",
            )
        if not can_publish(by, current):
            raise ReviewError("Only an editor can correct a published verdict.", "forbidden")
        Correction.objects.create(
            verdict=current,
            note=correction_note.strip(),
            previous_rating=current.rating,
            previous_summary=current.summary,
            previous_rationale=current.rationale,
            corrected_by=by,
        )
    for field, value in changed.items():
        setattr(current, field, value)
    current.version += 1
    current._history_user = by
    current.save()
    if evidence is not None or evidence_urls:
        set_evidence(current, current.evidence.all() if evidence is None else evidence, evidence_urls)
    kind = changes.Kind.CORRECTED if corrected else changes.Kind.UPDATED
    changes.record(current, kind, public=current.is_published)
    return current


@transaction.atomic
def publish_verdict(verdict, *, by, expected_version=None):
    """Publish a draft: the claim is published and this becomes its current verdict."""
    current = lock_for_update(verdict.pk, verdict.version if expected_version is None else expected_version)
    if not can_publish(by, current):
        raise ReviewError(
            "Publishing needs a second pair of eyes: an editor publishes a reviewer's verdict.", "forbidden"
        )
    if current.is_published:
        raise ReviewError("This verdict is already published.", "already_published")
    current.status = Verdict.Status.PUBLISHED
    current.published_at = timezone.now()
    current.version += 1
    current._history_user = by
    current.save()
    claim = current.claim
    claim.current_verdict = current
    claim.status = Claim.Status.PUBLISHED
    claim._history_user = by
    claim.save(update_fields=["current_verdict", "status", "updated_at"])
    # Other appearances of this checked claim (see ``reuse_verdict``) show the new verdict too.
    appearances = list(Claim.objects.filter(current_verdict__claim=claim).exclude(pk=claim.pk))
    for appearance in appearances:
        appearance.current_verdict = current
        appearance._history_user = by
        appearance.save(update_fields=["current_verdict", "updated_at"])
    changes.record(current, changes.Kind.PUBLISHED)
    changes.record_many([claim, *appearances], changes.Kind.UPDATED)
    _after_publishing(claim.pk)
    return current


def _after_publishing(claim_id):
    """Once committed, look for stored claims that repeat the newly checked one (claim matching)."""
    from matching.tasks import enqueue_checked_claim_matching

    transaction.on_commit(lambda: enqueue_checked_claim_matching(claim_id))


def can_reuse_verdict(user):
    """Reusing a published verdict publishes it on another article: the same permission as publishing."""
    return user.has_perm("claims.publish_verdict")


@transaction.atomic
def reuse_verdict(claim, checked_claim, *, by):
    """``claim`` repeats ``checked_claim``: it becomes another appearance of that checked claim.

    The claim's current verdict points at the checked claim's published
    verdict, so the verdict shows on this article too, and publishing a newer
    verdict on the checked claim moves every appearance along with it.
    """
    if not can_reuse_verdict(by):
        raise ReviewError("Only an editor can reuse a published verdict on another article.", "forbidden")
    if claim.pk == checked_claim.pk:
        raise ReviewError("A claim cannot reuse its own verdict.", "invalid")
    checked_claim.refresh_from_db(fields=["current_verdict"])
    if checked_claim.current_verdict_id is None:
        raise ReviewError("That claim has no published verdict to reuse.", "no_verdict")
    if claim.verdicts.published().exists():
        raise ReviewError(
            "This claim has its own published verdict; correct that one instead of reusing another.",
            "already_published",
        )
    claim.current_verdict_id = checked_claim.current_verdict_id
    claim.status = Claim.Status.PUBLISHED
    claim._history_user = by
    claim.save(update_fields=["current_verdict", "status", "updated_at"])
    changes.record(claim, changes.Kind.UPDATED)
    return claim


def publish_latest_verdicts(claims, *, by):
    """Publish each claim's newest draft verdict. Returns (published, refused messages)."""
    published, refused = [], []
    for claim in claims:
        draft = claim.verdicts.filter(status=Verdict.Status.DRAFT).order_by("-created_at", "-id").first()
        if draft is None:
            refused.append(f"“{claim}” has no draft verdict.")
            continue
        try:
            published.append(publish_verdict(draft, by=by))
        except ReviewError as error:
            refused.append(f"“{claim}”: {error.message}")
    return published, refused


def set_evidence(verdict, sources, urls=()):
    """Evidence from existing sources plus new URLs, canonicalised into sources like every cited link."""
    new_sources = ensure_sources({url.strip() for url in urls if url.strip()}).values()
    verdict.evidence.set([*sources, *new_sources])


def assign(claims, *, to, by):
    for claim in claims:
        claim.assigned_to = to
        claim._history_user = by
        claim.save(update_fields=["assigned_to", "updated_at"])


def mark_in_review(claims, *, by):
    _set_claim_status([claim for claim in claims if claim.status == Claim.Status.NEW], Claim.Status.IN_REVIEW, by)


def set_status(claims, status, *, by):
    """Move claims in the queue; "published" is reached only by publishing a verdict."""
    if status == Claim.Status.PUBLISHED:
        raise ReviewError("A claim is published by publishing a verdict.", "invalid")
    _set_claim_status(claims, status, by)


def mark_checkworthy(claims, *, by):
    for claim in claims:
        claim.checkworthy = True
        claim.not_checkworthy_reason = ""
        claim._history_user = by
        claim.save(update_fields=["checkworthy", "not_checkworthy_reason", "updated_at"])
    changes.record_many(claims, changes.Kind.UPDATED)


def mark_not_checkworthy(claims, *, reason, by):
    if not reason.strip():
        raise ReviewError("Say why these claims are not check-worthy.", "reason_required")
    for claim in claims:
        claim.checkworthy = False
        claim.not_checkworthy_reason = reason.strip()[:300]
        claim._history_user = by
        claim.save(update_fields=["checkworthy", "not_checkworthy_reason", "updated_at"])
    changes.record_many(claims, changes.Kind.UPDATED)


def describe_last_change(verdict):
    """ "eddie changed this at 14:02 UTC: summary “A” → “B”" from the verdict's history."""
    records = list(verdict.history.order_by("-history_date", "-history_id")[:2])
    if not records:
        return "Somebody else saved this verdict while you were editing it."
    latest = records[0]
    who = latest.history_user.get_username() if latest.history_user else "Somebody"
    when = timezone.localtime(latest.history_date).strftime("%H:%M:%S %Z")
    parts = []
    if len(records) == 2:
        for change in latest.diff_against(records[1]).changes:
            if change.field in {"version", "updated_at"}:
                continue
            parts.append(f"{change.field} “{_short(change.old)}” → “{_short(change.new)}”")
    detail = f": {'; '.join(parts)}" if parts else ""
    return (
        f"{who} changed this verdict at {when} while you were editing it{detail}. "
        "Your changes were not saved; reload the page to see theirs and apply yours again."
    )


def _short(value):
    text = str(value) if value is not None else ""
    return text if len(text) <= 60 else text[:59] + "…"


def _set_claim_status(claims, status, by):
    for claim in claims:
        claim.status = status
        claim._history_user = by
        claim.save(update_fields=["status", "updated_at"])
    changes.record_many(claims, changes.Kind.UPDATED)
