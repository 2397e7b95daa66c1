"""The review rulebook: the claim and verdict life cycle, who may make each move, and what each move records.

Every path that changes review state or published content (admin forms,
actions and history views; the API; management commands; Celery tasks) asks
the ``can_*`` functions here and writes through the services below. Delivery
layers never restate a rule. The life cycle is drawn in
``docs/review-workflow.md``.

A verdict is a ``draft`` (newsroom only), ``published`` (the claim's one
current verdict, guarded by the partial unique index
``verdict_one_published_per_claim``) or ``superseded`` (replaced by a newer
published verdict; kept public as part of the record).

Roles come from Django permissions (the ``reviewer`` and ``editor`` groups):

- the newsroom (``claims.view_verdict``) sees drafts; staff status only
  decides admin access, never what a reviewer may see or do;
- reviewers (``add_verdict``/``change_verdict``/``change_claim``) draft, edit
  drafts and move claims through the queue;
- editors (``claims.publish_verdict``) publish and correct, and fix an
  article's metadata (``articles.change_article``); with
  ``FACTCHECK_SINGLE_REVIEWER_NEWSROOM`` a reviewer may publish and correct
  their own verdicts;
- anything a reader sees of a published verdict (rating, summary,
  rationale, evidence, the claimant of the claim it rates) changes only by a
  correction: an editor, a note, and a public ``Correction`` row. Publishing
  a new verdict over a published one is a correction of the claim's rating;
- every update names the version it read; a stale one is a
  ``VersionConflict`` that says who changed what, and nothing is overwritten.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from integrations import changes as change_log

from . import tally
from .models import Claim, Correction, Verdict
from .services import ensure_sources

# What readers see of a verdict; changing any of it once published is a correction.
VERDICT_CONTENT_FIELDS = ("rating", "summary", "rationale")
# What readers see of a claim beside its verdict; changing it once the claim is published is a correction.
# (They all appear in the claim page and its ClaimReview: claimReviewed, itemReviewed's author, date and appearance.)
CLAIM_PUBLIC_FIELDS = ("claimant", "claimant_entity", "statement", "claim_date", "venue", "venue_url")
# Queue fields a reviewer moves freely (never "published": that is reached by publishing a verdict).
CLAIM_QUEUE_FIELDS = ("status", "assigned_to", "checkworthy", "not_checkworthy_reason", "target", "claim_type")
# What editors fix of an article after ingestion (``can_edit_article``; ``articles.metadata`` writes it, with history).
ARTICLE_METADATA_FIELDS = ("title", "outlet", "byline", "url", "published_at", "language", "republishable")


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


# --- Who may do what -----------------------------------------------------------------------------------------------


def _active(user):
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_newsroom(user):
    """Reviewers, editors and superusers: people who may see drafts and the queue."""
    return _active(user) and user.has_perm("claims.view_verdict")


def can_view_drafts(user):
    return is_newsroom(user)


def can_draft(user, claim=None):
    return _active(user) and user.has_perm("claims.add_verdict")


def _single_reviewer_owns(user, verdict):
    return (
        settings.FACTCHECK_SINGLE_REVIEWER_NEWSROOM
        and verdict.reviewer_id == user.pk
        and user.has_perm("claims.change_verdict")
    )


def can_publish_any(user):
    """Whether ``user`` may publish some verdict: decides whether the admin offers the action at all."""
    if not _active(user):
        return False
    return user.has_perm("claims.publish_verdict") or (
        settings.FACTCHECK_SINGLE_REVIEWER_NEWSROOM and user.has_perm("claims.change_verdict")
    )


def can_correct(user, verdict):
    """Whether ``user`` may change what readers see of the published ``verdict`` (with a correction note)."""
    if not _active(user) or verdict.status != Verdict.Status.PUBLISHED:
        return False
    return user.has_perm("claims.publish_verdict") or _single_reviewer_owns(user, verdict)


def can_publish(user, verdict, current=None):
    """Whether ``user`` may publish the draft ``verdict``; over a published ``current`` verdict, also correct it."""
    if not _active(user) or verdict.status != Verdict.Status.DRAFT:
        return False
    allowed = user.has_perm("claims.publish_verdict") or _single_reviewer_owns(user, verdict)
    if allowed and current is not None and current.pk != verdict.pk:
        return can_correct(user, current)
    return allowed


def can_retract(user, verdict):
    """Withdrawing a published verdict is the gravest correction: whoever may correct it, with a public note."""
    return can_correct(user, verdict)


def can_edit_verdict(user, verdict):
    """Drafts by reviewers; a published verdict only by whoever may correct it; superseded ones never."""
    if not _active(user):
        return False
    if verdict.status == Verdict.Status.DRAFT:
        return user.has_perm("claims.change_verdict")
    return can_correct(user, verdict)


def can_delete_verdict(user, verdict):
    """Only drafts are deleted; what readers saw stays on the record."""
    return _active(user) and user.has_perm("claims.delete_verdict") and verdict.status == Verdict.Status.DRAFT


def can_edit_claim(user, claim, fields=()):
    """Queue fields by reviewers; fields readers see of a published claim only by whoever may correct its verdict."""
    if not (_active(user) and user.has_perm("claims.change_claim")):
        return False
    if set(fields) & set(CLAIM_PUBLIC_FIELDS) and claim.current_verdict_id:
        return can_correct(user, current_verdict_of(claim))
    return True


def can_set_status(user, claim, status):
    """A queue move: never to "published" (publishing a verdict does that), never away from it."""
    if not (_active(user) and user.has_perm("claims.change_claim")):
        return False
    if status == Claim.Status.PUBLISHED or claim.current_verdict_id:
        return status == claim.status
    return True


def can_revert(user, obj):
    """History → Revert: only for what is not published (a draft verdict, a claim without a published verdict).

    Reverting published content would change what readers saw without a
    correction; corrections are made explicitly instead.
    """
    if isinstance(obj, Verdict):
        return obj.status == Verdict.Status.DRAFT and can_edit_verdict(user, obj)
    if isinstance(obj, Claim):
        return not obj.current_verdict_id and can_edit_claim(user, obj)
    return False


def can_edit_article(user, article=None):
    """Whether ``user`` may fix an article's metadata (``ARTICLE_METADATA_FIELDS``): editors and superusers.

    Reviewers read it. Parsing guesses the title, outlet and date from the
    HTML and sometimes guesses wrong; the fix shows on every public page and
    ClaimReview of the article's claims, so it takes the same role as
    publishing. The HTML and text never change by hand (re-extraction does).
    """
    return _active(user) and user.has_perm("articles.change_article")


def public_status(claim):
    """The status readers see: published or not. Queue states (in review, reviewed) are the newsroom's."""
    return public_status_of(claim.current_verdict_id)


