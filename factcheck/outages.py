"""How the site answers when the database is down or a query runs too long: 503 with a clear message, never a 500.

A web request's statements are cut off by PostgreSQL's ``statement_timeout``
(``DATABASE_STATEMENT_TIMEOUT_MS``, set per connection in web processes
only, so migrations, bulk ingestion and workers are not limited). The
cancelled query and an unreachable database both surface as a
``django.db`` error; the project's 500 handler turns them into a 503 with
``Retry-After``, JSON under ``/api/`` (the API's error shape) and a short
page elsewhere. Any other error stays a 500.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.defaults import server_error

RETRY_AFTER_SECONDS = 5
API_PREFIX = "/api/"

TOO_SLOW = ("timeout", "The request took too long and was cancelled. Narrow the query or try again shortly.")
UNAVAILABLE = ("unavailable", "The database is unavailable. Please try again in a moment.")


def is_query_cancelled(error):
    """Whether ``error`` is PostgreSQL cancelling a statement (``statement_timeout`` or a cancel request)."""
    cause = getattr(error, "__cause__", None)
    return getattr(cause, "pgcode", None) == "57014"  # query_canceled


def outage_of(error):
    """``(code, message)`` when ``error`` means the database is slow or unreachable, else None."""
    if not isinstance(error, DatabaseError):
        return None
    if is_query_cancelled(error):
        return TOO_SLOW
    if isinstance(error, OperationalError | InterfaceError):
        return UNAVAILABLE
    return None


def service_unavailable(request, code, message):
    if request.path.startswith(API_PREFIX):
        response = JsonResponse({"detail": message, "code": code}, status=503)
    else:
        page = loader.get_template("503.html").render({"message": message})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def handle_server_error(request):
    """``handler500``: a database outage or a cancelled query is a 503; anything else the usual 500 page."""
    outage = outage_of(sys.exc_info()[1])
    if outage is not None:
        return service_unavailable(request, *outage)
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "Internal server error.", "code": "error"}, status=500)
    return server_error(request)
