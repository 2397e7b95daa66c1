"""Claimants: the people and organisations claims are attributed to, with the tally of their public record."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from claims.models import Claimant
from claims.selectors import claimant_tallies

from . import serializers as api
from .caching import CachedPublicReads
from .conditional import with_etag
from .filters import ID_PATTERN, ClaimantFilter, StrictQueryParameters
from .pagination import KeysetPagination


@extend_schema_view(
    list=extend_schema(
        summary="List claimants",
        description="Who makes claims, with how many of their claims readers see and how the checked ones were "
        "rated (published verdicts only). Their claims: follow `claims`.",
    ),
    retrieve=extend_schema(summary="A claimant with the tally of their record"),
)
class ClaimantViewSet(CachedPublicReads, StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = api.ClaimantSerializer
    filterset_class = ClaimantFilter
    pagination_class = KeysetPagination
    ordering_fields = ["name", "created_at", "id"]
    ordering = ["name", "id"]
    queryset = Claimant.objects.all()

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        tallies = claimant_tallies([claimant.pk for claimant in page])
        serializer = self.get_serializer(page, many=True, context={**self.get_serializer_context(), "tallies": tallies})
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        claimant = self.get_object()
        context = {**self.get_serializer_context(), "tallies": claimant_tallies([claimant.pk])}
        return with_etag(Response(self.get_serializer(claimant, context=context).data), claimant)
