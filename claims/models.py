"""Claims, the sources articles cite, the rating scale and reviewers' verdicts."""

from django.conf import settings
from django.db import connections, models
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .extraction.statements import STATEMENT_MAX_LENGTH
from .extraction.types import ClaimType
from .sources import SourceKind


class Rating(models.Model):
    """One step of the rating scale. Data, not code, so a newsroom can bring its own scale.

    ``value`` is the ClaimReview ``ratingValue`` (1 worst … 5 best); a rating
    without a value (Unverifiable) is published with its label only.
    """

    slug = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=60)
    value = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="ClaimReview ratingValue; empty for none."
    )
    definition = models.CharField(max_length=300)
    colour = models.CharField(max_length=7, help_text="Hex colour of the badge, e.g. #1a7f37.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(colour__regex=r"^#[0-9a-fA-F]{6}$"), name="rating_colour_is_hex"),
        ]

    def __str__(self):
        return self.label


class RatingTally(models.Model):
    """How many public claims currently carry each rating: the home page's chart, read instead of counted.

    Counting at request time grouped every current verdict (86 ms at 200,000
    claims, growing with the table). ``claims.tally`` keeps these rows equal
    to a fresh count: the review rulebook and re-extraction adjust them in the
    same transaction as the change, by the difference they made.
    """

    rating = models.OneToOneField(Rating, on_delete=models.CASCADE, primary_key=True, related_name="tally")
    claims = models.PositiveIntegerField(default=0, help_text="Public claims whose current verdict has this rating.")

    def __str__(self):
        return f"{self.rating}: {self.claims}"


class SourceQuerySet(models.QuerySet):
    def public(self):
        """Sources readers may see: cited by an article, or evidence of a verdict on the public record.

        A draft's evidence stays in the newsroom until its verdict is published.
        """
        cited = Citation.objects.filter(source_id=models.OuterRef("pk"))
        evidence = Verdict.evidence.through.objects.filter(
            source_id=models.OuterRef("pk"), verdict__status__in=PUBLIC_VERDICT_STATUSES
        )
        return self.filter(models.Exists(cited) | models.Exists(evidence))


