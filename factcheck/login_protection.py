"""Admin log-in protection: one place counts failed log-ins and refuses further attempts.

Failures are counted twice, each key on its own: per **normalised
username** (across all addresses, so changing address does not reset it)
and per **client address** (across all usernames, so one address cannot
spray guesses over many accounts). Either count reaching its limit within
``LOGIN_FAILURE_WINDOW_SECONDS`` answers 429 until the window passes.

The username is normalised by the very function Django's log-in form uses
(``UsernameField.to_python``: whitespace stripped, Unicode NFKC), then
case-folded, so ``"victim "``, ``"\\tvictim"``, ``"victim\\xa0"`` and
fullwidth ``ｖｉｃｔｉｍ`` are one account to the counter as they are to the
form. Counters live in Django's default cache: the shared Redis cache when
``REDIS_URL`` is set, so every web worker sees every failure.

The client address is ``REMOTE_ADDR`` unless ``FACTCHECK_TRUSTED_PROXY_COUNT``
says how many proxies of ours stand in front: then it is the address the
outermost of them saw (that many entries from the right of
``X-Forwarded-For``). Entries further left are written by the client and
never trusted.

Why not django-axes: its lock-out check and its failure count would both
need our own username callable to agree with the form's normalisation (the
bug this module fixes), and it brings database tables, an authentication
backend and django-ipware for what is two cache counters here.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.forms import UsernameField
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render

LOGIN_PATH_SUFFIX = "/admin/login/"


def normalised_username(raw):
    """The username as the log-in form sees it (strip + NFKC), case-folded; ``""`` for none."""
    if raw is None:
        return ""
    return (UsernameField().to_python(str(raw)) or "").casefold()


def client_address(request):
    """The client's address: ``REMOTE_ADDR``, or the one our trusted proxies recorded in X-Forwarded-For."""
    proxies = settings.FACTCHECK_TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]


def _username_key(username):
    digest = hashlib.sha256(normalised_username(username).encode()).hexdigest()
    return f"login-failures:user:{digest}"


def _address_key(address):
    return f"login-failures:address:{address[:64]}"


def _increment(key):
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    cache.add(key, 0, window)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)


def record_failure(request, username):
    _increment(_username_key(username))
    _increment(_address_key(client_address(request)))


def is_locked_out(request, username):
    """Whether the normalised ``username`` or the request's address has failed too often within the window."""
    by_user = cache.get(_username_key(username)) or 0
    by_address = cache.get(_address_key(client_address(request))) or 0
    return by_user >= settings.LOGIN_FAILURE_LIMIT or by_address >= settings.LOGIN_FAILURE_ADDRESS_LIMIT


@receiver(user_login_failed)
def count_login_failure(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_failure(request, credentials.get("username"))


class LoginThrottleMiddleware:
    """Answers admin log-in attempts with 429 while their username or address is locked out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        attempt = request.method == "POST" and request.path.endswith(LOGIN_PATH_SUFFIX)
        if attempt and is_locked_out(request, request.POST.get("username")):
            minutes = settings.LOGIN_FAILURE_WINDOW_SECONDS // 60
            response = render(request, "login_throttled.html", {"minutes": minutes}, status=429)
            response["Retry-After"] = str(settings.LOGIN_FAILURE_WINDOW_SECONDS)
            return response
        return self.get_response(request)