def public_status_of(current_verdict_id):
    """``public_status`` of a claim read as plain values: only whether it has a current verdict counts."""
    return Claim.Status.PUBLISHED if current_verdict_id else Claim.Status.NEW


def current_verdict_of(claim):
    """The verdict readers see on ``claim``: its own published one, or the one it reuses as another appearance."""
    if not claim.current_verdict_id:
        return None
    return Verdict.objects.filter(pk=claim.current_verdict_id).first()


def _forbid(message):
    raise ReviewError(message, "forbidden")


# --- Verdicts ------------------------------------------------------------------------------------------------------


@transaction.atomic
def draft_verdict(*, claim, by, rating, summary, rationale="", evidence=(), evidence_urls=()):
    """A new draft verdict by ``by``; an unreviewed claim moves to "in review". Nothing of it is public."""
    if not can_draft(by, claim):
        _forbid("Drafting a verdict needs a reviewer.")
    now = timezone.now()
    verdict = Verdict(
        claim=claim,
        rating=rating,
        summary=summary,
        rationale=rationale,
        reviewer=by,
        created_at=now,
        updated_at=now,
    )
    verdict._history_user = by
    verdict.save()
    _set_evidence(verdict, evidence, evidence_urls)
    change_log.record(verdict, change_log.Kind.CREATED, public=False)
    if claim.status == Claim.Status.NEW:
        _set_claim_status([claim], Claim.Status.IN_REVIEW, by)
    return verdict