class Source(models.Model):
    """A cited resource, one row per canonical URL however many links point at it."""

    class Kind(models.TextChoices):
        SOCIAL_POST = SourceKind.SOCIAL_POST, "Social post"
        NEWS = SourceKind.NEWS, "News"
        GOVERNMENT = SourceKind.GOVERNMENT, "Government"
        NGO = SourceKind.NGO, "NGO / advocacy"
        VIDEO = SourceKind.VIDEO, "Video"
        PRESS_RELEASE = SourceKind.PRESS_RELEASE, "Press release"
        OTHER = SourceKind.OTHER, "Other"

    canonical_url = models.URLField(max_length=2048)
    domain = models.CharField(max_length=253)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    handle = models.CharField(max_length=100, blank=True, help_text="Account of a social post, e.g. @nayibbukele.")
    # What a reader needs to judge a piece of evidence before following it; filled in by editors.
    title = models.CharField(max_length=500, blank=True, help_text="The page's title, as readers see it in evidence.")
    publisher = models.CharField(
        max_length=200, blank=True, help_text="Who published it, e.g. California Secretary of State."
    )
    published_on = models.DateField(null=True, blank=True, help_text="When it was published.")
    archive_url = models.URLField(
        "archived copy",
        max_length=2048,
        blank=True,
        help_text="A snapshot (e.g. web.archive.org), in case the page changes.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["domain", "canonical_url"]
        constraints = [
            models.UniqueConstraint(fields=["canonical_url"], name="source_unique_canonical_url"),
        ]
        indexes = [
            # Filtering sources by domain and kind in the admin and API.
            models.Index(fields=["domain"], name="source_domain_idx"),
            models.Index(fields=["kind"], name="source_kind_idx"),
        ]

    def __str__(self):
        return self.canonical_url

    def get_absolute_url(self):
        return reverse("source-detail", args=[self.pk])


class Citation(models.Model):
    """One link occurrence in an article: where its anchor text stands and what it points at."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    href = models.URLField("original href", max_length=2048)
    anchor_text = models.CharField(max_length=1000)
    paragraph = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="citation_span_not_empty"),
        ]
        indexes = [
            # An article's citations in reading order.
            models.Index(fields=["article", "start"], name="citation_article_start_idx"),
        ]

    def __str__(self):
        return f"{self.anchor_text} → {self.source.domain}"


class Claimant(models.Model):
    """Who makes claims: one row per person or organisation, however many articles quote them.

    ``normalised_name`` is the identity (``claims.claimants.normalise_name``:
    case, accents, punctuation and honorifics folded), so "Rep. Norma Torres"
    in one article and "Norma Torres" in another are the same row.
    """

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        UNKNOWN = "unknown", "Unknown"

    name = models.CharField(max_length=200, help_text="The name as readers should see it.")
    normalised_name = models.CharField(max_length=200, editable=False)
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.UNKNOWN,
        help_text="Decides Person or Organization in ClaimReview.",
    )
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names the same claimant appears under, e.g. a Twitter handle."
    )
    slug = models.SlugField(max_length=200)
    url = models.URLField(max_length=2048, blank=True, help_text="An official page or profile, if any.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            # Resolution looks claimants up by normalised name: one row per person or organisation.
            models.UniqueConstraint(fields=["normalised_name"], name="claimant_unique_normalised_name"),
            # The claimant's public page address.
            models.UniqueConstraint(fields=["slug"], name="claimant_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from .claimants import normalise_name

        self.normalised_name = normalise_name(self.name)
        super().save(*args, **kwargs)


class Topic(models.Model):
    """A subject editors tag claims with (elections, immigration, the economy); each has a public page."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, help_text="The topic page's address, e.g. elections.")
    description = models.CharField(max_length=300, blank=True, help_text="One line readers see on the topic page.")

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            # The topic page's address.
            models.UniqueConstraint(fields=["slug"], name="topic_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topic-detail", args=[self.slug])


# An article's raw HTML and text run to hundreds of kilobytes: rows that only name their article leave them behind.
ARTICLE_BODY = ("article__html", "article__text")
SEARCH_QUERY_MAX_LENGTH = 200


def claim_slug(text):
    """The readable part of a claim page's address, from the claim's text."""
    return slugify(text[:60]) or "claim"


class UndeclaredColumn(models.Expression):
    """A column of the query's own table that the model does not declare (the generated ``search_vector``).

    Named through the alias the query gives its table: the table's name at
    the top, ``U0`` when the queryset is a subquery. Spelled out with the
    table's name instead, the column of a claim subquery (``verdicts whose
    claim matches``) was the outer query's claim, or no table at all: every
    claim id for every verdict of 100,000 (eight minutes at a million
    claims), or an error.
    """

    def __init__(self, column, output_field):
        super().__init__(output_field=output_field)
        self.column = column

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(self.column)}", []


