"""The admin's article forms: paste HTML or upload a file (it goes through ``ingest``); fix the metadata."""

from django import forms
from django.conf import settings

from claims import reviews

from . import metadata
from .errors import IngestError
from .ingest import ingest
from .models import Article


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


class ArticleMetadataForm(forms.ModelForm):
    """The admin's article form: what editors fix after ingestion, checked by ``articles.metadata``."""

    url = forms.URLField(label="Source URL", required=False, max_length=2048, assume_scheme="https")

    class Meta:
        model = Article
        fields = reviews.ARTICLE_METADATA_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = self.fields.get("published_at")
        if published is not None and hasattr(published.widget, "widgets"):
            # The admin splits the date and the time into two inputs under one legend: each gets its own name.
            date, time = published.widget.widgets
            date.attrs["aria-label"] = "Publication date"
            time.attrs["aria-label"] = "Publication time"

    def clean_url(self):
        return metadata.clean_url(self.cleaned_data.get("url", ""))

    def clean_language(self):
        return metadata.clean_language(self.cleaned_data.get("language", ""))

    def clean_published_at(self):
        return metadata.clean_published_at(self.cleaned_data.get("published_at"))

    def metadata_values(self):
        """The fields this form edits, as cleaned, for ``metadata.update_article_metadata``."""
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}