def lock_for_update(verdict_id, expected_version):
    """The verdict row, locked until the transaction ends; ``VersionConflict`` if it moved on since ``expected_version``."""
    current = Verdict.objects.select_for_update().select_related("rating").get(pk=verdict_id)
    if expected_version is None or current.version != int(expected_version):
        raise VersionConflict(current, describe_last_change(current))
    return current


def evidence_urls_of(verdict):
    return sorted(verdict.evidence.values_list("canonical_url", flat=True))


def check_verdict_update(user, verdict, correction_note=None):
    """Raise ``ReviewError`` unless ``user`` may change ``verdict`` (as it is now) with this note.

    Forms call it to show the refusal beside the fields; ``update_verdict`` calls it again under the row lock.
    ``correction_note=None`` checks the role only.
    """
    if not can_edit_verdict(user, verdict):
        if verdict.status == Verdict.Status.SUPERSEDED:
            raise ReviewError("This verdict was superseded by a newer one; it is kept as it was.", "forbidden")
        if verdict.is_published:
            _forbid("Only an editor can correct a published verdict.")
        _forbid("Editing a verdict needs a reviewer.")
    if correction_note is not None and verdict.is_published and not correction_note.strip():
        raise ReviewError(
            "This verdict is published: changing it needs a correction note, which readers will see.",
            "correction_required",
        )


@transaction.atomic
def update_verdict(verdict, *, by, expected_version, correction_note="", evidence=None, evidence_urls=(), **changes):
    """Apply ``changes`` (rating, summary, rationale) and evidence to a verdict saved at ``expected_version``.

    ``evidence`` replaces the evidence sources when given; ``evidence_urls``
    adds new ones. A published verdict whose content or evidence changes
    needs someone who may correct it and a ``correction_note``; the previous
    rating, summary, rationale and evidence are kept in a public
    ``Correction``. A save that changes nothing writes nothing.
    """
    current = lock_for_update(verdict.pk, expected_version)
    check_verdict_update(by, current)
    changed = {field: value for field, value in changes.items() if getattr(current, field) != value}
    before_evidence = list(current.evidence.all())
    new_evidence = _wanted_evidence(before_evidence if evidence is None else evidence, evidence_urls)
    evidence_changed = {s.pk for s in new_evidence} != {s.pk for s in before_evidence}
    if not changed and not evidence_changed:
        return current
    check_verdict_update(by, current, correction_note)
    if current.is_published:
        Correction.objects.create(
            verdict=current,
            note=correction_note.strip(),
            previous_rating=current.rating,
            previous_summary=current.summary,
            previous_rationale=current.rationale,
            previous_evidence=sorted(s.canonical_url for s in before_evidence),
            previous_claimant=current.claim.claimant,
            previous_statement=current.claim.checked_statement,
            corrected_by=by,
        )
    # A published verdict's new rating moves every claim showing it on the published-verdict tally.
    showing = Claim.objects.filter(current_verdict=current) if "rating" in changed and current.is_published else None
    before = tally.snapshot(showing) if showing is not None else None
    for field, value in changed.items():
        setattr(current, field, value)
    current.version += 1
    current.updated_at = timezone.now()
    current._history_user = by
    current.save()
    if showing is not None:
        tally.settle(showing, before)
    if evidence_changed:
        current.evidence.set(new_evidence)
    if current.is_published:
        _touch_claim(current.claim_id)
        change_log.record(current, change_log.Kind.CORRECTED)
    else:
        change_log.record(current, change_log.Kind.UPDATED, public=False)
    return current