class ClaimQuerySet(models.QuerySet):
    """The reads everybody needs, in one vocabulary: public pages, feeds, the sitemap, the admin and the API."""

    def with_verdict_count(self):
        return self.annotate(verdict_count=models.Count("verdicts"))

    def public(self):
        """Claims readers may see: stale claims (no longer found by the extractor) keep their history off the pages."""
        return self.filter(stale=False)

    def rated(self, slug=""):
        """Claims with a current published verdict, of the rating ``slug`` when given.

        The explicit "has a current verdict" lets PostgreSQL walk the partial
        indexes of reviewed claims instead of every claim in the table.
        """
        claims = self.filter(current_verdict__isnull=False)
        if not slug:
            return claims
        # The rating's id (an init-plan, not a join on its slug) and the verdict's published state let PostgreSQL
        # walk ``verdict_rating_published_idx`` (PostgreSQL) newest first and stop after a page: 1 ms at a million claims,
        # against 100 ms sorting every verdict of the rating.
        rating_id = models.Subquery(Rating.objects.filter(slug=slug).values("pk")[:1])
        return claims.filter(current_verdict__rating_id=rating_id, current_verdict__status="published")

    def unrated(self):
        return self.filter(current_verdict__isnull=True)

    def for_list(self):
        """With what a list row shows: article (without its body), current verdict, rating and reviewer, sources.

        Sources are prefetched (one query per page) rather than counted with a
        GROUP BY, which would aggregate the whole table before the page is cut.
        """
        return (
            self.select_related("article", "claimant_entity", "current_verdict__rating", "current_verdict__reviewer")
            .defer(*ARTICLE_BODY, "checkworthiness_features")
            .prefetch_related("sources")
        )

    def for_cards(self):
        """With what a reader's claim card shows: article (without its body), claimant, current verdict and rating.

        Lighter than ``for_list``: no sources (no card lists them) and no
        reviewer, whose joins and prefetch cost the search page a query and
        most of its statement planning at a million claims.
        """
        return self.select_related("article", "claimant_entity", "current_verdict__rating").defer(
            *ARTICLE_BODY, "checkworthiness_features", "numbers"
        )

    def newest_verdicts_first(self):
        """Rated claims by publication date, newest first, then unrated ones by score.

        ``nulls_last`` is explicit: PostgreSQL sorts NULLs first in a descending
        order (SQLite last), which put unreviewed claims at the top.
        """
        return self.order_by(models.F("current_verdict__published_at").desc(nulls_last=True), "-checkworthiness", "id")

    def search(self, query, *, ranked=False):
        """Claims whose text or claimant match the words of ``query`` (all claims for no words).

        PostgreSQL: full-text search in ``websearch`` syntax with English
        stemming, on the stored, GIN-indexed ``search_vector`` column of
        migration 0012; ``ranked`` orders by relevance. Elsewhere every word must
        appear as a substring; ``ranked`` orders by check-worthiness.
        """
        query = (query or "").strip()[:SEARCH_QUERY_MAX_LENGTH]
        if not query:
            return self
        if connections[self.db].vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

            vector = UndeclaredColumn("search_vector", output_field=SearchVectorField())
            words = SearchQuery(query, config="english", search_type="websearch")
            claims = self.alias(search_vector=vector).filter(search_vector=words)
            return claims.annotate(rank=SearchRank(vector, words)).order_by("-rank", "id") if ranked else claims
        claims = self
        for word in query.split()[:10]:
            claims = claims.filter(models.Q(text__icontains=word) | models.Q(claimant__icontains=word))
        return claims.order_by("-checkworthiness", "id") if ranked else claims


