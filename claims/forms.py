"""Admin forms for verdicts and claim actions. Validation only; writes go through ``claims.reviews``."""

from django import forms
from django.contrib.admin.helpers import ActionForm
from django.core.validators import URLValidator

from .models import Verdict
from .reviews import VersionConflict, lock_for_update


class VerdictForm(forms.ModelForm):
    """A verdict with the version it was loaded at, so a concurrent save is caught instead of overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    evidence_urls = forms.CharField(
        label="New evidence URLs",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="One URL per line; each becomes a source, canonicalised like the article's links.",
    )
    correction_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="Required to change a published verdict; shown to readers in the corrections log.",
    )

    class Meta:
        model = Verdict
        fields = ("claim", "rating", "summary", "rationale", "evidence")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

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
        if self.instance.pk and self.has_changed():
            # Locks the row for the rest of the admin's request transaction, so the
            # check and the save that follows cannot be split by another save.
            try:
                current = lock_for_update(self.instance.pk, cleaned.get("version") or 0)
            except VersionConflict as conflict:
                raise forms.ValidationError(conflict.message, code="conflict") from None
            content_changed = any(
                cleaned.get(field) != getattr(current, field)
                for field in ("rating", "summary", "rationale")
                if field in cleaned
            )
            if current.is_published and content_changed and not cleaned.get("correction_note", "").strip():
                self.add_error("correction_note", "This verdict is published: say what changed and why.")
        return cleaned


class ClaimActionForm(ActionForm):
    reason = forms.CharField(required=False, label="Reason (for “not check-worthy”)", max_length=300)