@transaction.atomic
def publish_verdict(verdict, *, by, expected_version=None, correction_note=""):
    """Publish a draft: it becomes the claim's one current verdict.

    Over a published verdict this is a correction of the claim's rating: it
    needs someone who may correct that verdict and a ``correction_note``;
    the old verdict is ``superseded`` and a public ``Correction`` keeps its
    rating and summary.
    """
    # The claim row is locked first, so two publishes on one claim queue up instead of racing.
    claim = Claim.objects.select_for_update().get(pk=verdict.claim_id)
    current = lock_for_update(verdict.pk, verdict.version if expected_version is None else expected_version)
    if current.status == Verdict.Status.PUBLISHED:
        raise ReviewError("This verdict is already published.", "already_published")
    if current.status == Verdict.Status.SUPERSEDED:
        raise ReviewError("This verdict was superseded by a newer one.", "already_published")
    previous = Verdict.objects.select_for_update().filter(claim=claim, status=Verdict.Status.PUBLISHED).first()
    # What readers see now: the claim's own published verdict, or one it reuses as another appearance.
    shown = previous or (
        Verdict.objects.filter(pk=claim.current_verdict_id).first() if claim.current_verdict_id else None
    )
    if not can_publish(by, current, shown):
        _forbid("Publishing needs a second pair of eyes: an editor publishes a reviewer's verdict.")
    now = timezone.now()
    if shown is not None and not correction_note.strip():
        raise ReviewError(
            "This claim already has a published verdict: publishing another corrects its rating, "
            "which needs a correction note readers will see.",
            "correction_required",
        )
    # The claim and its other appearances (see ``reuse_verdict``) change rating together.
    showing = Claim.objects.filter(models.Q(pk=claim.pk) | models.Q(current_verdict__claim=claim))
    before = tally.snapshot(showing)
    if previous is not None:
        previous.status = Verdict.Status.SUPERSEDED
        previous.version += 1
        previous.updated_at = now
        previous._history_user = by
        previous.save()
    current.status = Verdict.Status.PUBLISHED
    current.published_at = now
    current.updated_at = now
    current.version += 1
    current._history_user = by
    current.save()
    if shown is not None:
        Correction.objects.create(
            verdict=current,
            note=correction_note.strip(),
            previous_rating=shown.rating,
            previous_summary=shown.summary,
            previous_rationale=shown.rationale,
            previous_evidence=evidence_urls_of(shown),
            previous_claimant=claim.claimant,
            previous_statement=claim.checked_statement,
            corrected_by=by,
        )
    claim.current_verdict = current
    claim.status = Claim.Status.PUBLISHED
    claim.updated_at = now
    claim._history_user = by
    claim.save(update_fields=["current_verdict", "status", "updated_at"])
    # Other appearances of this checked claim (see ``reuse_verdict``) show the new verdict too.
    appearances = list(Claim.objects.filter(current_verdict__claim=claim).exclude(pk=claim.pk))
    for appearance in appearances:
        appearance.current_verdict = current
        appearance.updated_at = now
        appearance._history_user = by
        appearance.save(update_fields=["current_verdict", "updated_at"])
    tally.settle(showing, before)
    change_log.record(current, change_log.Kind.PUBLISHED)
    if previous is not None:
        change_log.record(previous, change_log.Kind.UPDATED)
    change_log.record_many([claim, *appearances], change_log.Kind.UPDATED)
    _after_publishing(claim.pk)
    return current


@transaction.atomic
def retract_verdict(verdict, *, by, expected_version=None, note=""):
    """Withdraw the published ``verdict``: the claim has no rating until a new verdict is published.

    For a verdict that was wrong, not only outdated (that is a correction).
    The verdict stays on the public record as ``retracted``, with the date
    and ``note``; the claim, and every other appearance showing the verdict,
    go back to the review queue.
    """
    claim = Claim.objects.select_for_update().get(pk=verdict.claim_id)
    current = lock_for_update(verdict.pk, verdict.version if expected_version is None else expected_version)
    if current.status != Verdict.Status.PUBLISHED:
        raise ReviewError("Only the published verdict of a claim can be retracted.", "not_published")
    if not can_retract(by, current):
        _forbid("Only an editor can retract a published verdict.")
    if not note.strip():
        raise ReviewError(
            "Retracting a verdict needs a note readers will see: why it was withdrawn.", "retraction_note_required"
        )
    now = timezone.now()
    current.status = Verdict.Status.RETRACTED
    current.retracted_at = now
    current.retraction_note = note.strip()
    current.retracted_by = by
    current.updated_at = now
    current.version += 1
    current._history_user = by
    current.save()
    showing = list(Claim.objects.filter(current_verdict=current))
    if claim not in showing:
        showing.append(claim)
    # By id: once retracted, these claims no longer point at the verdict, and settle re-reads them.
    showing_rows = Claim.objects.filter(pk__in=[shown_on.pk for shown_on in showing])
    before = tally.snapshot(showing_rows)
    for shown_on in showing:
        shown_on.current_verdict = None
        shown_on.status = Claim.Status.IN_REVIEW
        shown_on.updated_at = now
        shown_on._history_user = by
        shown_on.save(update_fields=["current_verdict", "status", "updated_at"])
    tally.settle(showing_rows, before)
    change_log.record(current, change_log.Kind.RETRACTED)
    change_log.record_many(showing, change_log.Kind.UPDATED)
    return current


