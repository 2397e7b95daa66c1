"""Database routing: anonymous reads of public pages go to a read replica, when one is configured.

A replica lags the primary by a little; readers of public pages tolerate
that, reviewers and API clients (who must see their own writes) do not, so
only anonymous GET and HEAD requests outside /admin/ and /api/ are routed
there. Without ``DATABASE_REPLICA_URL`` everything uses ``default``.
"""

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
reading_public_page = ContextVar("reading_public_page", default=False)
PRIVATE_PREFIXES = ("/admin/", "/api/")


class PublicReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = request.method in {"GET", "HEAD"} and not request.path.startswith(PRIVATE_PREFIXES)
        token = reading_public_page.set(public and not request.user.is_authenticated)
        try:
            return self.get_response(request)
        finally:
            reading_public_page.reset(token)


def replica_configured():
    return REPLICA in settings.DATABASES


class PublicReadsToReplicaRouter:
    def db_for_read(self, model, **hints):
        if reading_public_page.get() and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
