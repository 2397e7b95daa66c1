"""Self-service API tokens: a reviewer or editor lists, creates and revokes their own."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from integrations.models import ApiToken
from integrations.tokens import create_token, expiry_problem, revoke_token

from .filters import ID_PATTERN, StrictQueryParameters
from .locations import with_location
from .permissions import IsStaff


class ApiTokenSerializer(serializers.ModelSerializer):
    active = serializers.BooleanField(source="is_active", read_only=True)

    class Meta:
        model = ApiToken
        fields = ("id", "name", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at", "active")
        read_only_fields = ("id", "prefix", "created_at", "last_used_at", "revoked_at", "active")

    def validate_expires_at(self, value):
        problem = expiry_problem(value)
        if problem:
            raise serializers.ValidationError(problem)
        return value


class NewApiTokenSerializer(ApiTokenSerializer):
    key = serializers.CharField(read_only=True, help_text="The key itself, shown this once; it is stored hashed.")

    class Meta(ApiTokenSerializer.Meta):
        fields = (*ApiTokenSerializer.Meta.fields, "key")


@extend_schema_view(
    list=extend_schema(summary="Your API tokens", description="Active and revoked; keys are never shown again."),
    retrieve=extend_schema(summary="One of your API tokens"),
    create=extend_schema(
        summary="Create an API token",
        description="Answers the key once (`key`); send it as `Authorization: Token <key>`.",
        responses={201: NewApiTokenSerializer},
    ),
    destroy=extend_schema(summary="Revoke an API token", description="It stops working at once; the record stays."),
)
class ApiTokenViewSet(
    StrictQueryParameters,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    lookup_value_regex = ID_PATTERN
    serializer_class = ApiTokenSerializer
    permission_classes = [IsAuthenticated, IsStaff]
    filter_backends = []

    def get_queryset(self):
        return ApiToken.objects.filter(user=self.request.user).order_by("-created_at", "-id")

    def create(self, request, *args, **kwargs):
        payload = ApiTokenSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        token, key = create_token(user=request.user, **payload.validated_data)
        token.key = key
        response = Response(NewApiTokenSerializer(token).data, status=status.HTTP_201_CREATED)
        return with_location(response, request, "token-detail", token.pk)

    def perform_destroy(self, instance):
        revoke_token(instance)
