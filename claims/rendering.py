"""HTML from untrusted text: highlighted claim spans, reviewers' Markdown, external links.

Everything that comes from an article or a reviewer is escaped or sanitized
here, once, for the admin and the public pages alike.
"""

from dataclasses import dataclass, field

import markdown
import nh3
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

RATIONALE_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h3", "h4"}
SAFE_SCHEMES = {"http", "https"}


@dataclass(frozen=True)
class Highlight:
    """A span of a text to wrap in ``<mark>``: offsets relative to that text, attributes, an optional link."""

    start: int
    end: int
    attributes: dict = field(default_factory=dict)
    href: str = ""


def highlight(text, highlights):
    """``text`` escaped, with each highlight wrapped in ``<mark>`` (linked when it has an href).

    Overlapping highlights keep the earlier one, so the markup always nests.
    """
    pieces = []
    position = 0
    for item in sorted(highlights, key=lambda h: (h.start, -h.end)):
        start, end = max(item.start, 0), min(item.end, len(text))
        if start < position or start >= end:
            continue
        pieces.append(escape(text[position:start]))
        attributes = format_html_join("", ' {}="{}"', sorted(item.attributes.items()))
        inner = escape(text[start:end])
        if item.href and is_safe_url(item.href):
            inner = f'<a href="{escape(item.href)}">{inner}</a>'
        pieces.append(f"<mark{attributes}>{inner}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


def render_rationale(text):
    """Markdown (or plain text) → sanitized HTML: no scripts, no event handlers, only http(s) links."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return mark_safe(
        nh3.clean(
            html,
            tags=RATIONALE_TAGS,
            attributes={"a": {"href", "title"}},
            url_schemes=SAFE_SCHEMES,
            link_rel="nofollow noopener noreferrer",
        )
    )


def is_safe_url(url):
    """True for absolute http(s) URLs; ``javascript:``, ``data:`` and the like are never rendered as links."""
    scheme, _, rest = (url or "").strip().partition(":")
    return scheme.lower() in SAFE_SCHEMES and rest.startswith("//")