def _after_publishing(claim_id):
    """Once committed, look for stored claims that repeat the newly checked one (claim matching)."""
    from matching.tasks import enqueue_checked_claim_matching

    transaction.on_commit(lambda: enqueue_checked_claim_matching(claim_id))


def can_reuse_verdict(user):
    """Reusing a published verdict publishes it on another article: the same permission as publishing."""
    return _active(user) and user.has_perm("claims.publish_verdict")


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
    showing = Claim.objects.filter(pk=claim.pk)
    before = tally.snapshot(showing)
    claim.current_verdict_id = checked_claim.current_verdict_id
    claim.status = Claim.Status.PUBLISHED
    claim.updated_at = timezone.now()
    claim._history_user = by
    claim.save(update_fields=["current_verdict", "status", "updated_at"])
    tally.settle(showing, before)
    change_log.record(claim, change_log.Kind.UPDATED)
    return claim


def publish_latest_verdicts(claims, *, by, correction_note=""):
    """Publish each claim's newest draft verdict. Returns (published, refused messages)."""
    published, refused = [], []
    for claim in claims:
        draft = claim.verdicts.filter(status=Verdict.Status.DRAFT).order_by("-created_at", "-id").first()
        if draft is None:
            refused.append(f"“{claim}” has no draft verdict.")
            continue
        try:
            published.append(publish_verdict(draft, by=by, correction_note=correction_note))
        except ReviewError as error:
            refused.append(f"“{claim}”: {error.message}")
    return published, refused


@transaction.atomic
def delete_verdict(verdict, *, by):
    if not can_delete_verdict(by, verdict):
        _forbid("Only a draft verdict is deleted, by an editor; published verdicts stay on the record.")
    verdict._history_user = by
    verdict_id = verdict.pk
    verdict.delete()
    change_log.record_rows(change_log.Resource.VERDICT, [verdict_id], change_log.Kind.DELETED, public=False)


def _wanted_evidence(sources, urls=()):
    new_sources = ensure_sources({url.strip() for url in urls if url.strip()}).values()
    return list({source.pk: source for source in [*sources, *new_sources]}.values())


def _set_evidence(verdict, sources, urls=()):
    """Evidence from existing sources plus new URLs, canonicalised into sources like every cited link."""
    verdict.evidence.set(_wanted_evidence(sources, urls))


# --- Claims --------------------------------------------------------------------------------------------------------


def claim_changes(claim, changes):
    """The subset of ``changes`` that differs from ``claim`` as it is."""
    return {field: value for field, value in changes.items() if getattr(claim, field) != value}


def check_claim_update(user, claim, changed, correction_note=""):
    """Raise ``ReviewError`` unless ``user`` may make the ``changed`` fields of ``claim`` (as it is now)."""
    if not (_active(user) and user.has_perm("claims.change_claim")):
        _forbid("Changing a claim needs a reviewer.")
    if "status" in changed and not can_set_status(user, claim, changed["status"]):
        if changed["status"] == Claim.Status.PUBLISHED:
            raise ReviewError("A claim is published by publishing a verdict.", "invalid")
        raise ReviewError("A published claim stays published; correct its verdict instead.", "invalid")
    if not can_edit_claim(user, claim, changed):
        _forbid("Only an editor can change what readers see of a published claim.")
    if changed.get("checkworthy") is False:
        reason = changed.get("not_checkworthy_reason", claim.not_checkworthy_reason)
        if not (reason or "").strip():
            raise ReviewError("Say why this claim is not check-worthy.", "reason_required")
    if set(changed) & set(CLAIM_PUBLIC_FIELDS) and claim.current_verdict_id and not correction_note.strip():
        raise ReviewError(
            "This claim is published: changing what readers see of it needs a correction note.",
            "correction_required",
        )


