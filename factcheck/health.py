"""Health endpoints for load balancers and orchestrators.

- ``/healthz`` (liveness): a fixed answer with no database or template work. It says the process serves
  requests; it is also the framework's own ceiling in load tests.
- ``/readyz`` (readiness): 200 when every dependency this deployment configures answers, else 503 naming the one
  that does not: the database (each configured alias), and the cache (``REDIS_URL``) and task broker
  (``CELERY_BROKER_URL``) when set. A balancer should stop routing to a server whose ``/readyz`` fails but not
  restart it: the site itself still answers (503 pages while the database is down, uncached pages while Redis is).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import JsonResponse

BROKER_TIMEOUT_SECONDS = 1


def healthz(request):
    return JsonResponse({"status": "ok"})


def database_answers(alias):
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_answers():
    ping = getattr(cache, "ping", None)  # the fail-open Redis cache; an in-process cache is always there
    return ping() if ping else True


def broker_answers():
    from kombu.exceptions import KombuError

    from factcheck.celery import app

    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as connection:
            connection.ensure_connection(
                max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT_SECONDS
            )
    except (KombuError, OSError):
        return False
    return True


def readiness():
    """``{dependency: answers}`` for everything this deployment is configured to use."""
    checks = {
        f"database:{alias}" if alias != "default" else "database": database_answers(alias) for alias in connections
    }
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        checks["cache"] = cache_answers()
    if settings.CELERY_BROKER_URL and not settings.CELERY_TASK_ALWAYS_EAGER:
        checks["broker"] = broker_answers()
    return checks


def readyz(request):
    checks = readiness()
    ready = all(checks.values())
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": {name: "ok" if up else "down" for name, up in checks.items()},
    }
    response = JsonResponse(body, status=200 if ready else 503)
    response["Cache-Control"] = "no-store"
    return response
