"""The review screen: one claim per page inside the admin, worked from the keyboard.

Left, the claim as checked (statement, claimant, date, venue); right, the
draft verdict; above, the claim in its context and the sources it cites.
Buttons are the actions ``claims.desk.allowed_actions`` returns; every
write goes through ``claims.reviews``. After an action the next claim of the
queue opens. Keys (``claims/static/claims/review.js``): j/k next/previous,
e edit, v verdict, c correction note, s save, r ready, p publish, ? help.

On a claim readers already see a verdict on, an editor's publish or change
of the claim as checked is a correction: the screen asks for the note
(``desk.asks_for_correction_note``) and a missing one is shown beside it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode

from . import desk, queues, rendering, reviews
from .claimants import resolve_claimant
from .forms import ClaimAsCheckedForm, CorrectionNoteForm, DeskVerdictForm

DESK_MEDIA = forms.Media(css={"all": ["claims/desk.css"]}, js=["claims/review.js"])


def review_url(claim_id, queue):
    return reverse("admin:claims_claim_review", args=[claim_id]) + "?" + urlencode({"queue": queue})


def review_view(model_admin, request, object_id):
    claim = desk.review_claim(object_id) if str(object_id).isdigit() else None
    if claim is None:
        raise Http404("No such claim.")
    if not model_admin.has_view_permission(request, claim):
        raise PermissionDenied
    queue = request.GET.get("queue", "checkworthy")
    if queue not in queues.QUEUES_BY_SLUG:
        queue = "checkworthy"
    previous_id, next_id = queues.neighbours(queue, request.user, claim)
    draft = desk.latest_draft(claim)
    actions = desk.allowed_actions(request.user, claim, draft)
    data = request.POST if request.method == "POST" else None
    claim_form = ClaimAsCheckedForm.for_claim(claim, data)
    verdict_form = DeskVerdictForm(data, instance=draft)
    correction_form = CorrectionNoteForm(data) if desk.asks_for_correction_note(request.user, claim) else None

    if request.method == "POST":
        action = next((a for a in actions if a.name == request.POST.get("action")), None)
        if action is None or not model_admin.has_change_permission(request, claim):
            raise PermissionDenied
        forms_valid = [form.is_valid() for form in (claim_form, verdict_form, correction_form) if form is not None]
        if all(forms_valid):
            note = correction_form.cleaned_data["note"] if correction_form is not None else ""
            try:
                _apply(action, request.user, claim, draft, claim_form, verdict_form, note)
            except reviews.ReviewError as error:
                if error.code == "correction_required" and correction_form is not None:
                    # Beside the field it asks for, which takes the focus: the next keys typed are the note.
                    correction_form.add_error("note", error.message)
                    correction_form.fields["note"].widget.attrs["autofocus"] = True
                else:
                    messages.error(request, error.message)
            else:
                messages.success(request, _done_message(action, claim))
                if next_id is not None:
                    return HttpResponseRedirect(review_url(next_id, queue))
                return HttpResponseRedirect(
                    reverse("admin:claims_claim_changelist") + "?" + urlencode({"queue": queue})
                )

    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Review a claim",
        "claim": claim,
        "in_context": rendering.claim_in_context(claim),
        "sources": list(claim.sources.all()),
        # Claim matching fills the slot: our verdicts and other fact-checkers' checks of the same claim.
        **_similar_claims(claim.pk, request.user),
        "draft": draft,
        "claim_form": claim_form,
        "verdict_form": verdict_form,
        "correction_form": correction_form,
        "actions": actions,
        "queue": queues.QUEUES_BY_SLUG[queue],
        "queues": queues.QUEUES,
        "previous_url": review_url(previous_id, queue) if previous_id else "",
        "next_url": review_url(next_id, queue) if next_id else "",
        "change_url": reverse("admin:claims_claim_change", args=[claim.pk]),
        # A match's reuse action comes back here (``matching.admin``), so the reviewer sees its result in place.
        "review_path": request.get_full_path(),
        "media": model_admin.media + DESK_MEDIA,
    }
    return TemplateResponse(request, "admin/claims/claim/review.html", context)


@transaction.atomic
def _apply(action, user, claim, draft, claim_form, verdict_form, correction_note=""):
    data = claim_form.cleaned_data
    if claim_form.has_changed():
        name = data["claimant_name"].strip()
        reviews.update_claim(
            claim,
            by=user,
            correction_note=correction_note,
            statement=data["statement"].strip(),
            claimant_entity=resolve_claimant(name) if name else None,
            claim_date=data["claim_date"],
            venue=data["venue"].strip(),
            venue_url=data["venue_url"].strip(),
        )
    verdict = verdict_form.cleaned_data
    if verdict_form.has_verdict and draft is None:
        draft = reviews.draft_verdict(
            claim=claim, by=user, rating=verdict["rating"], summary=verdict["summary"], rationale=verdict["rationale"]
        )
    elif verdict_form.has_verdict and verdict_form.has_changed():
        draft = reviews.update_verdict(
            draft,
            by=user,
            expected_version=verdict.get("version") or 0,
            rating=verdict["rating"],
            summary=verdict["summary"],
            rationale=verdict["rationale"],
        )
    if action is desk.READY:
        reviews.mark_ready(claim, by=user)
    elif action is desk.PUBLISH:
        if draft is None:
            raise reviews.ReviewError("Write a verdict (rating and summary) before publishing.", "no_draft")
        reviews.publish_verdict(draft, by=user, correction_note=correction_note)


def _done_message(action, claim):
    what = {"save": "Saved", "ready": "Marked ready to publish", "publish": "Published"}[action.name]
    return f"{what}: “{claim.checked_statement[:80]}”."


def _similar_claims(claim_id, user):
    from matching.admin import desk_context

    context = desk_context(claim_id, user)
    return {**context, "similar_claims": context.pop("already_checked")}
