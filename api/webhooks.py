"""Webhook subscriptions over the API (editors): where to POST, which events, the signing secret."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from integrations.forms import validate_target
from integrations.models import WebhookSubscription
from integrations.tokens import can_manage_webhooks

from .filters import ID_PATTERN, StrictQueryParameters
from .locations import LocationOnCreate


class CanManageWebhooks(permissions.BasePermission):
    message = "Only editors manage webhooks."

    def has_permission(self, request, view):
        return can_manage_webhooks(request.user)


class WebhookSubscriptionSerializer(serializers.ModelSerializer):
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookSubscription.Event.choices), min_length=1, max_length=10
    )
    secret = serializers.CharField(
        write_only=True,
        min_length=16,
        max_length=128,
        help_text="Shared secret: X-Factcheck-Signature is t=<unix time>,v1=HMAC-SHA256(secret, '<t>.' + body).",
    )

    class Meta:
        model = WebhookSubscription
        fields = ("id", "url", "events", "secret", "active", "created_at")
        read_only_fields = ("id", "created_at")

    def validate_url(self, url):
        try:
            validate_target(url)
        except Exception as error:
            raise serializers.ValidationError(error.messages[0] if hasattr(error, "messages") else str(error)) from None
        return url


@extend_schema_view(
    list=extend_schema(summary="Webhook subscriptions"),
    create=extend_schema(summary="Subscribe a URL to events"),
    retrieve=extend_schema(summary="A webhook subscription"),
    partial_update=extend_schema(summary="Change a webhook subscription"),
    destroy=extend_schema(summary="Delete a webhook subscription"),
)
class WebhookSubscriptionViewSet(LocationOnCreate, StrictQueryParameters, viewsets.ModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = WebhookSubscriptionSerializer
    permission_classes = [CanManageWebhooks]
    filter_backends = []
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    queryset = WebhookSubscription.objects.order_by("id")

    def perform_create(self, serializer):
        serializer.save(created_by=self.request.user)
