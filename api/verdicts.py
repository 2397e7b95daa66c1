"""Verdicts: list and read, edit drafts, publish and correct (the rulebook in ``claims.reviews`` decides)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from claims import reviews
from claims.models import PUBLIC_VERDICT_STATUSES, Verdict

from . import serializers as api
from .caching import CachedPublicReads
from .conditional import IF_MATCH, ETagRetrieveMixin, expected_version, with_etag
from .filters import ID_PATTERN, StrictQueryParameters, VerdictFilter
from .pagination import KeysetPagination
from .permissions import CanCorrectVerdict, CanEditVerdict, CanPublishVerdict, CanRetractVerdict, can_see_drafts

ERROR = api.ErrorSerializer
WRITE_ERRORS = dict.fromkeys((400, 401, 403, 404, 412, 428), ERROR)


def verdicts_queryset(user):
    """The verdicts ``user`` may read: published and superseded ones for everyone, drafts too for the newsroom."""
    queryset = Verdict.objects.select_related("rating", "reviewer").prefetch_related(
        "evidence", "corrections__previous_rating"
    )
    if not can_see_drafts(user):
        queryset = queryset.filter(status__in=PUBLIC_VERDICT_STATUSES)
    return queryset.order_by("-published_at", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="List verdicts", description="Published verdicts for everyone; drafts too for reviewers."
    ),
    retrieve=extend_schema(summary="A verdict"),
)
class VerdictViewSet(
    CachedPublicReads,
    StrictQueryParameters,
    ETagRetrieveMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    writes_need_precondition = True  # If-Match or version, else 428 (api/conditional.py)
    lookup_value_regex = ID_PATTERN
    serializer_class = api.VerdictSerializer
    filterset_class = VerdictFilter
    pagination_class = KeysetPagination
    ordering_fields = ["published_at", "created_at", "updated_at", "id"]
    ordering = ["-published_at", "-id"]

    def get_queryset(self):
        return verdicts_queryset(self.request.user)

    def get_permissions(self):
        rule = {
            "partial_update": CanEditVerdict,
            "publish": CanPublishVerdict,
            "correct": CanCorrectVerdict,
            "retract": CanRetractVerdict,
        }
        if self.action in rule:
            return [rule[self.action]()]
        return super().get_permissions()

    @extend_schema(
        summary="Edit a verdict",
        description="Drafts by reviewers; a published verdict only by an editor with a `correction_note` "
        "(evidence included). Send If-Match or `version`.",
        request=api.VerdictUpdateSerializer,
        parameters=[IF_MATCH],
        responses={200: api.VerdictSerializer, **WRITE_ERRORS},
    )
    def partial_update(self, request, *args, **kwargs):
        verdict = self.get_object()
        return self.apply_update(request, verdict, api.VerdictUpdateSerializer)

    def apply_update(self, request, verdict, serializer_class):
        """Validate ``request.data`` with ``serializer_class`` and update the verdict at the version the client read."""
        payload = serializer_class(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        version = expected_version(request, verdict, data.pop("version", None))
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
        description="Over a published verdict this corrects the claim's rating: send a `correction_note`; "
        "the old verdict becomes `superseded`. Send If-Match or `version`.",
        request=api.PublishInputSerializer,
        parameters=[IF_MATCH],
        responses={200: api.VerdictSerializer, 409: ERROR, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        verdict = self.get_object()
        payload = api.PublishInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        version = expected_version(request, verdict, payload.validated_data.get("version"))
        verdict = reviews.publish_verdict(
            verdict,
            by=request.user,
            expected_version=version,
            correction_note=payload.validated_data.get("correction_note", ""),
        )
        verdict = self.get_queryset().get(pk=verdict.pk)
        return with_etag(Response(self.get_serializer(verdict).data), verdict)

    @extend_schema(
        summary="Correct a published verdict (editors)",
        description="The previous rating and summary are kept in the verdict's public corrections log.",
        request=api.CorrectionInputSerializer,
        parameters=[IF_MATCH],
        responses={200: api.VerdictSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        verdict = self.get_object()
        if not verdict.is_published:
            raise ValidationError({"detail": ["Only a published verdict is corrected; edit the draft instead."]})
        return self.apply_update(request, verdict, api.CorrectionInputSerializer)

    @extend_schema(
        summary="Retract a published verdict (editors)",
        description="For a verdict that was wrong, not only outdated (correct it instead). The claim loses its "
        "rating until a new verdict is published; the verdict stays public as `retracted` with its `note`, and a "
        "`retracted` event goes to the change feed and webhooks. Send If-Match or `version`.",
        request=api.RetractInputSerializer,
        parameters=[IF_MATCH],
        responses={200: api.VerdictSerializer, 409: ERROR, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def retract(self, request, pk=None):
        verdict = self.get_object()
        payload = api.RetractInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        version = expected_version(request, verdict, payload.validated_data.get("version"))
        verdict = reviews.retract_verdict(
            verdict, by=request.user, expected_version=version, note=payload.validated_data["note"]
        )
        verdict = self.get_queryset().get(pk=verdict.pk)
        return with_etag(Response(self.get_serializer(verdict).data), verdict)