@transaction.atomic
def update_claim(claim, *, by, correction_note="", **changes):
    """Apply ``changes`` to a claim by the rules: queue fields freely, reader-visible ones of a published claim
    only as a correction (editor + note, kept in a public ``Correction`` on its current verdict).

    Returns the saved claim; a save that changes nothing writes nothing.
    """
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    changed = claim_changes(current, changes)
    check_claim_update(by, current, changed, correction_note)
    if not changed:
        return current
    verdict = current_verdict_of(current) if set(changed) & set(CLAIM_PUBLIC_FIELDS) else None
    if verdict is not None:
        Correction.objects.create(
            verdict=verdict,
            note=correction_note.strip(),
            previous_rating=verdict.rating,
            previous_summary=verdict.summary,
            previous_rationale=verdict.rationale,
            previous_evidence=evidence_urls_of(verdict),
            previous_claimant=current.claimant,
            previous_statement=current.checked_statement,
            corrected_by=by,
        )
    for field, value in changed.items():
        setattr(current, field, value)
    reader_visible = bool(set(changed) - {"status", "assigned_to"})
    if reader_visible:
        current.updated_at = timezone.now()
    current._history_user = by
    current.save()
    change_log.record(current, change_log.Kind.UPDATED, public=reader_visible)
    return current


def assign(claims, *, to, by):
    for claim in claims:
        update_claim(claim, by=by, assigned_to=to)


def mark_in_review(claims, *, by):
    _set_claim_status([claim for claim in claims if claim.status == Claim.Status.NEW], Claim.Status.IN_REVIEW, by)


def set_status(claims, status, *, by):
    """Move claims in the queue; "published" is reached only by publishing a verdict."""
    for claim in claims:
        update_claim(claim, by=by, status=status)


def mark_checkworthy(claims, *, by):
    for claim in claims:
        update_claim(claim, by=by, checkworthy=True, not_checkworthy_reason="")


def mark_not_checkworthy(claims, *, reason, by):
    if not reason.strip():
        raise ReviewError("Say why these claims are not check-worthy.", "reason_required")
    for claim in claims:
        update_claim(claim, by=by, checkworthy=False, not_checkworthy_reason=reason.strip()[:300])


def _touch_claim(claim_id):
    """What readers see of the claim changed with its verdict: its "updated" moves on."""
    Claim.objects.filter(pk=claim_id).update(updated_at=timezone.now())


def _set_claim_status(claims, status, by):
    """A queue move the rules make themselves (a draft starts review): no permission check, no public change."""
    for claim in claims:
        if claim.status == status:
            continue
        claim.status = status
        claim._history_user = by
        claim.save(update_fields=["status"])
        change_log.record(claim, change_log.Kind.UPDATED, public=False)


# --- Conflict messages ---------------------------------------------------------------------------------------------


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


def can_mark_ready(user, claim, draft):
    """A draft is marked ready by whoever may draft and move the claim; it then waits for an editor."""
    return (
        draft is not None
        and draft.status == Verdict.Status.DRAFT
        and can_draft(user, claim)
        and can_set_status(user, claim, Claim.Status.REVIEWED)
    )


@transaction.atomic
def mark_ready(claim, *, by):
    """The claim's draft is ready for a second pair of eyes: the claim becomes "reviewed".

    "Reviewed" is the state between drafting and publishing; editors find
    these claims in the desk's "ready to publish" queue.
    """
    draft = claim.verdicts.filter(status=Verdict.Status.DRAFT).order_by("-created_at", "-id").first()
    if draft is None:
        raise ReviewError("Only a claim with a draft verdict can be marked ready to publish.", "no_draft")
    if not can_mark_ready(by, claim, draft):
        _forbid("Marking a draft ready needs a reviewer, on a claim not yet published.")
    _set_claim_status([claim], Claim.Status.REVIEWED, by)
    return draft
