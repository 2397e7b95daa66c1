"""The change feed: every change to articles, claims and verdicts, oldest first, for mirrors that stay exact."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError

from integrations.models import ChangeEvent

from .filters import FilterBackend, FilterSet, StrictQueryParameters
from .pagination import KeysetPagination
from .permissions import can_see_drafts


class ChangeEventSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = ChangeEvent
        fields = ("id", "resource", "object_id", "kind", "version", "occurred_at", "url")

    def get_url(self, event) -> str:
        """The resource's API URL (it answers 404 once the resource is deleted)."""
        request = self.context.get("request")
        path = f"/api/v1/{event.resource}s/{event.object_id}/"
        return request.build_absolute_uri(path) if request else path


class ChangeFeedPagination(KeysetPagination):
    """``?after=<event id>``: the events after the last one you processed; ``next`` carries it for you."""

    cursor_query_param = "after"
    query_parameters = ("after", "page_size")

    def encode(self, values):
        return str(values[-1])

    def decode(self, raw):
        if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
            raise ValidationError({"after": ["The id of an event: a whole number from 0."]})
        return [int(raw)]

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        parameters[0] = {
            "name": "after",
            "required": False,
            "in": "query",
            "description": "The id of the last event you processed (0 or absent: from the start).",
            "schema": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1},
        }
        return parameters


class ChangeFilter(FilterSet):
    resource = filters.ChoiceFilter(choices=ChangeEvent.Resource.choices)
    kind = filters.ChoiceFilter(choices=ChangeEvent.Kind.choices)

    class Meta:
        model = ChangeEvent
        fields = []


@extend_schema_view(
    list=extend_schema(
        summary="Changes to articles, claims and verdicts, oldest first",
        description="Poll with the `next` link (or `?after=` the last event id you processed) to keep a mirror "
        "exact: each event names the resource, its id, what happened and the resource's version after it "
        "(the number in its ETag). Anonymous callers see changes to public material; reviewers also see drafts.",
    )
)
class ChangeViewSet(StrictQueryParameters, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ChangeEventSerializer
    filterset_class = ChangeFilter
    filter_backends = [FilterBackend]
    pagination_class = ChangeFeedPagination

    def get_queryset(self):
        settled = timezone.now() - timedelta(seconds=settings.FACTCHECK_CHANGES_SETTLE_SECONDS)
        events = ChangeEvent.objects.filter(occurred_at__lte=settled).order_by("id")
        if not can_see_drafts(self.request.user):
            events = events.filter(public=True)
        return events
