"""Admin forms for claims, verdicts and their actions. Validation only; writes go through ``claims.reviews``.

Each form asks the rulebook (``claims.reviews``) whether the person saving
may make the change, so a refusal shows beside the fields instead of as an
error page. ``user`` is set on the form class per request by the admin.
"""

from django import forms
from django.contrib.admin.helpers import ActionForm
from django.core.validators import URLValidator

from . import reviews
from .models import STATEMENT_MAX_LENGTH, Claim, Verdict

CORRECTION_NOTE_HELP = (
    "Required to change what readers see of a published verdict; shown to them in the corrections log."
)


class VerdictForm(forms.ModelForm):
    """A verdict with the version it was loaded at, so a concurrent save is caught instead of overwritten."""

    user = None
    # Set by ``clean``: whether the stored verdict's content or evidence would change.
    changes_content = True
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    evidence_urls = forms.CharField(
        label="New evidence URLs",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="One URL per line; each becomes a source, canonicalised like the article's links.",
    )
    correction_note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 80}), help_text=CORRECTION_NOTE_HELP
    )

    class Meta:
        model = Verdict
        fields = ("claim", "rating", "summary", "rationale", "evidence")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The version stored now, not the loaded instance's: a history page loads an old instance, and
            # History → Revert saves its old values over the version stored now (or is refused as stale).
            stored = Verdict.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            self.initial["version"] = stored or self.instance.version

    def clean_evidence_urls(self):
        urls = [line.strip() for line in self.cleaned_data["evidence_urls"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for url in urls:
            try:
                validate(url)
            except forms.ValidationError:
                raise forms.ValidationError(f"“{url[:80]}” is not an http(s) URL.") from None
        return urls

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Compared with the stored row, not with what the form was loaded from: a history page's form
            # holds an old version, so "nothing changed" there is a revert. Locks the row for the rest of the
            # admin's request transaction, so the check and the save that follows cannot be split by another save.
            try:
                current = reviews.lock_for_update(self.instance.pk, cleaned.get("version") or 0)
            except reviews.VersionConflict as conflict:
                raise forms.ValidationError(conflict.message, code="conflict") from None
            content_changed = any(
                cleaned.get(field) != getattr(current, field)
                for field in reviews.VERDICT_CONTENT_FIELDS
                if field in cleaned
            )
            evidence = cleaned.get("evidence")
            evidence_changed = bool(cleaned.get("evidence_urls")) or (
                evidence is not None and {s.pk for s in evidence} != {s.pk for s in current.evidence.all()}
            )
            # Nothing to write is saved as nothing (the admin's Save on an unchanged page, whoever presses it).
            self.changes_content = content_changed or evidence_changed
            if self.changes_content:
                try:
                    reviews.check_verdict_update(self.user, current, cleaned.get("correction_note", ""))
                except reviews.ReviewError as error:
                    field = "correction_note" if error.code == "correction_required" else None
                    self.add_error(field, error.message)
        elif not self.instance.pk and self.has_changed() and not reviews.can_draft(self.user):
            raise forms.ValidationError("Drafting a verdict needs a reviewer.")
        return cleaned


class ClaimForm(forms.ModelForm):
    """A claim's queue fields; reader-visible fields of a published claim change only with a correction note."""

    user = None
    correction_note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 80}), help_text=CORRECTION_NOTE_HELP
    )

    class Meta:
        model = Claim
        # The admin narrows these to its fieldsets; extraction fields are read-only there.
        fields = ("claim_type", "claimant", "target", "status", "assigned_to", "checkworthy", "not_checkworthy_reason")

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        # Compared with the stored row, not the form's instance: a history page's form holds an old version.
        current = Claim.objects.get(pk=self.instance.pk)
        wanted = self.claim_values()
        try:
            reviews.check_claim_update(
                self.user, current, reviews.claim_changes(current, wanted), cleaned.get("correction_note", "")
            )
        except reviews.ReviewError as error:
            field = "correction_note" if error.code == "correction_required" else None
            if error.code == "invalid" and "status" in wanted:
                field = "status"
            self.add_error(field, error.message)
        return cleaned

    def claim_values(self):
        """The model fields this form edits, as cleaned; topics (many-to-many) are saved by the form itself,
        and the correction note is no field of the claim."""
        columns = {field.name for field in Claim._meta.concrete_fields}
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields or ()
            if name in self.cleaned_data and name in columns
        }


class ClaimActionForm(ActionForm):
    reason = forms.CharField(required=False, label="Reason (for “not check-worthy”)", max_length=300)
    correction_note = forms.CharField(
        required=False,
        label="Note readers see (publishing over a published verdict, or retracting)",
        max_length=2000,
    )


class VerdictActionForm(ActionForm):
    correction_note = forms.CharField(
        required=False, label="Correction note (publishing over a published verdict)", max_length=2000
    )


class ClaimAsCheckedForm(forms.Form):
    """The review screen's left half: what is rated, by whom, when and where."""

    statement = forms.CharField(
        required=False,
        max_length=STATEMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=f"Short and self-contained, at most {STATEMENT_MAX_LENGTH} characters; empty rates the sentence.",
    )
    claimant_name = forms.CharField(
        label="Claimant",
        required=False,
        max_length=200,
        help_text="A person or organisation; the same name always means the same claimant.",
    )
    claim_date = forms.DateField(label="Date", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    venue = forms.CharField(required=False, max_length=200, help_text="A tweet, a speech, an interview, the article.")
    venue_url = forms.URLField(label="Venue URL", required=False, max_length=2048, assume_scheme="https")

    @classmethod
    def for_claim(cls, claim, data=None):
        initial = {
            "statement": claim.statement,
            "claimant_name": claim.claimant_entity.name if claim.claimant_entity else claim.claimant,
            "claim_date": claim.claim_date,
            "venue": claim.venue,
            "venue_url": claim.venue_url,
        }
        return cls(data, initial=initial, prefix="claim")


class DeskVerdictForm(forms.ModelForm):
    """The review screen's right half: the draft verdict, with the version it was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Verdict
        fields = ("rating", "summary", "rationale")
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "rationale": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "verdict")
        super().__init__(*args, **kwargs)
        self.fields["rating"].required = False
        self.fields["summary"].required = False
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("rating")) != bool(cleaned.get("summary", "").strip()):
            raise forms.ValidationError(
                "A verdict needs both a rating and a summary (or neither, to save the claim only)."
            )
        return cleaned

    @property
    def has_verdict(self):
        return bool(self.cleaned_data.get("rating"))


class CorrectionNoteForm(forms.Form):
    """The review screen's note for a change to what readers already see (publishing over a published verdict)."""

    note = forms.CharField(
        label="Correction note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Readers already see a verdict on this claim: publishing a new one, or changing the claim as "
        "checked, is a correction. Say what changed and why; readers see this note on the claim page and in "
        "the corrections list.",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "correction")
        super().__init__(*args, **kwargs)
