"""HTML from untrusted text: highlighted claim spans, reviewers' Markdown, external links.

Everything that comes from an article or a reviewer is escaped or sanitized
here, once, for the admin and the public pages alike.
"""

import json
import re
from dataclasses import dataclass, field

import markdown
import nh3
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from .selectors import paragraph_bounds

RATIONALE_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h3", "h4"}
SAFE_SCHEMES = {"http", "https"}


@dataclass(frozen=True)
class Highlight:
    """A span of a text to wrap in ``<mark>``: offsets relative to that text, attributes, an optional link."""

    start: int
    end: int
    attributes: dict = field(default_factory=dict)
    href: str = ""
    suffix: str = ""  # safe HTML placed inside the mark after the text: a rating label, a popover


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
        pieces.append(f"<mark{attributes}>{inner}{item.suffix}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


def claim_in_context(claim):
    """The claim's paragraph as safe HTML with the claim's own span in ``<mark>``."""
    text = claim.article.text
    if claim.stale or not claim.text or text[claim.start : claim.end] != claim.text:
        return highlight(claim.text, [Highlight(0, len(claim.text), {"class": "claim"})])
    start, end = paragraph_bounds(text, claim.start)
    paragraph = text[start:end]
    return highlight(paragraph, [Highlight(claim.start - start, claim.end - start, {"class": "claim"})])


def article_with_highlights(article, claims, link=None, popovers=False):
    """Each paragraph of ``article`` as safe HTML with its check-worthy claims marked by their current rating.

    The rating is carried three ways, so colour is never the only one: the
    highlight's colour, a visible label after the claim, and the popover
    (``popovers=True``) with the verdict summary that opens on hover and focus.
    """
    by_paragraph = {}
    for claim in claims:
        if claim.checkworthy and not claim.stale:
            by_paragraph.setdefault(claim.paragraph, []).append(claim)
    rendered = []
    offset = 0
    for index, paragraph in enumerate(article.paragraphs()):
        marks = []
        for claim in by_paragraph.get(index, []):
            verdict = claim.current_verdict
            label = verdict.rating.label if verdict else "Unreviewed"
            attributes = {"data-claim": claim.pk, "data-rating": verdict.rating.slug if verdict else "unreviewed"}
            if verdict:
                attributes["style"] = (
                    f"background-color: {verdict.rating.colour}26; border-bottom-color: {verdict.rating.colour}"
                )
            suffix = ""
            if popovers:
                summary = verdict.summary if verdict else "Not reviewed yet."
                suffix = format_html(
                    '<span class="rating-label">[{}]</span><span class="pop" role="tooltip" id="pop-{}"><strong>{}</strong>: {}</span>',
                    label,
                    claim.pk,
                    label,
                    summary,
                )
                attributes["aria-describedby"] = f"pop-{claim.pk}"
            else:
                attributes["title"] = label
            marks.append(
                Highlight(claim.start - offset, claim.end - offset, attributes, link(claim) if link else "", suffix)
            )
        rendered.append(highlight(paragraph, marks))
        offset += len(paragraph) + 2
    return rendered


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


def json_ld_script(data):
    """``data`` as JSON for a ``<script type="application/ld+json">`` block.

    "<" is escaped inside JSON strings, so ``</script>`` in a claim cannot close the block.
    """
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))


def is_safe_url(url):
    """True for absolute http(s) URLs and site-relative paths; ``javascript:``, ``data:`` and the like never become links."""
    url = (url or "").strip()
    if url.startswith("/") and not url.startswith("//"):
        return True
    scheme, _, rest = url.partition(":")
    return scheme.lower() in SAFE_SCHEMES and rest.startswith("//")


def rating_chart_svg(counts, *, bar_height=18, gap=8, label_width=100, bar_width=160):
    """Verdicts by rating as an accessible SVG bar chart (``counts`` from ``selectors.rating_counts``).

    Server-rendered, so it needs no script or chart library; the title and each
    bar's text carry the numbers for screen readers and for colour-blind readers.
    """
    largest = max((item.count for item in counts), default=0)
    rows = []
    for index, item in enumerate(counts):
        y = index * (bar_height + gap)
        width = (bar_width * item.count / largest) if largest else 0
        rows.append(
            f'<g><text x="0" y="{y + bar_height - 4}">{escape(item.rating.label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="{bar_height}" fill="{escape(item.rating.colour)}"></rect>'
            f'<text x="{label_width + width + 6:.1f}" y="{y + bar_height - 4}">{item.count}</text></g>'
        )
    height = max(1, len(counts)) * (bar_height + gap)
    total_width = label_width + bar_width + 40
    summary = ", ".join(f"{escape(item.rating.label)}: {item.count}" for item in counts)
    return mark_safe(
        f'<svg class="chart" role="img" aria-label="Verdicts by rating. {summary}" viewBox="0 0 {total_width} {height}" '
        f'width="{total_width}" height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
    )


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_line(text, limit=None):
    """``text`` as one clean line: control characters dropped, whitespace runs collapsed, cut at ``limit`` with "…"."""
    line = " ".join(CONTROL_CHARACTERS.sub("", text or "").split())
    if limit is not None and len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line
