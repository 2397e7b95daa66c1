"""Cache for public pages, invalidated whenever what readers see changes.

Anonymous GETs of public pages are cached under a key that includes a
global version number; publishing or correcting a verdict bumps the version,
so every cached page is stale at once without tracking which pages showed
that verdict. With ``REDIS_URL`` set the cache is shared by all app servers.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

VERSION_KEY = "public-pages-version"


def public_pages_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def invalidate_public_pages():
    """Make every cached public page stale (called when a verdict is published or corrected)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def cache_public_page(view):
    """Serve anonymous GETs of ``view`` from the cache for ``PUBLIC_PAGE_CACHE_SECONDS``."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if request.method != "GET" or request.user.is_authenticated or not seconds:
            return view(request, *args, **kwargs)
        key = f"page:{public_pages_version()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            if hasattr(response, "render"):
                response.render()
            patch_cache_control(response, public=True, max_age=min(seconds, 60))
            cache.set(key, response, seconds)
        return response

    return cached_view
