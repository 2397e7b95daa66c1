"""Claims: list, filter and read; change a claim's review status; a claim's verdicts."""

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims import reviews
from claims.models import Claim
from claims.selectors import claim_row_values, claims_for_list

from . import serializers as api
from .caching import CachedPublicReads
from .conditional import IF_MATCH, ETagRetrieveMixin, check_if_match, required_if_match, with_etag
from .filters import ID_PATTERN, ClaimFilter, StrictQueryParameters
from .locations import with_location
from .pagination import KeysetPagination
from .permissions import CanChangeClaim, CanDraftVerdict
from .verdicts import verdicts_queryset

ERROR = api.ErrorSerializer


@extend_schema_view(
    list=extend_schema(summary="List claims", description="Filter, search and order the claims of all articles."),
    retrieve=extend_schema(summary="A claim with its anchors, numbers, sources and current verdict"),
)
class ClaimViewSet(
    CachedPublicReads,
    StrictQueryParameters,
    ETagRetrieveMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    writes_need_precondition = True  # If-Match or version, else 428 (api/conditional.py)
    lookup_value_regex = ID_PATTERN
    serializer_class = api.ClaimSerializer
    pagination_class = KeysetPagination
    filterset_class = ClaimFilter
    ordering_fields = ["checkworthiness", "created_at", "updated_at", "id"]
    ordering = ["-checkworthiness", "id"]

    def get_queryset(self):
        return claims_for_list()

    # A page's rows are read as plain values, not model objects: see ``api.serializers.claim_rows``.
    page_rows = staticmethod(claim_row_values)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(Claim.objects.all()))
        return self.get_paginated_response(api.claim_rows(page, request))

    def get_serializer_class(self):
        # The detail, and a PATCH's answer (whose ETag If-Match compares with the detail's), list the citations.
        return api.ClaimDetailSerializer if self.action in {"retrieve", "partial_update"} else api.ClaimSerializer

    def get_permissions(self):
        rule = {"partial_update": CanChangeClaim, "verdicts": CanDraftVerdict}
        if self.action in rule:
            return [rule[self.action]()]
        return super().get_permissions()

    @extend_schema(
        summary="Change a claim's review status (or, with a correction note, its claimant)",
        description="Send the claim's ETag as If-Match: a stale one gets 412, none 428.",
        request=api.ClaimUpdateSerializer,
        parameters=[IF_MATCH],
        responses={200: api.ClaimDetailSerializer, **dict.fromkeys((400, 401, 403, 404, 412, 428), ERROR)},
    )
    def partial_update(self, request, *args, **kwargs):
        claim = self.get_object()
        wanted = required_if_match(request)
        payload = api.ClaimUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        changes = dict(payload.validated_data)
        if changes.get("checkworthy") is True:
            changes.setdefault("not_checkworthy_reason", "")
        with transaction.atomic():
            # Locked, then compared with what the client read, then changed: no lost update in between.
            list(Claim.objects.select_for_update().filter(pk=claim.pk).values_list("pk", flat=True))
            current = self.get_queryset().get(pk=claim.pk)
            check_if_match(wanted, current, self.get_serializer(current).data)
            reviews.update_claim(
                current, by=request.user, correction_note=changes.pop("correction_note", ""), **changes
            )
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
            payload = api.VerdictInputSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            verdict = reviews.draft_verdict(claim=claim, by=request.user, **payload.validated_data)
            verdict = verdicts_queryset(request.user).get(pk=verdict.pk)
            response = Response(api.VerdictSerializer(verdict).data, status=status.HTTP_201_CREATED)
            return with_location(with_etag(response, verdict), request, "verdict-detail", verdict.pk)
        verdicts = verdicts_queryset(request.user).filter(claim=claim)
        return Response(api.VerdictSerializer(verdicts, many=True).data)
