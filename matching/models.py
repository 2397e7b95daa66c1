"""Other fact-checkers' published checks, and the stored matches between claims and what was already checked.

``claims`` stays the owner of claims and verdicts; this app only points at
them. A ``ClaimMatch`` links a claim to either one of our own claims that
carries a published verdict (kind ``verdict``) or an imported
``ExternalFactCheck`` (kind ``external``), with the score that ranked it.
"""

from django.conf import settings
from django.db import models


class ExternalFactCheck(models.Model):
    """One ClaimReview published by another fact-checker, stored once per URL; a re-import updates it."""

    url = models.URLField(max_length=2048, help_text="The fact check's own address (ClaimReview url).")
    publisher = models.CharField(max_length=200, blank=True, help_text="The fact-checker (ClaimReview author).")
    publisher_url = models.URLField(max_length=2048, blank=True)
    claim_reviewed = models.TextField(help_text="The claim as the fact-checker worded it (claimReviewed).")
    rating_value = models.FloatField(null=True, blank=True)
    best_rating = models.FloatField(null=True, blank=True)
    worst_rating = models.FloatField(null=True, blank=True)
    rating_label = models.CharField(max_length=200, blank=True, help_text="reviewRating alternateName or name.")
    claim_author = models.CharField(max_length=200, blank=True, help_text="Who made the claim (itemReviewed author).")
    claim_date = models.DateField(null=True, blank=True, help_text="When the claim was made, if given.")
    published_at = models.DateField(null=True, blank=True, help_text="When the fact check was published.")
    language = models.CharField(max_length=35, blank=True)
    raw = models.JSONField(default=dict, help_text="The ClaimReview as imported.")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "external fact check"
        constraints = [
            # Re-importing a fact check updates it instead of storing it twice.
            models.UniqueConstraint(fields=["url"], name="external_fact_check_unique_url"),
        ]
        indexes = [
            # The imported list, newest first (API and admin).
            models.Index(fields=["-published_at", "-id"], name="external_published_idx"),
            # Filtering the list by publisher.
            models.Index(fields=["publisher"], name="external_publisher_idx"),
        ]

    def __str__(self):
        text = self.claim_reviewed if len(self.claim_reviewed) <= 80 else f"{self.claim_reviewed[:79]}…"
        return f"{self.publisher or 'Unknown'}: {text}"

    @property
    def rating_text(self):
        """The rating as a reader should see it: the label, else "value/best"."""
        if self.rating_label:
            return self.rating_label
        if self.rating_value is not None and self.best_rating is not None:
            return f"{self.rating_value:g}/{self.best_rating:g}"
        return ""


class ClaimMatchQuerySet(models.QuerySet):
    def ranked(self):
        """Best first, with what the match points at loaded (one query): the external check without its raw
        ClaimReview, or our claim with its verdict and rating; not that claim's article, which no surface shows
        (its text and HTML run to hundreds of kilobytes)."""
        return (
            self.select_related("external", "matched_claim__current_verdict__rating")
            .defer("external__raw", "matched_claim__checkworthiness_features", "matched_claim__numbers")
            .order_by("-score", "id")
        )


class ClaimMatch(models.Model):
    """A claim that is possibly already checked: by us (another claim's published verdict) or by another fact-checker."""

    class Kind(models.TextChoices):
        VERDICT = "verdict", "Our verdict"
        EXTERNAL = "external", "External fact check"

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="matches")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    matched_claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="matched_by"
    )
    external = models.ForeignKey(
        ExternalFactCheck, null=True, blank=True, on_delete=models.CASCADE, related_name="matches"
    )
    score = models.FloatField()
    confirmed = models.BooleanField(default=False, help_text="A reviewer said this is the same claim.")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimMatchQuerySet.as_manager()

    class Meta:
        ordering = ["claim", "-score", "id"]
        verbose_name_plural = "claim matches"
        constraints = [
            # Exactly one target, and the one the kind names.
            models.CheckConstraint(
                condition=(
                    models.Q(kind="verdict", matched_claim__isnull=False, external__isnull=True)
                    | models.Q(kind="external", matched_claim__isnull=True, external__isnull=False)
                ),
                name="claim_match_one_target",
            ),
            models.CheckConstraint(condition=~models.Q(claim=models.F("matched_claim")), name="claim_match_not_self"),
            models.CheckConstraint(condition=models.Q(score__gte=0.0, score__lte=1.0), name="claim_match_score_unit"),
            # Re-matching updates a pair's score instead of storing the pair twice.
            models.UniqueConstraint(
                fields=["claim", "matched_claim"],
                name="claim_match_unique_verdict",
                condition=models.Q(matched_claim__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["claim", "external"],
                name="claim_match_unique_external",
                condition=models.Q(external__isnull=False),
            ),
        ]
        indexes = [
            # A claim's matches, best first (claim page, desk, API).
            models.Index(fields=["claim", "-score"], name="claim_match_ranked_idx"),
        ]

    def __str__(self):
        return f"claim {self.claim_id} ≈ {self.target} ({self.score:.2f})"

    @property
    def target(self):
        return self.matched_claim if self.kind == self.Kind.VERDICT else self.external
