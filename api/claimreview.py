"""schema.org ClaimReview for aggregators: the feed of published verdicts and one claim's review."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from claims.claimreview import claim_review
from claims.selectors import ARTICLE_BODY, current_published_verdicts, other_appearances

from . import serializers as api
from .caching import CachedPublicReads
from .filters import ID_PATTERN, StableOrderingFilter, StrictQueryParameters
from .pagination import KeysetPagination

ERROR = api.ErrorSerializer

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
class ClaimReviewViewSet(CachedPublicReads, StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = api.ClaimReviewSerializer
    filter_backends = [StableOrderingFilter]
    ordering_fields = ["published_at", "id"]
    ordering = ["-published_at", "-id"]
    pagination_class = KeysetPagination

    def get_queryset(self):
        return (
            current_published_verdicts()
            .select_related("rating", "claim__article", "claim__claimant_entity")
            .defer(*(f"claim__{field}" for field in ARTICLE_BODY))
        )

    def base_url(self):
        return self.request.build_absolute_uri("/").rstrip("/")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        appearances = other_appearances(page)
        return self.get_paginated_response(
            [
                claim_review(verdict, base_url=self.base_url(), other_appearances=appearances[verdict.pk])
                for verdict in page
            ]
        )

    def retrieve(self, request, pk=None):
        verdict = get_object_or_404(self.get_queryset(), claim_id=pk)
        appearances = other_appearances([verdict])[verdict.pk]
        return Response(claim_review(verdict, base_url=self.base_url(), other_appearances=appearances))
