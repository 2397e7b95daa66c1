"""Serializers: explicit fields, separate input serializers where input and output differ."""

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article
from claims import reviews, selectors
from claims.models import Citation, Claim, Claimant, Correction, Rating, Source, Verdict, claim_slug
from claims.selectors import citations_of
from matching.models import ExternalFactCheck


class ErrorSerializer(serializers.Serializer):
    """Every error: a message for people, a stable code for programs, and per-field messages for invalid input."""

    detail = serializers.CharField()
    code = serializers.CharField()
    errors = serializers.DictField(child=serializers.JSONField(), required=False)


class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ("slug", "label", "value", "definition", "colour")


class SourceSerializer(serializers.ModelSerializer):
    citation_count = serializers.IntegerField(read_only=True, required=False)

    class Meta:
        model = Source
        fields = ("id", "canonical_url", "domain", "kind", "handle", "citation_count")


class SourceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ("id", "canonical_url", "domain", "kind", "handle")


class CitationSerializer(serializers.ModelSerializer):
    source = SourceBriefSerializer()

    class Meta:
        model = Citation
        fields = ("id", "href", "anchor_text", "paragraph", "start", "end", "source")


class CorrectionSerializer(serializers.ModelSerializer):
    previous_rating = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Correction
        fields = ("note", "previous_rating", "previous_summary", "previous_evidence", "corrected_at")


class VerdictSerializer(serializers.ModelSerializer):
    rating = RatingSerializer()
    evidence = SourceBriefSerializer(many=True)
    reviewer = serializers.SerializerMethodField()
    corrections = CorrectionSerializer(many=True)

    class Meta:
        model = Verdict
        fields = (
            "id",
            "claim",
            "rating",
            "summary",
            "rationale",
            "evidence",
            "reviewer",
            "status",
            "published_at",
            "version",
            "corrections",
            "retracted_at",
            "retraction_note",
            "created_at",
            "updated_at",
        )
        extra_kwargs = {
            "retracted_at": {"help_text": "When an editor withdrew this verdict (status `retracted`); else null."},
            "retraction_note": {"help_text": "Why it was withdrawn, as readers see it; empty unless retracted."},
        }

    @extend_schema_field(
        serializers.CharField(
            allow_null=True, help_text="The reviewer's display name (their full name), or null; never their login."
        )
    )
    def get_reviewer(self, verdict):
        return (verdict.reviewer.get_full_name() or None) if verdict.reviewer else None


class VerdictInputSerializer(serializers.Serializer):
    rating = serializers.SlugRelatedField(slug_field="slug", queryset=Rating.objects.all())
    summary = serializers.CharField(max_length=280)
    rationale = serializers.CharField(required=False, allow_blank=True, default="", max_length=20000)
    evidence = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), many=True, required=False, default=list
    )
    evidence_urls = serializers.ListField(
        child=serializers.URLField(max_length=2048), required=False, default=list, max_length=50
    )


class VerdictUpdateSerializer(serializers.Serializer):
    rating = serializers.SlugRelatedField(slug_field="slug", queryset=Rating.objects.all(), required=False)
    summary = serializers.CharField(max_length=280, required=False)
    rationale = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    evidence_urls = serializers.ListField(
        child=serializers.URLField(max_length=2048), required=False, default=list, max_length=50
    )
    correction_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    version = serializers.IntegerField(required=False, min_value=1, help_text="The version you read; or send If-Match.")


class CorrectionInputSerializer(VerdictUpdateSerializer):
    correction_note = serializers.CharField(max_length=5000)


class RetractInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5000, help_text="Why the verdict is withdrawn; shown to readers.")
    version = serializers.IntegerField(required=False, min_value=1, help_text="The version you read; or send If-Match.")


class PublishInputSerializer(serializers.Serializer):
    correction_note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=5000,
        help_text="Required when the claim already has a published verdict: publishing corrects its rating.",
    )
    version = serializers.IntegerField(required=False, min_value=1, help_text="The version you read; or send If-Match.")


class NumberSerializer(serializers.Serializer):
    value = serializers.FloatField()
    unit = serializers.CharField()
    qualifier = serializers.CharField(allow_blank=True)
    subject = serializers.CharField(allow_blank=True)


class SelectorSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["TextQuoteSelector"], default="TextQuoteSelector")
    exact = serializers.CharField()
    prefix = serializers.CharField(allow_blank=True)
    suffix = serializers.CharField(allow_blank=True)


class CurrentVerdictSerializer(serializers.ModelSerializer):
    rating = RatingSerializer()

    class Meta:
        model = Verdict
        # version and updated_at move with every correction, so the claim's ETag does too.
        fields = ("id", "rating", "summary", "published_at", "updated_at", "version")


def iso_datetime(value, zone=None):
    """A date-time as DRF's ``DateTimeField`` writes it (current time zone, ISO 8601, ``Z`` for UTC), or None.

    ``zone`` is the current time zone, looked up once by a caller writing many.
    """
    if not value:
        return None
    text = value.astimezone(zone or timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def claim_rows(values, request=None):
    """Claims read by ``selectors.claim_row_values``, written exactly as ``ClaimSerializer`` writes each one.

    A list page of 50 claims through DRF's fields walked some 1,100 field
    objects and needed model objects for five tables; profiling at a million
    claims put building those objects, and planning the statement that
    fetched them, at most of an uncached list request. Here each row is one
    dictionary built from plain values, with one more query per page
    (sources), the URL template reversed once and joined to the
    request's origin once. ``tests/api/test_claim_rows.py`` checks the output
    against ``ClaimSerializer`` row by row, so the two cannot drift.
    """
    values = list(values)
    sources = selectors.sources_by_claim([row["id"] for row in values])
    origin = request.build_absolute_uri("/")[:-1] if request else ""
    path_of = claim_path_builder()
    newsroom = reviews.can_view_drafts(getattr(request, "user", None))
    zone = timezone.get_current_timezone()
    return [
        claim_row(row, origin + path_of(row["id"], claim_slug(row["text"])), sources[row["id"]], newsroom, zone)
        for row in values
    ]


def claim_path_builder():
    """``(pk, slug) -> path`` of claim pages, from one ``reverse()`` per page instead of one per row."""
    marker_pk, marker_slug = 918273645, "slug-marker"
    template = reverse("claim-detail", args=[marker_pk, marker_slug])
    before, _, rest = template.partition(str(marker_pk))
    between, _, after = rest.partition(marker_slug)
    return lambda pk, slug: f"{before}{pk}{between}{slug}{after}"


def claim_row(row, url, sources, newsroom=False, zone=None):
    """One claim as ``ClaimSerializer`` writes it; readers (``newsroom=False``) see only published or not."""
    verdict = None
    if row["current_verdict_id"] is not None:
        verdict = {
            "id": row["current_verdict_id"],
            "rating": {
                "slug": row["current_verdict__rating__slug"],
                "label": row["current_verdict__rating__label"],
                "value": row["current_verdict__rating__value"],
                "definition": row["current_verdict__rating__definition"],
                "colour": row["current_verdict__rating__colour"],
            },
            "summary": row["current_verdict__summary"],
            "published_at": iso_datetime(row["current_verdict__published_at"], zone),
            "updated_at": iso_datetime(row["current_verdict__updated_at"], zone),
            "version": row["current_verdict__version"],
        }
    return {
        "id": row["id"],
        "url": url,
        "article": row["article_id"],
        "article_title": row["article__title"],
        "text": row["text"],
        "type": row["claim_type"],
        "claimant": row["claimant"],
        "target": row["target"],
        "paragraph": row["paragraph"],
        "start": row["start"],
        "end": row["end"],
        "selector": {
            "type": "TextQuoteSelector",
            "exact": row["text"],
            "prefix": row["prefix"],
            "suffix": row["suffix"],
        },
        "checkworthiness": float(row["checkworthiness"]),
        "checkworthy": row["checkworthy"],
        "numbers": [
            {
                "value": float(number["value"]),
                "unit": str(number["unit"]),
                "qualifier": str(number["qualifier"]),
                "subject": str(number["subject"]),
            }
            for number in row["numbers"]
        ],
        "status": row["status"] if newsroom else reviews.public_status_of(row["current_verdict_id"]),
        "stale": row["stale"],
        "sources": sources,
        "current_verdict": verdict,
        "created_at": iso_datetime(row["created_at"], zone),
        "updated_at": iso_datetime(row["updated_at"], zone),
    }


class ClaimSerializer(serializers.ModelSerializer):
    type = serializers.ChoiceField(source="claim_type", choices=Claim.Type.choices, read_only=True)
    selector = serializers.SerializerMethodField()
    numbers = NumberSerializer(many=True, read_only=True)
    sources = SourceBriefSerializer(many=True, read_only=True)
    current_verdict = CurrentVerdictSerializer(read_only=True, allow_null=True)
    article_title = serializers.CharField(source="article.title", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = (
            "id",
            "url",
            "article",
            "article_title",
            "text",
            "type",
            "claimant",
            "target",
            "paragraph",
            "start",
            "end",
            "selector",
            "checkworthiness",
            "checkworthy",
            "numbers",
            "status",
            "stale",
            "sources",
            "current_verdict",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def to_representation(self, claim):
        data = super().to_representation(claim)
        request = self.context.get("request")
        if not reviews.can_view_drafts(getattr(request, "user", None)):
            # Readers see published or not; queue states would leak that a draft exists.
            data["status"] = reviews.public_status(claim)
        return data

    @extend_schema_field(SelectorSerializer)
    def get_selector(self, claim):
        return {"type": "TextQuoteSelector", "exact": claim.text, "prefix": claim.prefix, "suffix": claim.suffix}

    @extend_schema_field(serializers.URLField())
    def get_url(self, claim):
        request = self.context.get("request")
        path = claim.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ClaimUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=Claim.Status.choices,
        required=False,
        help_text="A queue move (`new`, `in_review`, `reviewed`). `published` comes only with a published verdict: "
        "asking for it, or to move a published claim back, is 400 unless the claim already has that status.",
    )
    checkworthy = serializers.BooleanField(required=False)
    not_checkworthy_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=300,
        help_text="Required (400 without it) when setting `checkworthy` to false; cleared when setting it to true.",
    )
    claimant = serializers.CharField(required=False, allow_blank=True, max_length=200)
    correction_note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        help_text="Required to change the claimant of a published claim; shown to readers.",
    )


