"""A Redis cache that fails open: when Redis is down, the site works uncached instead of answering 500.

Everything factcheck keeps in the cache can be recomputed or done without:
cached pages (a miss renders the page), API throttling and admin login
counters (a miss lets the request through), the public-page version (a
miss means no cached page is served). So a Redis error is treated as a
miss and a write as done. The first error is logged once; for the next
``RETRY_SECONDS`` the cache is skipped without trying, so an unreachable
Redis costs no connection timeout per request, then it is tried again.
Recovery is logged too.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
# A cache that answers later than this is no faster than the database it saves; the page is served without it.
SOCKET_TIMEOUT_SECONDS = 0.5


class CacheOutage:
    """Process-wide state of the cache connection: when to try again, and whether the outage was logged."""

    def __init__(self):
        self.lock = threading.Lock()
        self.retry_at = None

    def skipping(self):
        retry_at = self.retry_at
        return retry_at is not None and time.monotonic() < retry_at

    def failed(self, error):
        with self.lock:
            first = self.retry_at is None
            self.retry_at = time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning("The cache is unavailable (%s); serving without it until it answers again.", error)

    def succeeded(self):
        if self.retry_at is not None:
            with self.lock:
                recovered = self.retry_at is not None
                self.retry_at = None
            if recovered:
                logger.warning("The cache answers again.")


outage = CacheOutage()


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache with every operation turned into a miss (or a no-op write) while Redis fails."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**params.get("OPTIONS", {})}}
        params["OPTIONS"].setdefault("socket_connect_timeout", SOCKET_TIMEOUT_SECONDS)
        params["OPTIONS"].setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
        super().__init__(server, params)

    def _fail_open(self, operation, fallback, *args, **kwargs):
        if outage.skipping():
            return fallback
        try:
            result = operation(*args, **kwargs)
        except RedisError as error:
            outage.failed(error)
            return fallback
        outage.succeeded()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_open(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._fail_open(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_open(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_open(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._fail_open(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._fail_open(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._fail_open(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        """The new value, or None when the cache is unavailable (a missing key still raises ``ValueError``)."""
        return self._fail_open(super().incr, None, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_open(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._fail_open(super().delete_many, None, keys, version)

    def clear(self):
        return self._fail_open(super().clear, False)

    def ping(self):
        """Whether Redis answers now (for readiness checks): bypasses the fail-open wrapper, raises nothing."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError:
            return False