class Claim(models.Model):
    # The extractor's claim types, as database choices: one list for both.
    Type = models.TextChoices("Type", [(kind.name, (kind.value, kind.label)) for kind in ClaimType])

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "In review"
        REVIEWED = "reviewed", "Reviewed"
        PUBLISHED = "published", "Published"

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="claims")
    text = models.TextField(help_text="The claim as it stands in the article: article.text[start:end].")
    claim_type = models.CharField("type", max_length=20, choices=Type.choices, default=Type.FACT)
    claimant = models.CharField(
        max_length=200, blank=True, help_text="Who asserts it; empty when the article itself does."
    )
    claimant_slug = models.SlugField(
        max_length=200, blank=True, editable=False, help_text="The claimant page's address."
    )
    claimant_entity = models.ForeignKey(
        Claimant,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        verbose_name="claimant (entity)",
        help_text="The person or organisation who made the claim; empty when the article itself makes it.",
    )
    statement = models.CharField(
        max_length=STATEMENT_MAX_LENGTH,
        blank=True,
        help_text="The claim as checked: short and self-contained. Empty means the sentence as it stands.",
    )
    claim_date = models.DateField(null=True, blank=True, help_text="When the claim was made.")
    venue = models.CharField(
        max_length=200, blank=True, help_text="Where it was said: the article, a tweet, a speech, an interview."
    )
    venue_url = models.URLField("venue URL", max_length=2048, blank=True)
    target = models.CharField(max_length=200, blank=True, help_text="Who it is about, if anyone.")
    paragraph = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # W3C Web Annotation TextQuoteSelector: exact is ``text``; prefix and suffix re-anchor it.
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    checkworthiness = models.FloatField(default=0.0)
    checkworthy = models.BooleanField(default=False)
    checkworthiness_features = models.JSONField(default=dict, blank=True)
    numbers = models.JSONField(default=list, blank=True, help_text="[{value, unit, qualifier, subject}]")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    stale = models.BooleanField(
        default=False, help_text="No longer found by the extractor; kept for its review history."
    )
    not_checkworthy_reason = models.CharField(max_length=300, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims"
    )
    current_verdict = models.ForeignKey(
        "Verdict",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The newest published verdict, kept here so queues and lists filter by rating in one join.",
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="claims")
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims", help_text="What the claim is about.")
    created_at = models.DateTimeField(auto_now_add=True)
    # Stamped by the review rules and re-extraction when something a reader sees changes; queue moves
    # (status, assignment) leave it alone, so "updated" never announces a change nobody can see.
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["checkworthiness_features"])

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="claim_span_not_empty"),
            # The stored text is exactly the span it claims to be.
            models.CheckConstraint(
                condition=models.Q(end=models.F("start") + Length("text")), name="claim_text_matches_span"
            ),
            models.CheckConstraint(
                condition=models.Q(checkworthiness__gte=0.0, checkworthiness__lte=1.0),
                name="claim_checkworthiness_in_unit_range",
            ),
        ]
        indexes = [
            # An article's claims in reading order, and re-extraction matching.
            models.Index(fields=["article", "start"], name="claim_article_start_idx"),
            # The review queue: check-worthy, unreviewed, highest score first.
            models.Index(
                fields=["status", "-checkworthiness"],
                name="claim_review_queue_idx",
                condition=models.Q(checkworthy=True, stale=False),
            ),
            # Lists ordered by score (the API's default order, the queue's tie-break).
            models.Index(fields=["-checkworthiness", "id"], name="claim_score_idx"),
            # The admin's default order: check-worthy first, by status, highest score first.
            models.Index(fields=["-checkworthy", "status", "-checkworthiness", "id"], name="claim_admin_order_idx"),
            # The same order over reviewed claims only, for filters by rating (a tenth of the table).
            models.Index(
                fields=["-checkworthy", "status", "-checkworthiness", "id"],
                name="claim_reviewed_order_idx",
                condition=models.Q(current_verdict__isnull=False),
            ),
            # Reviewed claims by score: the API's rating filter in its default order.
            models.Index(
                fields=["-checkworthiness", "id"],
                name="claim_reviewed_score_idx",
                condition=models.Q(current_verdict__isnull=False),
            ),
            # Stale claims (re-extraction no longer finds them), a handful among a million: the stale queue in its
            # order, and what the admin's stale filter and the desk's queue count read instead of every claim
            # (a scan of the table found none in 150-400 ms at a million claims).
            models.Index(fields=["-updated_at", "id"], name="claim_stale_idx", condition=models.Q(stale=True)),
            # Claims of one type by score (API and admin type filters).
            models.Index(fields=["claim_type", "-checkworthiness", "id"], name="claim_type_score_idx"),
            models.Index(fields=["claimant"], name="claim_claimant_idx"),
            # Claimant pages list one person's claims.
            models.Index(fields=["claimant_slug"], name="claim_claimant_slug_idx"),
            # Incremental sync: the API's ?updated_after= and ?ordering=updated_at, and the ClaimReview DataFeed's order.
            models.Index(fields=["updated_at", "id"], name="claim_updated_idx"),
            # The same order over reviewed claims only: the ClaimReview DataFeed (a tenth of the table). Without
            # it PostgreSQL sorted every reviewed claim for each page: 270 ms at 20,000 reviews, against 1 ms.
            models.Index(
                fields=["updated_at", "id"],
                name="claim_rated_updated_idx",
                condition=models.Q(current_verdict__isnull=False),
            ),
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"

    def save(self, *args, **kwargs):
        self.claimant_slug = slugify(self.claimant)
        if kwargs.get("update_fields") is not None and "claimant" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "claimant_slug"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("claim-detail", args=[self.pk, self.slug])

    @property
    def slug(self):
        return claim_slug(self.text)

    @property
    def checked_statement(self):
        """What is rated: the reviewer's statement, or the sentence while there is none."""
        return self.statement or self.text


class Quotation(models.Model):
    """A direct quotation in an article and the speaker it is attributed to."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="quotations")
    text = models.TextField()
    speaker = models.CharField(max_length=200, blank=True)
    paragraph = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="quotation_span_not_empty"),
        ]
        indexes = [models.Index(fields=["speaker"], name="quotation_speaker_idx")]

    def __str__(self):
        return f"{self.speaker or 'Unattributed'}: {self.text[:60]}"


class ConsistencyCheck(models.Model):
    """A cross-claim check of an article's numbers, e.g. vote shares that should add up to 100%."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="consistency_checks")
    kind = models.CharField(max_length=40)
    ok = models.BooleanField()
    detail = models.CharField(max_length=500)
    claims = models.ManyToManyField(Claim, blank=True, related_name="consistency_checks")

    class Meta:
        ordering = ["article", "kind", "id"]

    def __str__(self):
        return f"{self.kind}: {'holds' if self.ok else 'fails'}"


# Verdicts readers may see: the current published one, and those a newer verdict superseded or an editor retracted
# (the rulebook, ``claims.reviews``). Drafts never.
PUBLIC_VERDICT_STATUSES = ("published", "superseded", "retracted")


class VerdictQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Verdict.Status.PUBLISHED)


