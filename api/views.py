"""REST API v1. Thin: validate input, call a service or selector, serialize the result.

Reads are open for published material; drafts and every write need a token
or a session, with the same permissions as the admin. Detail responses carry
an ETag; a write whose If-Match names an older ETag gets 412.
"""

from datetime import UTC, timedelta

from django import forms
from django.conf import settings
from django.db import connections
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, PermissionDenied, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from articles.ingest import ingest
from articles.models import Article
from claims import reviews
from claims.caching import cache_public_page
from claims.claimreview import claim_review
from claims.models import Citation, Claim, Rating, Source, Verdict
from claims.pagination import LargeTablePagination
from claims.selectors import (
    ARTICLE_BODY,
    claims_for_list,
    current_published_verdicts,
    matching,
    with_rating,
    with_sources,
)

from . import serializers as api
from .errors import PayloadTooLarge, PreconditionFailed
from .permissions import can_see_drafts

ERROR = api.ErrorSerializer

IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, description="The ETag you read; a stale one gets 412."
)
REQUEST_SLACK = 64 * 1024
MAX_UTC_OFFSET = timedelta(hours=14)
# Ids in URLs are positive 64-bit integers; anything else is a 404 before it reaches the database.
ID_PATTERN = "[0-9]{1,18}"  # JSON quoting and multipart framing around the HTML itself


class CachedPublicReads:
    """Anonymous list and detail reads come from the public cache (``claims.caching``), invalidated on every change.

    The cache wraps the whole DRF view, so a hit skips authentication,
    throttling and serialization: it costs about what a static response does.
    """

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        view = super().as_view(actions, **initkwargs)
        if actions and actions.get("get") in {"list", "retrieve"}:
            return cache_public_page(view, per_accept=True)
        return view


def etag_of(obj):
    if isinstance(obj, Verdict):
        return f'"verdict-{obj.pk}-v{obj.version}"'
    return f'"{obj._meta.model_name}-{obj.pk}-{int(obj.updated_at.timestamp() * 1_000_000)}"'


def check_if_match(request, obj):
    wanted = request.headers.get("If-Match")
    if wanted and wanted.strip() not in {"*", etag_of(obj)}:
        raise PreconditionFailed()


def with_etag(response, obj):
    response["ETag"] = etag_of(obj)
    return response


class ETagRetrieveMixin:
    """Detail responses carry the ETag a later If-Match must name."""

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        return with_etag(Response(self.get_serializer(obj).data), obj)


