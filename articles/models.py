"""An article as received, and the plain text every offset in factcheck refers to."""

import hashlib
import re

from django.db import models
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from claims.sources import canonical_url, canonical_url_variants


def _count_per_article(related_model):
    """A correlated ``COUNT(*)`` of ``related_model`` rows of the outer article, read from its article index."""
    counted = (
        related_model.objects.filter(article_id=models.OuterRef("pk"))
        .order_by()
        .values("article_id")
        .annotate(n=models.Count("*"))
        .values("n")
    )
    return Coalesce(models.Subquery(counted, output_field=models.IntegerField()), 0)


def canonical_url_hash(url):
    """SHA-256 of ``url``'s canonical form (``claims.sources.canonical_url``, as for cited sources), or "" for none.

    ``?url=`` lookups match on it, so a link with tracking parameters, ``www.``
    or ``http:`` finds the article stored under its plain address. A hash,
    not the URL itself: a canonical URL can outgrow what a B-tree index entry holds.
    """
    url = (url or "").strip()
    return _sha256(canonical_url(url)) if url else ""


def canonical_url_hashes(url):
    """The hashes an article at ``url`` may be stored under: its canonical form over https and over http."""
    return [_sha256(variant) for variant in canonical_url_variants(url.strip())]


def _sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# What parsing stores (a primary language subtag); anything else never reaches a lang attribute.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


class ArticleQuerySet(models.QuerySet):
    def with_counts(self):
        """Each article's claim and citation counts, as one subquery per table.

        Counting both through joins (``Count("claims") + Count("citations")``)
        multiplies them: one article with 5,000 links and 5,000 claims makes
        25 million joined rows, and the whole list timed out. A subquery per
        table costs one index range per article shown.
        """
        from claims.models import Citation, Claim

        return self.annotate(claim_count=_count_per_article(Claim), citation_count=_count_per_article(Citation))


class Article(models.Model):
    url = models.URLField("source URL", max_length=2048, blank=True)
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=8, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, help_text="As stated by the HTML, when it does.")
    html = models.TextField("raw HTML", help_text="The HTML exactly as received.")
    text = models.TextField(
        help_text="Plain text of the body; paragraphs separated by a blank line. All offsets refer to it."
    )
    paragraph_count = models.PositiveIntegerField(default=0)
    republishable = models.BooleanField(
        default=False,
        help_text="We may show the full text publicly (e.g. the newsroom's own piece). "
        "Otherwise readers see only the paragraphs around checked claims and a link to the original.",
    )
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the HTML; the same HTML is the same article.")
    canonical_url_hash = models.CharField(
        max_length=64, blank=True, editable=False, help_text="SHA-256 of the canonical source URL; kept by save()."
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, help_text="Last ingestion or re-extraction.")

    objects = ArticleQuerySet.as_manager()
    # Who changed an article's metadata, when, from what (``articles.metadata.update_article_metadata``).
    # The HTML and text stay out: they only change by re-extraction, and copying them would double the table.
    history = HistoricalRecords(excluded_fields=["html", "text"])

    class Meta:
        ordering = ["-ingested_at", "-id"]
        constraints = [
            # Ingesting the same HTML twice, even from racing processes, gives one article.
            models.UniqueConstraint(fields=["content_hash"], name="article_unique_content_hash"),
            models.CheckConstraint(
                condition=models.Q(content_hash__regex=r"^[0-9a-f]{64}$"), name="article_content_hash_is_sha256"
            ),
        ]
        indexes = [
            # Admin and API filter and sort by outlet and by date.
            models.Index(fields=["outlet"], name="article_outlet_idx"),
            models.Index(fields=["-published_at"], name="article_published_idx"),
            models.Index(fields=["-ingested_at"], name="article_ingested_idx"),
            # Incremental sync: ?updated_after= and ?ordering=updated_at.
            models.Index(fields=["updated_at", "id"], name="article_updated_idx"),
            # The API's lookup by address: ?url=.
            models.Index(fields=["canonical_url_hash"], name="article_canonical_url_idx"),
        ]

    def __str__(self):
        return self.title or f"Article {self.pk}"

    def save(self, *args, **kwargs):
        self.canonical_url_hash = canonical_url_hash(self.url)
        if kwargs.get("update_fields") is not None and "url" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "canonical_url_hash"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("article-detail", args=[self.pk])

    def paragraphs(self):
        return self.text.split("\n\n") if self.text else []

    @property
    def lang(self):
        """The language as an HTML ``lang`` value ("fr"), or "" when unknown or not a plain ISO 639 code."""
        return self.language if LANGUAGE_CODE.fullmatch(self.language or "") else ""

    @property
    def text_length(self):
        return len(self.text)
