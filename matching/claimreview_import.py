"""Reading other fact-checkers' ClaimReview markup: JSON or HTML in, plain records and per-item errors out.

Pure: no database. Accepts what fact-checkers publish and aggregators pass on:

- a JSON document holding one ClaimReview, a list of them, an ``@graph``, or
  a schema.org ``DataFeed`` (``dataFeedElement`` entries that are
  ClaimReviews or ``DataFeedItem``s whose ``item`` holds them, as in Google's
  fact-check feed format);
- an HTML page carrying ClaimReview JSON-LD in ``<script type="application/ld+json">``
  (its ``<link rel="canonical">`` stands in for a missing ``url``).

Each ClaimReview becomes a ``FactCheckRecord`` or an ``ItemError`` that says
which item and why, so one broken entry never stops the rest.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from lxml import html as lxml_html

MAX_TEXT = 5000


@dataclass(frozen=True)
class FactCheckRecord:
    url: str
    claim_reviewed: str
    publisher: str = ""
    publisher_url: str = ""
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    rating_label: str = ""
    claim_author: str = ""
    claim_date: date | None = None
    published_at: date | None = None
    language: str = ""
    raw: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ItemError:
    """Why one item could not be imported; ``item`` is its position ("3", "script 2, item 1") in the input."""

    item: str
    message: str


class ImportFormatError(ValueError):
    """The whole input is unreadable (not JSON, no ClaimReview anywhere); the message says why."""


def read_claim_reviews(content, *, kind):
    """``(records, errors)`` from ``content`` (bytes or text), ``kind`` being ``"json"`` or ``"html"``.

    Raises ``ImportFormatError`` when the input as a whole cannot be read.
    """
    text = _decode(content)
    if kind == "html":
        return _from_html(text)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFormatError(f"Not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}.") from None
    return read_claim_review_document(document)


def read_claim_review_document(document):
    """``(records, errors)`` from already-parsed JSON (a ClaimReview, a list of them or a DataFeed)."""
    nodes = list(_claim_review_nodes(document, ""))
    if not nodes:
        raise ImportFormatError("No ClaimReview found: expected a ClaimReview, a list of them or a DataFeed.")
    return _records(nodes, base_url="")


def kind_of(name):
    """``"json"`` or ``"html"`` from a file name, else None."""
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    return {"json": "json", "jsonld": "json", "html": "html", "htm": "html"}.get(suffix)


def _decode(content):
    if isinstance(content, str):
        return content
    if b"\x00" in content[:1024]:
        raise ImportFormatError("This is a binary file, not JSON or HTML.")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFormatError("The file is not UTF-8 text.") from None


def _from_html(text):
    if not text.strip():
        raise ImportFormatError("The page is empty.")
    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, lxml_html.etree.ParserError) as error:
        raise ImportFormatError(f"The page could not be parsed as HTML: {error}.") from None
    canonical = next(iter(tree.xpath("//link[@rel='canonical']/@href")), "")
    nodes, errors = [], []
    scripts = tree.xpath("//script[@type='application/ld+json']")
    for number, script in enumerate(scripts, start=1):
        try:
            document = json.loads(script.text or "")
        except json.JSONDecodeError as error:
            errors.append(ItemError(f"script {number}", f"Not valid JSON-LD: {error.msg}."))
            continue
        nodes.extend(_claim_review_nodes(document, f"script {number}, item ", strict=False))
    if not nodes and not errors:
        raise ImportFormatError("The page carries no ClaimReview JSON-LD.")
    records, item_errors = _records(nodes, base_url=canonical.strip())
    return records, errors + item_errors


def _claim_review_nodes(document, prefix, *, strict=True):
    """``(position, node)`` for every ClaimReview in a JSON-LD document, whatever wraps it.

    ``strict`` (a JSON import) offers every leaf, so a wrong ``@type`` gets a
    clear error; a web page's other JSON-LD (NewsArticle, BreadcrumbList…) is
    skipped instead.
    """
    if isinstance(document, list):
        for index, node in enumerate(document, start=1):
            yield from _nodes_in(node, f"{prefix}{index}", strict)
    else:
        yield from _nodes_in(document, f"{prefix}1", strict)


def _nodes_in(node, position, strict):
    types = _types(node) if isinstance(node, dict) else set()
    if "DataFeed" in types:
        for index, element in enumerate(_as_list(node.get("dataFeedElement")), start=1):
            yield from _nodes_in(element, str(index), strict)
    elif "DataFeedItem" in types:
        items = _as_list(node.get("item"))
        for index, item in enumerate(items, start=1):
            yield from _nodes_in(item, position if len(items) == 1 else f"{position}.{index}", strict)
    elif isinstance(node, dict) and "@graph" in node and not types:
        for index, element in enumerate(_as_list(node["@graph"]), start=1):
            yield from _nodes_in(element, f"{position}.{index}", strict)
    elif strict or "ClaimReview" in types:
        yield position, node


def _records(nodes, *, base_url):
    records, errors = [], []
    for position, node in nodes:
        try:
            records.append(_record(node, base_url))
        except ValueError as error:
            errors.append(ItemError(position, str(error)))
    return records, errors


def _record(node, base_url):
    if not isinstance(node, dict):
        raise ValueError("Not a ClaimReview object.")
    if "ClaimReview" not in _types(node):
        raise ValueError(f"Not a ClaimReview (@type is {node.get('@type')!r}).")
    claim_reviewed = _text(node.get("claimReviewed"))
    if not claim_reviewed:
        raise ValueError("claimReviewed is missing or empty.")
    url = _text(node.get("url")) or base_url
    if not url:
        raise ValueError("url is missing: a fact check is stored by its address.")
    if not _is_http_url(url):
        raise ValueError(f"url must be an http(s) address, not {url[:100]!r}.")
    rating = _first_dict(node.get("reviewRating"))
    publisher = _first_dict(node.get("author")) or _first_dict(node.get("publisher"))
    item = _first_dict(node.get("itemReviewed"))
    appearance = _first_dict(item.get("firstAppearance")) or _first_dict(item.get("appearance"))
    publisher_url = _text(publisher.get("url"))
    return FactCheckRecord(
        url=url,
        claim_reviewed=claim_reviewed[:MAX_TEXT],
        publisher=_name(node.get("author")) or _name(node.get("publisher")),
        publisher_url=publisher_url if _is_http_url(publisher_url) else "",
        rating_value=_number(rating.get("ratingValue"), "ratingValue"),
        best_rating=_number(rating.get("bestRating"), "bestRating"),
        worst_rating=_number(rating.get("worstRating"), "worstRating"),
        rating_label=(_text(rating.get("alternateName")) or _text(rating.get("name")))[:200],
        claim_author=_name(item.get("author")),
        claim_date=_date(item.get("datePublished")) or _date(appearance.get("datePublished")),
        published_at=_date(node.get("datePublished")),
        language=_language(node.get("inLanguage") or item.get("inLanguage")),
        raw=node,
    )


def _types(node):
    value = node.get("@type")
    return {str(t).rsplit("/", 1)[-1] for t in _as_list(value)}


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first_dict(value):
    return next((item for item in _as_list(value) if isinstance(item, dict)), {})


def _text(value):
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), "")
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else ""


def _name(value):
    if isinstance(value, str):
        return _text(value)[:200]
    names = [_text(item.get("name")) if isinstance(item, dict) else _text(item) for item in _as_list(value)]
    return ", ".join(name for name in names if name)[:200]


def _number(value, label):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"{label} must be a number, not {value!r}.")
    try:
        number = float(str(value).strip())
    except ValueError:
        raise ValueError(f"{label} must be a number, not {str(value)[:40]!r}.") from None
    if number != number or abs(number) > 1e9:
        raise ValueError(f"{label} is out of range: {value!r}.")
    return number


def _date(value):
    text = _text(value)
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _language(value):
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    return _text(value)[:35]


def _is_http_url(url):
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.hostname) and len(url) <= 2048
