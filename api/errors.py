"""One JSON error shape for every failure: ``{"detail": message, "code": code, "errors": {field: [messages]}}``.

Domain errors from the core (``IngestError``, ``ReviewError``) are translated
here, once, into HTTP statuses.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve
from django.views import csrf, defaults
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from articles.errors import IngestError
from claims.reviews import ReviewError, VersionConflict

INGEST_STATUS = {"too_large": 413, "binary": 415, "undecodable": 415}
REVIEW_STATUS = {"forbidden": 403, "already_published": 409, "not_published": 409, "conflict": 412}
# correction_required, retraction_note_required, reason_required and invalid are 400: the request lacks something the rules need.


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource changed since you read it (If-Match does not match its ETag)."
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    """RFC 6585: a write to an existing resource that names no version it read."""

    status_code = 428
    default_detail = (
        "This write must say which version it is based on: send the ETag you read as If-Match, "
        "or the `version` you read in the body."
    )
    default_code = "precondition_required"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def handle_exception(exc, context):
    if isinstance(exc, RequestDataTooBig):  # Django's own answer is a 400, an HTML page with DEBUG on
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return Response(
            {"detail": f"The request body is over the {limit:,}-byte limit.", "code": "too_large"},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
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


API_PREFIX = "/api/"


@csrf_exempt  # no endpoint here to protect; a 404 must not turn into Django's HTML "CSRF failed" page
def not_found(request, *args, **kwargs):
    """JSON 404 for any path under /api/v1/ that names no endpoint, with a hint when only the trailing slash is missing."""
    detail = "No such API endpoint."
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            detail = f"No such API endpoint; did you mean {request.path}/ (with the trailing slash)?"
    return JsonResponse({"detail": detail, "code": "not_found"}, status=404)


def page_not_found(request, exception=None):
    """``handler404``: JSON under /api/ (e.g. a path with a newline that no route matches), Django's page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "No such API endpoint.", "code": "not_found"}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception=None):
    """``handler400``: JSON under /api/ (e.g. a disallowed Host header), Django's page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "Bad request.", "code": "bad_request"}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    """``handler403``: JSON under /api/, Django's page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "You do not have permission to do this.", "code": "forbidden"}, status=403)
    return defaults.permission_denied(request, exception)


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a JSON 403 under /api/ (a session write without the CSRF token), Django's page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {
                "detail": f"CSRF check failed ({reason}). Send the X-CSRFToken header with a session, "
                "or authenticate with a token.",
                "code": "csrf_failed",
            },
            status=403,
        )
    return csrf.csrf_failure(request, reason)