ARTICLE_FIELDS = (
    "id",
    "url",
    "title",
    "outlet",
    "byline",
    "language",
    "published_at",
    "paragraph_count",
    "content_hash",
    "ingested_at",
    "updated_at",
)


class ArticleSerializer(serializers.ModelSerializer):
    claim_count = serializers.IntegerField(read_only=True)
    citation_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = (*ARTICLE_FIELDS, "claim_count", "citation_count")


class ArticleDetailSerializer(serializers.ModelSerializer):
    claims = serializers.SerializerMethodField()
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Article
        fields = (*ARTICLE_FIELDS, "text", "claims", "citations")

    @extend_schema_field(ClaimSerializer(many=True))
    def get_claims(self, article):
        claims = selectors.claim_row_values(article.claims.order_by("start", "id"))
        return claim_rows(claims, self.context.get("request"))


class ArticleInputSerializer(serializers.Serializer):
    html = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, help_text="The article's HTML (a page or a fragment)."
    )
    file = serializers.FileField(required=False, help_text="Or the HTML as a file upload (multipart).")
    url = serializers.URLField(required=False, allow_blank=True, max_length=2048)

    def validate(self, attrs):
        if not attrs.get("html") and not attrs.get("file"):
            raise serializers.ValidationError("Send the article as `html` or as a `file` upload.")
        if attrs.get("html") and attrs.get("file"):
            raise serializers.ValidationError("Send `html` or `file`, not both.")
        return attrs


class ClaimReviewSerializer(serializers.Serializer):
    """ClaimReview JSON-LD; documented as an open object."""

    def to_representation(self, instance):
        return instance


