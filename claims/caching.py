"""Cache for public pages and anonymous API reads, invalidated whenever what readers see changes.

Anonymous GETs are cached under a key that includes a global version number;
any change readers could see (an article ingested, a claim edited, a verdict
published or corrected, a rating or source changed, anything deleted) bumps
the version after its transaction commits, so every cached page is stale at
once without tracking which pages showed what. Signed-in users, and API
clients sending credentials, always get fresh responses. With ``REDIS_URL``
set the cache is shared by all app servers.
"""

import threading
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "public-pages-version"


# An invalidation the cache could not take (it was down) is retried before this process next reads the version,
# so pages cached before an outage are not served after a change made during it.
_invalidation_pending = threading.Event()


def public_pages_version():
    if _invalidation_pending.is_set():
        invalidate_public_pages()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def invalidate_public_pages():
    """Make every cached public page and API response stale."""
    try:
        bumped = cache.incr(VERSION_KEY)
    except ValueError:
        bumped = cache.add(VERSION_KEY, 2, timeout=None) or cache.incr(VERSION_KEY)
    if bumped is None or bumped is False:
        _invalidation_pending.set()  # the cache is unavailable (factcheck.cache fails open)
    else:
        _invalidation_pending.clear()


def invalidate_after_commit(**kwargs):
    """Signal receiver: stale caches once the change that fired it is committed."""
    transaction.on_commit(invalidate_public_pages)


def is_cacheable(request):
    return (
        request.method == "GET"
        and settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.user.is_authenticated
    )


def cache_public_page(view, *, per_accept=False):
    """Serve anonymous GETs of ``view`` from the cache for ``PUBLIC_PAGE_CACHE_SECONDS``.

    With ``per_accept`` the key also carries the ``Accept`` header, for API
    views whose format (JSON or the browsable API) depends on it. A response
    rendered later (a template or DRF response) is stored once rendered.
    """

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        accept = request.META.get("HTTP_ACCEPT", "") if per_accept else ""
        key = f"page:{public_pages_version()}:{accept}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
            patch_cache_control(response, public=True, max_age=min(seconds, 60))
            patch_vary_headers(response, ["Accept", "Authorization", "Cookie"])
            if getattr(response, "is_rendered", True):
                cache.set(key, response, seconds)
            else:
                response.add_post_render_callback(lambda rendered: cache.set(key, rendered, seconds))
        return response

    return cached_view