def require_permission(request, permission):
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    if not request.user.has_perm(permission):
        raise PermissionDenied("You do not have permission to do this.")


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 2**63 - 1})
class IdFilter(filters.NumberFilter):
    """An object id: documented as a bounded integer, so generated clients never send 1e141."""

    field_class = forms.IntegerField


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, normalised to UTC; offsets no real time zone has (over 14 hours) are invalid input."""

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        offset = parsed.utcoffset()
        if offset is not None and abs(offset) > MAX_UTC_OFFSET:
            raise forms.ValidationError("The time zone offset is out of range.", code="invalid")
        try:
            return parsed.astimezone(UTC) if offset is not None else parsed
        except OverflowError:
            raise forms.ValidationError("The date is out of range.", code="invalid") from None


class DateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


def strict_boolean(**kwargs):
    """A true/false filter that answers 400 to anything else, instead of silently not filtering."""
    return filters.TypedChoiceFilter(
        choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true", **kwargs
    )


class ArticleFilter(filters.FilterSet):
    outlet = filters.CharFilter(lookup_expr="iexact")
    language = filters.CharFilter()
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt")

    class Meta:
        model = Article
        fields = ["outlet", "language"]


@extend_schema_view(
    list=extend_schema(summary="List articles"),
    retrieve=extend_schema(summary="An article with its text, claims and citations"),
)
class ArticleViewSet(
    CachedPublicReads,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    lookup_value_regex = ID_PATTERN
    filterset_class = ArticleFilter
    ordering_fields = ["ingested_at", "published_at", "id"]
    ordering = ["-ingested_at", "-id"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        if self.action == "retrieve":
            return Article.objects.prefetch_related(
                Prefetch("claims", queryset=claims_for_list().order_by("start")),
                Prefetch("citations", queryset=Citation.objects.select_related("source")),
            )
        return Article.objects.with_counts().defer("html", "text")

    def get_serializer_class(self):
        return api.ArticleDetailSerializer if self.action == "retrieve" else api.ArticleSerializer

    @extend_schema(
        summary="Ingest an article",
        description='Post the HTML as JSON `{"html", "url"}` or as a multipart `file`. 201 with the new article, '
        "or 200 with the existing one when the same HTML was ingested before.",
        request={"application/json": api.ArticleInputSerializer, "multipart/form-data": api.ArticleInputSerializer},
        responses={
            201: api.ArticleDetailSerializer,
            200: api.ArticleDetailSerializer,
            400: ERROR,
            401: ERROR,
            403: ERROR,
            413: ERROR,
            415: ERROR,
        },
    )
    def create(self, request, *args, **kwargs):
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.FACTCHECK_MAX_ARTICLE_BYTES + REQUEST_SLACK:
            raise PayloadTooLarge(
                f"The request is over the {settings.FACTCHECK_MAX_ARTICLE_BYTES:,}-byte article limit."
            )
        payload = api.ArticleInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data.get("file")
        html = upload.read() if upload is not None else payload.validated_data["html"]
        result = ingest(html, url=payload.validated_data.get("url") or None)
        article = self.get_queryset_for_detail().get(pk=result.article.pk)
        body = api.ArticleDetailSerializer(article, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)

    def get_queryset_for_detail(self):
        self.action = "retrieve"
        return self.get_queryset()


class ClaimFilter(filters.FilterSet):
    type = filters.ChoiceFilter(field_name="claim_type", choices=Claim.Type.choices)
    status = filters.ChoiceFilter(choices=Claim.Status.choices)
    rating = filters.CharFilter(method="filter_rating", help_text="A rating slug, or `unreviewed`.")
    claimant = filters.CharFilter(lookup_expr="icontains")
    checkworthy = strict_boolean()
    has_sources = strict_boolean(method="filter_has_sources")
    stale = strict_boolean()
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lt")
    published_after = DateTimeFilter(field_name="article__published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="article__published_at", lookup_expr="lt")
    search = filters.CharFilter(method="filter_search", help_text="Words in the claim's text or claimant.")
    article = IdFilter(
        field_name="article_id", min_value=1, max_value=2**63 - 1, help_text="Claims of this article id."
    )

    class Meta:
        model = Claim
        fields = []

    @extend_schema_field(OpenApiTypes.STR)
    def filter_rating(self, queryset, name, value):
        if value == "unreviewed":
            return queryset.filter(current_verdict__isnull=True)
        return with_rating(queryset, value)

    @extend_schema_field({"type": "string", "enum": ["true", "false"]})
    def filter_has_sources(self, queryset, name, value):
        return with_sources(queryset, cited=value)

    @extend_schema_field(OpenApiTypes.STR)
    def filter_search(self, queryset, name, value):
        return matching(queryset, value, vendor=connections[queryset.db].vendor)


@extend_schema_view(
    list=extend_schema(summary="List claims", description="Filter, search and order the claims of all articles."),
    retrieve=extend_schema(summary="A claim with its anchors, numbers, sources and current verdict"),
)
class ClaimViewSet(
    CachedPublicReads, ETagRetrieveMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    lookup_value_regex = ID_PATTERN
    serializer_class = api.ClaimSerializer
    pagination_class = LargeTablePagination
    filterset_class = ClaimFilter
    ordering_fields = ["checkworthiness", "created_at", "id"]
    ordering = ["-checkworthiness", "id"]

    def get_queryset(self):
        return claims_for_list()

    @extend_schema(
        summary="Change a claim's review status",
        request=api.ClaimUpdateSerializer,
        parameters=[IF_MATCH],
        responses={200: api.ClaimSerializer, 400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR, 412: ERROR},
    )
    def partial_update(self, request, *args, **kwargs):
        claim = self.get_object()
        require_permission(request, "claims.change_claim")
        check_if_match(request, claim)
        payload = api.ClaimUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        if data.get("status") == Claim.Status.PUBLISHED:
            raise ValidationError({"status": ["A claim is published by publishing a verdict."]})
        if "status" in data:
            reviews.set_status([claim], data["status"], by=request.user)
        if data.get("checkworthy") is False:
            reviews.mark_not_checkworthy([claim], reason=data.get("not_checkworthy_reason", ""), by=request.user)
        elif data.get("checkworthy") is True:
            reviews.mark_checkworthy([claim], by=request.user)
        claim = self.get_queryset().get(pk=claim.pk)
        return with_etag(Response(self.get_serializer(claim).data), claim)

    @extend_schema(
        methods=["GET"],
        summary="A claim's verdicts",
        responses={200: api.VerdictSerializer(many=True), 404: ERROR},
    )
    @extend_schema(
        methods=["POST"],
        summary="Draft a verdict for a claim",
        request=api.VerdictInputSerializer,
        responses={201: api.VerdictSerializer, 400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def verdicts(self, request, pk=None):
        claim = self.get_object()
        if request.method == "POST":
            require_permission(request, "claims.add_verdict")
            payload = api.VerdictInputSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            verdict = reviews.draft_verdict(claim=claim, by=request.user, **payload.validated_data)
            verdict = verdicts_queryset(request.user).get(pk=verdict.pk)
            return with_etag(Response(api.VerdictSerializer(verdict).data, status=status.HTTP_201_CREATED), verdict)
        verdicts = verdicts_queryset(request.user).filter(claim=claim)
        return Response(api.VerdictSerializer(verdicts, many=True).data)


def verdicts_queryset(user):
    queryset = Verdict.objects.select_related("rating", "reviewer").prefetch_related(
        "evidence", "corrections__previous_rating"
    )
    if not can_see_drafts(user):
        queryset = queryset.filter(status=Verdict.Status.PUBLISHED)
    return queryset.order_by("-published_at", "-id")


class VerdictFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Verdict.Status.choices)
    rating = filters.CharFilter(field_name="rating__slug")
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt")
    claim = IdFilter(field_name="claim_id", min_value=1, max_value=2**63 - 1)

    class Meta:
        model = Verdict
        fields = []


@extend_schema_view(
    list=extend_schema(
        summary="List verdicts", description="Published verdicts for everyone; drafts too for reviewers."
    ),
    retrieve=extend_schema(summary="A verdict"),
)
class VerdictViewSet(
    CachedPublicReads, ETagRetrieveMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    lookup_value_regex = ID_PATTERN
    serializer_class = api.VerdictSerializer
    filterset_class = VerdictFilter
    ordering_fields = ["published_at", "created_at", "id"]

    def get_queryset(self):
        return verdicts_queryset(self.request.user)

    def expected_version(self, request, verdict, body_version):
        """The version the client read: from If-Match, else the body's ``version``, else the current one."""
        header = request.headers.get("If-Match", "").strip()
        if header and header != "*":
            if header != etag_of(verdict):
                raise PreconditionFailed()
            return verdict.version
        return body_version or verdict.version

    @extend_schema(
        summary="Edit a verdict",
        description="Drafts by reviewers; a published verdict only by an editor with a `correction_note`.",
        request=api.VerdictUpdateSerializer,
        parameters=[IF_MATCH],
        responses={200: api.VerdictSerializer, 400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR, 412: ERROR},
    )
    def partial_update(self, request, *args, **kwargs):
        verdict = self.get_object()
        require_permission(request, "claims.change_verdict")
        return self.apply_update(request, verdict, api.VerdictUpdateSerializer)

    def apply_update(self, request, verdict, serializer_class):
        """Validate ``request.data`` with ``serializer_class`` and update the verdict at the version the client read."""
        payload = serializer_class(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        version = self.expected_version(request, verdict, data.pop("version", None))
        verdict = reviews.update_verdict(
            verdict,
            by=request.user,
            expected_version=version,
            correction_note=data.pop("correction_note", ""),
            evidence_urls=data.pop("evidence_urls", []),
            **data,
        )
        verdict = self.get_queryset().get(pk=verdict.pk)
        return with_etag(Response(self.get_serializer(verdict).data), verdict)

    @extend_schema(
        summary="Publish a draft verdict (editors)",
        request=None,
        parameters=[IF_MATCH],
        responses={200: api.VerdictSerializer, 401: ERROR, 403: ERROR, 404: ERROR, 409: ERROR, 412: ERROR},
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def publish(self, request, pk=None):
        verdict = self.get_object()
        version = self.expected_version(request, verdict, None)
        verdict = reviews.publish_verdict(verdict, by=request.user, expected_version=version)
        verdict = self.get_queryset().get(pk=verdict.pk)
        return with_etag(Response(self.get_serializer(verdict).data), verdict)

    @extend_schema(
        summary="Correct a published verdict (editors)",
        description="The previous rating and summary are kept in the verdict's public corrections log.",
        request=api.CorrectionInputSerializer,
        parameters=[IF_MATCH],
        responses={200: api.VerdictSerializer, 400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR, 412: ERROR},
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def correct(self, request, pk=None):
        verdict = self.get_object()
        require_permission(request, "claims.publish_verdict")
        if not verdict.is_published:
            raise ValidationError({"detail": ["Only a published verdict is corrected; edit the draft instead."]})
        return self.apply_update(request, verdict, api.CorrectionInputSerializer)


class SourceFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Source.Kind.choices)
    domain = filters.CharFilter(lookup_expr="iexact")

    class Meta:
        model = Source
        fields = ["kind", "domain"]


@extend_schema_view(list=extend_schema(summary="List cited sources"), retrieve=extend_schema(summary="A cited source"))
class SourceViewSet(CachedPublicReads, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = api.SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["citation_count", "domain", "id"]
    ordering = ["-citation_count", "id"]

    def get_queryset(self):
        return Source.objects.annotate(citation_count=Count("citations"))


@extend_schema_view(list=extend_schema(summary="The rating scale"), retrieve=extend_schema(summary="A rating"))
class RatingViewSet(CachedPublicReads, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[a-z0-9-]{1,40}"
    serializer_class = api.RatingSerializer
    queryset = Rating.objects.order_by("order", "id")
    lookup_field = "slug"
    filter_backends = []


class ClaimReviewFeedPagination(CursorPagination):
    """A feed crawled front to back: cursors, no counting of every published verdict."""

    ordering = ("-published_at", "-id")
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


CLAIM_REVIEW = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description="A schema.org ClaimReview JSON-LD object (https://schema.org/ClaimReview).",
)


@extend_schema_view(
    list=extend_schema(summary="Published verdicts as a ClaimReview feed", responses={200: CLAIM_REVIEW}),
    retrieve=extend_schema(
        summary="The ClaimReview of one claim, by claim id", responses={200: CLAIM_REVIEW, 404: ERROR}
    ),
)
class ClaimReviewViewSet(CachedPublicReads, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = api.ClaimReviewSerializer
    filter_backends = []
    pagination_class = ClaimReviewFeedPagination

    def get_queryset(self):
        return (
            current_published_verdicts()
            .select_related("rating", "claim__article")
            .defer(*(f"claim__{field}" for field in ARTICLE_BODY))
        )

    def base_url(self):
        return self.request.build_absolute_uri("/").rstrip("/")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([claim_review(verdict, base_url=self.base_url()) for verdict in page])

    def retrieve(self, request, pk=None):
        verdict = get_object_or_404(self.get_queryset(), claim_id=pk)
        return Response(claim_review(verdict, base_url=self.base_url()))


def not_found(request, *args, **kwargs):
    """JSON 404 for any path under /api/v1/ that names no endpoint."""
    from django.http import JsonResponse

    return JsonResponse({"detail": "No such API endpoint.", "code": "not_found"}, status=404)
