"""Conditional requests: ETags on responses; a write to an existing resource must name what it read.

A verdict's ETag is its version (the counter the rulebook's optimistic
locking uses; every change to a verdict bumps it); any other resource's is a
hash of the representation the client got, so it changes exactly when that
representation does (a claim's covers its current verdict and its
corrections). A write with a stale ``If-Match`` gets 412; one with neither
``If-Match`` nor a ``version`` gets 428 (RFC 6585).
"""

import hashlib
import json

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from claims.models import Verdict

from .errors import PreconditionFailed, PreconditionRequired

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag you read; a stale one gets 412. A write with neither If-Match nor `version` gets 428.",
)


def etag_of(obj, representation=None):
    """``obj``'s ETag: a verdict's version, else a hash of ``representation`` (the body the client got)."""
    if isinstance(obj, Verdict):
        return f'"verdict-{obj.pk}-v{obj.version}"'
    body = json.dumps(representation, sort_keys=True, default=str, separators=(",", ":"))
    return f'"{obj._meta.model_name}-{obj.pk}-{hashlib.sha256(body.encode()).hexdigest()[:32]}"'


def required_if_match(request):
    """The request's If-Match; 428 when it has none (for resources whose body carries no ``version``)."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    return header


def check_if_match(wanted, obj, representation=None):
    """Raise 412 when ``wanted`` names an ETag other than ``obj``'s current one."""
    if wanted != "*" and wanted != etag_of(obj, representation):
        raise PreconditionFailed()


def expected_version(request, verdict, body_version):
    """The verdict version the client read: from If-Match, else the body's ``version``; neither is 428."""
    header = request.headers.get("If-Match", "").strip()
    if header == "*":
        return verdict.version
    if header:
        check_if_match(header, verdict)
        if body_version is not None and body_version != verdict.version:
            raise ValidationError({"version": ["Names another version than If-Match; send one of them."]})
        return verdict.version
    if body_version is None:
        raise PreconditionRequired()
    return body_version


def with_etag(response, obj):
    response["ETag"] = etag_of(obj, response.data)
    return response


class ETagRetrieveMixin:
    """Detail responses carry the ETag a later If-Match must name."""

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        return with_etag(Response(self.get_serializer(obj).data), obj)
