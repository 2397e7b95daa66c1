"""Cited sources and the rating scale: read-only reference lists."""

from django.db.models import Count
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from claims.models import Rating, Source

from . import serializers as api
from .caching import CachedPublicReads
from .filters import ID_PATTERN, SourceFilter, StrictQueryParameters
from .permissions import can_see_drafts


@extend_schema_view(list=extend_schema(summary="List cited sources"), retrieve=extend_schema(summary="A cited source"))
class SourceViewSet(CachedPublicReads, StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = api.SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["citation_count", "domain", "id"]
    ordering = ["-citation_count", "id"]

    def get_queryset(self):
        # A draft verdict's evidence stays in the newsroom until the verdict is published.
        sources = Source.objects.all() if can_see_drafts(self.request.user) else Source.objects.public()
        return sources.annotate(citation_count=Count("citations"))


@extend_schema_view(list=extend_schema(summary="The rating scale"), retrieve=extend_schema(summary="A rating"))
class RatingViewSet(CachedPublicReads, StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[a-z0-9-]{1,40}"
    serializer_class = api.RatingSerializer
    queryset = Rating.objects.order_by("order", "id")
    lookup_field = "slug"
    filter_backends = []
