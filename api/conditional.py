"""Conditional requests: ETags on responses, and If-Match on writes so a stale edit gets 412.

A verdict's ETag is its version (the counter the rulebook's optimistic
locking uses); any other resource's is its ``updated_at`` to the microsecond.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response

from claims.models import Verdict

from .errors import PreconditionFailed

IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, description="The ETag you read; a stale one gets 412."
)


def etag_of(obj):
    if isinstance(obj, Verdict):
        return f'"verdict-{obj.pk}-v{obj.version}"'
    return f'"{obj._meta.model_name}-{obj.pk}-{int(obj.updated_at.timestamp() * 1_000_000)}"'


def check_if_match(request, obj):
    """Raise 412 when the request's If-Match names an ETag other than ``obj``'s current one."""
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
