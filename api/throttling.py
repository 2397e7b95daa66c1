"""Throttling that tells the client where it stands: ``RateLimit-*`` headers on every throttled-and-counted answer.

DRF's throttles decide; these subclasses only note, per request, the
limit, the requests left in the window and the seconds until the oldest
counted request leaves it (draft-ietf-httpapi-ratelimit-headers:
``RateLimit-Limit``, ``RateLimit-Remaining``, ``RateLimit-Reset``, plus
``RateLimit-Policy`` naming the window). ``RateLimitHeadersMiddleware``
writes them on the way out, 429s included (which also carry DRF's
``Retry-After``). Anonymous reads served from the public cache never reach
a throttle and carry none.
"""

import math

from rest_framework import throttling

HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")


class RateLimitHeaders:
    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        if getattr(self, "key", None) is not None:  # this throttle counted the request (rate set, caller in scope)
            remaining = max(0, self.num_requests - len(self.history))
            if self.history:
                reset = self.history[-1] + self.duration - self.timer()
            else:
                reset = self.duration
            noted = getattr(request._request, "rate_limit", None)
            if noted is not None and int(noted["RateLimit-Remaining"]) < remaining:
                return allowed  # several throttles count this request: the client hears of the tightest
            request._request.rate_limit = {
                "RateLimit-Limit": str(self.num_requests),
                "RateLimit-Remaining": str(remaining),
                "RateLimit-Reset": str(max(0, math.ceil(reset))),
                "RateLimit-Policy": f"{self.num_requests};w={self.duration}",
            }
        return allowed


class AnonRateThrottle(RateLimitHeaders, throttling.AnonRateThrottle):
    """Anonymous callers, counted per client address."""


class UserRateThrottle(RateLimitHeaders, throttling.UserRateThrottle):
    """Signed-in callers and tokens, counted per user. (DRF's would also count anonymous callers, by address,
    at the signed-in rate: they have their own.)"""

    def get_cache_key(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


class RateLimitHeadersMiddleware:
    """Copies the throttle's figures (``RateLimitHeaders``) onto the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in getattr(request, "rate_limit", {}).items():
            response[name] = value
        return response
