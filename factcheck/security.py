"""Project-wide security middleware: a Content-Security-Policy header and admin login throttling."""

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render

RELAXED_POLICY_SCRIPTS = "script-src 'self' 'unsafe-inline'"


class ContentSecurityPolicyMiddleware:
    """Adds ``Content-Security-Policy`` to every response (Django 5.2 has none built in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if request.path.startswith(settings.CONTENT_SECURITY_POLICY_RELAXED_PATHS):
            policy = policy.replace("script-src 'self'", RELAXED_POLICY_SCRIPTS)
        response.headers.setdefault("Content-Security-Policy", policy)
        return response


def _failure_key(address, username):
    return f"login-failures:{address}:{(username or '').lower()[:150]}"


def _client_address(request):
    return request.META.get("REMOTE_ADDR", "unknown")


@receiver(user_login_failed)
def count_login_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    key = _failure_key(_client_address(request), credentials.get("username"))
    cache.add(key, 0, settings.LOGIN_FAILURE_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, settings.LOGIN_FAILURE_WINDOW_SECONDS)


class LoginThrottleMiddleware:
    """Refuses admin login attempts with 429 after ``LOGIN_FAILURE_LIMIT`` failures from one address for one username."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path.endswith("/admin/login/"):
            key = _failure_key(_client_address(request), request.POST.get("username"))
            if (cache.get(key) or 0) >= settings.LOGIN_FAILURE_LIMIT:
                minutes = settings.LOGIN_FAILURE_WINDOW_SECONDS // 60
                response = render(request, "login_throttled.html", {"minutes": minutes}, status=429)
                response["Retry-After"] = str(settings.LOGIN_FAILURE_WINDOW_SECONDS)
                return response
        return self.get_response(request)
