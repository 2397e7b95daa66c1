"""The admin's article form: paste HTML or upload a file; it goes through ``ingest``."""

from django import forms
from django.conf import settings

from .errors import IngestError
from .ingest import ingest


class ArticleIngestForm(forms.Form):
    url = forms.URLField(label="Source URL", required=False, max_length=2048, assume_scheme="https")
    html = forms.CharField(label="HTML", required=False, widget=forms.Textarea(attrs={"rows": 16, "cols": 100}))
    file = forms.FileField(label="…or an HTML file", required=False)

    def clean(self):
        cleaned = super().clean()
        html, upload = cleaned.get("html"), cleaned.get("file")
        if not html and not upload:
            raise forms.ValidationError("Paste the article's HTML or choose a file.")
        if html and upload:
            raise forms.ValidationError("Paste HTML or upload a file, not both.")
        if upload is not None:
            limit = settings.FACTCHECK_MAX_ARTICLE_BYTES
            if upload.size > limit:
                raise forms.ValidationError(f"The file is {upload.size:,} bytes; the limit is {limit:,} bytes.")
            cleaned["data"] = upload.read()
        else:
            cleaned["data"] = html
        return cleaned

    def save(self):
        """Ingest the article; an ``IngestError`` becomes a form error, never a server error."""
        try:
            return ingest(self.cleaned_data["data"], url=self.cleaned_data.get("url") or None)
        except IngestError as error:
            self.add_error(None, error.message)
            return None