class Verdict(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        # Replaced by a newer published verdict on the same claim; kept, public, as part of the record.
        SUPERSEDED = "superseded", "Superseded"
        # Withdrawn by an editor (wrong, not only outdated): no longer a rating, kept public with the reason.
        RETRACTED = "retracted", "Retracted"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts")
    summary = models.CharField(max_length=280, help_text="One line a reader sees first.")
    rationale = models.TextField(blank=True, help_text="Plain text or Markdown; sanitized when rendered.")
    evidence = models.ManyToManyField(Source, blank=True, related_name="evidence_for")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="verdicts"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Incremented on every save; guards concurrent edits.")
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by ``claims.reviews`` on a real change only: publishing stamps it equal to ``published_at``,
    # so a page says "updated" only after a correction.
    updated_at = models.DateTimeField(default=timezone.now)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_note = models.TextField(
        blank=True, help_text="Why the verdict was withdrawn, in words a reader understands."
    )
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = VerdictQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[evidence])

    class Meta:
        ordering = ["claim", "-published_at", "-id"]
        permissions = [("publish_verdict", "Can publish and correct verdicts")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="verdict_published_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="retracted") | models.Q(retracted_at__isnull=False),
                name="verdict_retracted_has_date",
            ),
            # At most one current published verdict per claim, whatever path writes: publishing over
            # a published verdict must supersede it first (``claims.reviews.publish_verdict``).
            models.UniqueConstraint(
                fields=["claim"], condition=models.Q(status="published"), name="verdict_one_published_per_claim"
            ),
        ]
        indexes = [
            # The current verdict: a claim's newest published verdict.
            models.Index(fields=["claim", "status", "-published_at"], name="verdict_current_idx"),
            # ``verdict_rating_published_idx`` (claims of one rating, newest verdict first) is PostgreSQL's only:
            # its NULLS LAST order is one SQLite cannot index (migration 0023).
            # Feeds of published verdicts, newest first.
            models.Index(
                fields=["-published_at", "-id"], name="verdict_published_idx", condition=models.Q(status="published")
            ),
            # Incremental sync: the API's ?updated_after= and ?ordering=updated_at on verdicts.
            models.Index(fields=["updated_at", "id"], name="verdict_updated_idx"),
        ]

    def __str__(self):
        return f"{self.rating.label}: {self.summary}"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_public(self):
        """Published, superseded or retracted: part of the public record."""
        return self.status in PUBLIC_VERDICT_STATUSES


class Correction(models.Model):
    """A change to a published verdict, kept and shown publicly (IFCN corrections policy)."""

    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="corrections")
    note = models.TextField(help_text="What changed and why, in words a reader understands.")
    previous_rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="+")
    previous_summary = models.CharField(max_length=280)
    previous_rationale = models.TextField(blank=True)
    previous_evidence = models.JSONField(default=list, blank=True, help_text="Canonical URLs of the evidence before.")
    previous_claimant = models.CharField(max_length=200, blank=True)
    previous_statement = models.TextField(blank=True, help_text="The claim as checked, before.")
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    corrected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["verdict", "-corrected_at", "-id"]

    def __str__(self):
        return f"Correction to verdict {self.verdict_id}: {self.note[:60]}"
