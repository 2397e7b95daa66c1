"""Template helpers for public pages; each delegates to ``claims.rendering``."""

from django import template

from ..rendering import is_safe_url, rating_chart_svg

register = template.Library()


@register.simple_tag
def rating_chart(counts):
    return rating_chart_svg(counts)


@register.filter
def safe_href(url):
    """The URL when it is http(s), else "" (so javascript: and data: never become links)."""
    return url if is_safe_url(url) else ""