class ClaimMatchSerializer(serializers.Serializer):
    """A claim possibly already checked: by us (``verdict``) or by another fact-checker (``external``)."""

    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["verdict", "external"])
    score = serializers.FloatField(help_text="0 to 1; only matches at or above the threshold are stored.")
    confirmed = serializers.BooleanField(help_text="A reviewer said this is the same claim.")
    claim_text = serializers.CharField(help_text="The checked claim's wording.")
    rating = serializers.CharField(allow_blank=True, help_text="The rating's label.")
    rating_value = serializers.FloatField(allow_null=True)
    best_rating = serializers.FloatField(allow_null=True)
    worst_rating = serializers.FloatField(allow_null=True)
    url = serializers.URLField(help_text="Our claim page, or the other fact-checker's article.")
    publisher = serializers.CharField(allow_blank=True)
    claim_author = serializers.CharField(allow_blank=True)
    published_at = serializers.DateField(allow_null=True)
    matched_claim = serializers.IntegerField(allow_null=True, help_text="Our claim's id (kind verdict).")
    external = serializers.IntegerField(allow_null=True, help_text="The imported fact check's id (kind external).")


class ExternalFactCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalFactCheck
        fields = (
            "id",
            "url",
            "publisher",
            "publisher_url",
            "claim_reviewed",
            "rating_value",
            "best_rating",
            "worst_rating",
            "rating_label",
            "claim_author",
            "claim_date",
            "published_at",
            "language",
            "imported_at",
            "updated_at",
        )


class ClaimReviewImportSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="A .json (ClaimReview, list or DataFeed) or .html page with ClaimReview JSON-LD."
    )


class ImportErrorSerializer(serializers.Serializer):
    item = serializers.CharField(help_text="Which item of the input: its position, e.g. `3` or `script 1, item 2`.")
    message = serializers.CharField()


class ClaimReviewImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    errors = ImportErrorSerializer(many=True)


class ClaimantSerializer(serializers.ModelSerializer):
    """A claimant with the tally of their public record; the view sets ``context["tallies"]`` for the page."""

    page = serializers.SerializerMethodField(help_text="The claimant's public page.")
    claims = serializers.SerializerMethodField(
        help_text="Their claims: the claim list filtered by this claimant (its `count` says how many)."
    )
    checked_count = serializers.SerializerMethodField(help_text="Their claims with a published verdict.")
    rating_counts = serializers.SerializerMethodField(
        help_text="Checked claims per rating slug (published verdicts only; ratings with none are left out)."
    )

    class Meta:
        model = Claimant
        fields = (
            "id",
            "name",
            "kind",
            "aliases",
            "slug",
            "url",
            "page",
            "claims",
            "checked_count",
            "rating_counts",
        )

    def tally(self, claimant):
        return self.context["tallies"][claimant.pk]

    @extend_schema_field(serializers.URLField())
    def get_page(self, claimant):
        return self.absolute(reverse("claimant-detail", args=[claimant.slug]))

    @extend_schema_field(serializers.URLField())
    def get_claims(self, claimant):
        return self.absolute(f"{reverse('api:claim-list')}?claimant_id={claimant.pk}")

    @extend_schema_field(serializers.IntegerField(min_value=0))
    def get_checked_count(self, claimant):
        return self.tally(claimant).checked

    @extend_schema_field(serializers.DictField(child=serializers.IntegerField(min_value=1)))
    def get_rating_counts(self, claimant):
        return self.tally(claimant).ratings

    def absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ClaimCitationSerializer(serializers.ModelSerializer):
    """A link the article cites for a claim: where it points, the words linked, and what kind of source it is."""

    url = serializers.CharField(source="href", help_text="The link as the article wrote it.")
    canonical_url = serializers.CharField(source="source.canonical_url")
    domain = serializers.CharField(source="source.domain")
    kind = serializers.ChoiceField(source="source.kind", choices=Source.Kind.choices)
    source = serializers.IntegerField(source="source_id", help_text="The cited source's id (`/api/v1/sources/{id}/`).")

    class Meta:
        model = Citation
        fields = ("id", "url", "anchor_text", "canonical_url", "domain", "kind", "source", "start", "end")


class ClaimDetailSerializer(ClaimSerializer):
    """A claim with the links its article cites for it (``claims.selectors.citations_of``)."""

    citations = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = (*ClaimSerializer.Meta.fields, "citations")
        read_only_fields = fields
        list_serializer_class = serializers.ListSerializer

    @extend_schema_field(ClaimCitationSerializer(many=True))
    def get_citations(self, claim):
        return ClaimCitationSerializer(citations_of(claim), many=True).data
