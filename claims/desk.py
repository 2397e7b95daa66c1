"""Reads for the review screen: one claim with what a reviewer needs, and the actions the rulebook allows.

The screen itself is an admin view (``claims.admin_desk``); it shows what this
module returns and routes button presses to ``claims.reviews``.
"""

from dataclasses import dataclass

from . import reviews
from .models import ARTICLE_BODY, Claim, Verdict


@dataclass(frozen=True)
class Action:
    name: str  # the submit button's value
    label: str
    key: str  # the keyboard shortcut


SAVE = Action("save", "Save draft", "s")
READY = Action("ready", "Save and mark ready to publish", "r")
PUBLISH = Action("publish", "Save and publish", "p")


def review_claim(pk):
    """The claim with its article, claimant entity, current verdict and sources, or None."""
    return (
        Claim.objects.select_related("article", "claimant_entity", "current_verdict__rating", "assigned_to")
        .defer("checkworthiness_features", ARTICLE_BODY[0])
        .prefetch_related("sources")
        .filter(pk=pk)
        .first()
    )


def latest_draft(claim):
    """The claim's newest draft verdict, the one the screen edits, or None."""
    return (
        claim.verdicts.filter(status=Verdict.Status.DRAFT)
        .select_related("reviewer")
        .order_by("-created_at", "-id")
        .first()
    )


def allowed_actions(user, claim, draft):
    """The buttons to show: each one only where the rulebook allows it for this user and claim."""
    if not reviews.can_draft(user, claim):
        return []
    # A draft not yet written is judged as the one this user is about to write.
    candidate = draft if draft is not None else Verdict(claim=claim, reviewer=user)
    actions = [SAVE]
    if reviews.can_set_status(user, claim, Claim.Status.REVIEWED):
        actions.append(READY)
    if reviews.can_publish(user, candidate, current=claim.current_verdict):
        actions.append(PUBLISH)
    return actions


def asks_for_correction_note(user, claim):
    """Whether the screen asks for a correction note: readers already see a verdict on ``claim`` and ``user``
    may correct it.

    Publishing a new verdict over it, or changing the claim as checked, is then
    a correction, and the rulebook (``reviews.publish_verdict``,
    ``reviews.update_claim``) refuses it without a note readers will see.
    """
    return claim.current_verdict is not None and reviews.can_correct(user, claim.current_verdict)
