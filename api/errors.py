"""One JSON error shape for every failure: ``{"detail": message, "code": code, "errors": {field: [messages]}}``.

Domain errors from the core (``IngestError``, ``ReviewError``) are translated
here, once, into HTTP statuses.
"""

from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from articles.errors import IngestError
from claims.reviews import ReviewError, VersionConflict

INGEST_STATUS = {"too_large": 413, "binary": 415, "undecodable": 415}
REVIEW_STATUS = {"forbidden": 403, "already_published": 409, "conflict": 412}


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource changed since you read it (If-Match does not match its ETag)."
    default_code = "precondition_failed"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def handle_exception(exc, context):
    if isinstance(exc, IngestError):
        return Response({"detail": exc.message, "code": exc.reason}, status=INGEST_STATUS.get(exc.reason, 400))
    if isinstance(exc, VersionConflict):
        return Response({"detail": exc.message, "code": "precondition_failed"}, status=412)
    if isinstance(exc, ReviewError):
        return Response({"detail": exc.message, "code": exc.code}, status=REVIEW_STATUS.get(exc.code, 400))
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = data if isinstance(data, dict) else {"non_field_errors": data}
        response.data = {"detail": "Invalid input.", "code": "invalid", "errors": errors}
    elif isinstance(data, dict) and "detail" in data:
        code = getattr(data["detail"], "code", None) or ("not_found" if isinstance(exc, Http404) else "error")
        response.data = {"detail": str(data["detail"]), "code": code}
    return response


def not_found(request, *args, **kwargs):
    """JSON 404 for any path under /api/v1/ that names no endpoint."""
    return JsonResponse({"detail": "No such API endpoint.", "code": "not_found"}, status=404)
