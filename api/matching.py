"""Claim matching: a claim's possible earlier checks, other fact-checkers' imported ClaimReviews, and importing them."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from claims.models import Claim
from matching.claimreview_import import (
    ImportFormatError,
    kind_of,
    read_claim_review_document,
    read_claim_reviews,
)
from matching.selectors import imported_fact_checks, matches_for_claim, summarise
from matching.services import import_fact_checks

from . import serializers as api
from .caching import CachedPublicReads
from .errors import PayloadTooLarge
from .filters import ID_PATTERN, ExternalFactCheckFilter, StrictQueryParameters
from .pagination import KeysetPagination, NumberedPagination
from .permissions import require_permission

ERROR = api.ErrorSerializer


class ClaimReviewJSONParser(JSONParser):
    """ClaimReview feeds are often served as JSON-LD."""

    media_type = "application/ld+json"


@extend_schema_view(
    list=extend_schema(
        summary="Where a claim was possibly already checked",
        description="Ranked, best first: our own published verdicts on the same claim (kind `verdict`) and other "
        "fact-checkers' imported checks (kind `external`), each with its wording, rating, URL and score. Only "
        "matches at or above the threshold are stored, so an empty list means nothing similar enough.",
        responses={200: api.ClaimMatchSerializer(many=True), 404: ERROR},
    )
)
class ClaimMatchViewSet(CachedPublicReads, StrictQueryParameters, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = api.ClaimMatchSerializer
    pagination_class = NumberedPagination  # a claim has a few dozen matches at most: one page in practice
    filter_backends = []

    def get_queryset(self):
        if not hasattr(self, "claim"):
            self.claim = get_object_or_404(Claim.objects.only("id"), pk=self.kwargs["claim_id"])
        return matches_for_claim(self.claim.pk)

    def list(self, request, claim_id=None):
        page = self.paginate_queryset(self.get_queryset())
        base_url = request.build_absolute_uri("/").rstrip("/")
        summaries = [summarise(match, base_url=base_url) for match in page]
        return self.get_paginated_response(api.ClaimMatchSerializer(summaries, many=True).data)


@extend_schema_view(
    list=extend_schema(summary="Other fact-checkers' imported ClaimReviews", description="Newest first."),
    retrieve=extend_schema(summary="One imported fact check"),
)
class ExternalFactCheckViewSet(CachedPublicReads, StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = api.ExternalFactCheckSerializer
    pagination_class = KeysetPagination
    filterset_class = ExternalFactCheckFilter
    ordering_fields = ["published_at", "imported_at", "id"]
    ordering = ["-published_at", "-id"]

    def get_queryset(self):
        return imported_fact_checks()

    @extend_schema(
        summary="Import other fact-checkers' ClaimReviews (editors)",
        description="The body is one ClaimReview, a list of them or a schema.org DataFeed as JSON, or a multipart "
        "`file` (.json, or an .html page carrying ClaimReview JSON-LD). A fact check is stored once per URL; "
        "importing it again updates it. Broken items are listed in `errors` and the rest is imported; 400 when "
        "nothing in the input is readable.",
        request={
            "application/json": {"type": "object", "description": "A ClaimReview, a list of them or a DataFeed."},
            "multipart/form-data": api.ClaimReviewImportSerializer,
        },
        responses={
            200: api.ClaimReviewImportResultSerializer,
            400: ERROR,
            401: ERROR,
            403: ERROR,
            413: ERROR,
            415: ERROR,
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[JSONParser, ClaimReviewJSONParser, MultiPartParser],
    )
    def import_reviews(self, request):
        require_permission(request, "matching.add_externalfactcheck")
        limit = min(settings.FACTCHECK_MAX_IMPORT_BYTES, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        if int(request.META.get("CONTENT_LENGTH") or 0) > limit:
            raise PayloadTooLarge(f"The request is over the {limit:,}-byte import limit.")
        try:
            if request.content_type.startswith("multipart/"):
                records, errors = self._read_upload(request)
            else:
                records, errors = read_claim_review_document(request.data)
        except ImportFormatError as error:
            raise ValidationError({"file" if request.content_type.startswith("multipart/") else "body": [str(error)]})
        summary = import_fact_checks(records, errors=errors)
        return Response(api.ClaimReviewImportResultSerializer(summary.as_dict()).data)

    def _read_upload(self, request):
        payload = api.ClaimReviewImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data["file"]
        kind = kind_of(upload.name or "") or ("html" if "html" in (upload.content_type or "") else "json")
        return read_claim_reviews(upload.read(), kind=kind)
