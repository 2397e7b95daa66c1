"""Anonymous reads from the public cache: the whole DRF view is wrapped, so a hit skips everything."""

from claims.caching import cache_public_page


class CachedPublicReads:
    """Anonymous list and detail reads come from the public cache (``claims.caching``), invalidated on every change.

    The cache wraps the whole DRF view, so a hit skips authentication,
    throttling and serialization: it costs about what a static response does.
    """

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        view = super().as_view(actions, **initkwargs)
        if actions and actions.get("get") in {"list", "retrieve"}:
            return cache_public_page(view, per_accept=True)
        return view
