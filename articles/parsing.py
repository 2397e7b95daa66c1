"""HTML → article: metadata, body paragraphs and the links inside them.

Pure functions, no database. ``decode_html`` turns bytes into text and
``parse_article`` turns text into a ``ParsedArticle`` whose ``text`` is the
string every offset in factcheck refers to: the body paragraphs, whitespace
collapsed, separated by one blank line.

Speed shapes the design. A whole web page handed to BeautifulSoup costs ten
times what lxml's own parser does, so the tree comes from lxml and every pass
over it is a cheap C-level iteration or XPath; BeautifulSoup's encoding
detector is used for the one job it is best at, reading a declared charset.
Walks are iterative, never recursive, so deeply nested hostile HTML cannot
exhaust Python's stack.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
from bs4.dammit import EncodingDetector
from django.utils.dateparse import parse_datetime
from lxml import etree

from .errors import IngestError

PARAGRAPH_SEPARATOR = "\n\n"

# Elements that never hold article prose.
NON_CONTENT_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "select",
    "button",
    "input",
    "textarea",
)
# Page furniture: dropped from the chosen body region before paragraphs are read.
FURNITURE_TAGS = ("nav", "aside", "footer", "form", "figure", "figcaption", "header", "dialog", "menu")
FURNITURE_PATTERN = re.compile(
    r"share|social|newsletter|subscri|related|recommend|promo|advert|sponsor|"
    r"(?:^|[-_\s])ads?(?:$|[-_\s])|comment|sidebar|breadcrumb|(?:^|[-_\s])nav|menu|footer|"
    r"masthead|popup|modal|cookie|consent|paywall|caption|credit|byline|author-bio|"
    r"mini-bio|more-stories|read-more|readmore|trending|most-popular|outbrain|taboola|"
    r"widget|toolbar|skip-link|signup|sign-up|disclaimer|tags|embed|tweet|instagram|"
    r"teaser|disturber|hidden|visually-hidden|sr-only",
    re.IGNORECASE,
)
# Containers that name themselves as the article body win over any heuristic.
BODY_PATTERN = re.compile(r"article-?body|articlebody|entry-content|story-?body|post-?content", re.I)
# Lines that are calls to action rather than reporting.
FURNITURE_LINE = re.compile(
    r"^(?:read more|related|see also|sign up|subscribe|click here|follow us|advertisement|"
    r"watch|listen|share this|more:|photo:|image:|getty images|credit:)",
    re.IGNORECASE,
)
SHARE_PROMPT = re.compile(r"\bshare this (?:post|article|story)\b|\bfollow us on\b", re.IGNORECASE)
# Furniture that turns up inside article bodies on many sites, recognised by what it says rather than where it
# stands: copyright and reuse notices, credits, author bios, newsletter, tip-line and support prompts, cookie
# and browser notices. Only short lines are tested, so reporting that mentions such words is kept.
FURNITURE_PHRASE = re.compile(
    r"©|^copyright\b|\bcopyright (?:©\s*)?\d{4}|\ball rights reserved\b"
    r"|\bmay not be (?:re)?(?:produced|published|broadcast|written|distributed)"
    r"|\b(?:getty images|ap photo|afp via|via reuters)\b"
    r"|^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},? (?:is an? (?:[a-z]+ ){0,2}(?:writer|reporter|editor|correspondent|"
    r"columnist|producer|contributor) (?:for|at|with) [A-Z][^.]*\.?$|covers [^.]*\.?$)"
    r"|\b(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b|\bget (?:our|the) .{0,40}\bnewsletter"
    r"|\bdelivered to your inbox\b|\bgot a (?:confidential )?(?:news )?tip\b|\bclick here to (?:support|subscribe)\b"
    r"|^(?:please )?support [A-Z]\w+ (?:and|by|today)\b|^do you (?:rely on|value|enjoy) [^?]*\?"
    r"|\bwe use cookies\b|\bthis site works best\b|\b(?:update|upgrade) your browser\b",
    re.IGNORECASE,
)
CREDIT_LINE = re.compile(r"^[A-Z][\w.'’ -]{1,40}(?:\s*/\s*[A-Z][\w.'’ -]{1,40}){1,3}$")
PARAGRAPH_TAGS = {"p", "li", "blockquote", "dd", "pre"}
BLOCK_TAGS = PARAGRAPH_TAGS | {"div", "ul", "ol", "dl", "table", "section", "article", "main", "h1", "h2", "h3"}
MIN_PARAGRAPH_CHARS = 2
DELETE_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
META_CHARSET_WINDOW = 4096
MAX_NESTING = 255  # libxml2's limit without XML_PARSE_HUGE
# Columns a link ends up in (Citation.href, Source.canonical_url, Source.domain) and DNS's own limits.
MAX_URL_LENGTH = 2048
MAX_HOST_LENGTH = 253
MAX_HOST_LABEL_LENGTH = 63


@dataclass(frozen=True)
class Link:
    """One ``<a href>`` in the body; ``start``/``end`` delimit its anchor text in ``ParsedArticle.text``."""

    href: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph; ``quoted`` when it stands inside a ``<blockquote>`` (a passage quoted from a source)."""

    index: int
    text: str
    start: int
    end: int
    links: tuple[Link, ...] = ()
    quoted: bool = False


@dataclass(frozen=True)
class ParsedArticle:
    title: str = ""
    byline: str = ""
    outlet: str = ""
    language: str = ""
    published_at: datetime | None = None
    canonical_url: str = ""  # the page's own <link rel="canonical"> or og:url, when it states one
    paragraphs: tuple[Paragraph, ...] = ()
    text: str = ""
    links: tuple[Link, ...] = field(default=())


def decode_html(data):
    """Bytes → text: a byte-order mark first, then a ``<meta charset>``, then UTF-8.

    Raises ``IngestError`` for empty, binary or undecodable input rather than
    guessing, because a wrong guess silently corrupts every offset downstream.
    """
    if isinstance(data, str):
        return _refuse_invalid_characters(data)
    if not data or not data.strip():
        raise IngestError("empty", "The file is empty.")
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return _refuse_invalid_characters(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError:
                raise IngestError(
                    "undecodable", f"The file starts with a {encoding} byte-order mark but is not {encoding}."
                ) from None
    if b"\x00" in data[:8192]:
        raise IngestError("binary", "The file is binary, not HTML text.")
    declared = EncodingDetector.find_declared_encoding(data[:META_CHARSET_WINDOW], is_html=True)
    for encoding in filter(None, (declared, "utf-8")):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return _refuse_invalid_characters(text)
    raise IngestError(
        "undecodable",
        "The file is not valid UTF-8 and declares no charset that decodes it; "
        "add a <meta charset> or convert it to UTF-8.",
    )


def _refuse_invalid_characters(text):
    """``text`` unchanged, or ``IngestError`` when it holds characters no article text has.

    NUL cannot be stored in a PostgreSQL text column and a lone surrogate
    cannot be encoded as UTF-8; both only come from binary data or a broken
    encoder, so they are refused on every path, wherever they stand (the
    binary sniff before decoding only looks at the first 8 KB).
    """
    if "\x00" in text:
        position = text.index("\x00")
        raise IngestError(
            "invalid_characters", f"The text holds a NUL character (at character {position:,}); it is not HTML text."
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise IngestError(
            "invalid_characters", f"The text holds an unpaired surrogate (at character {error.start:,})."
        ) from None
    return text


def parse_article(html, url=None):
    """Parse an HTML page or fragment into metadata and body paragraphs.

    For a full page the body is the region that holds the article's prose,
    without navigation, asides, captions, share widgets or comments; for a
    fragment it is every paragraph. Links are resolved against ``url`` and
    kept only when they point at an http(s) resource.
    """
    html = decode_html(html)
    if not html.strip():
        return ParsedArticle()
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return ParsedArticle()
    _refuse_exceeded_limits(parser)
    if root is None:
        return ParsedArticle()
    metadata = _read_metadata(root, url)
    claim_reviewed = _claim_reviewed(root)
    etree.strip_elements(root, etree.Comment, *NON_CONTENT_TAGS, with_tail=False)
    canonical = metadata.pop("canonical", None)
    base_url = url or canonical
    metadata["canonical_url"] = canonical or ""
    regions = _find_body_regions(root)
    paragraphs, links = _read_paragraphs(regions, base_url)
    if claim_reviewed and claim_reviewed.casefold() not in " ".join(p.text for p in paragraphs).casefold():
        paragraphs, links = _prepend_paragraph(claim_reviewed, paragraphs, links)
    text = PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)
    return ParsedArticle(paragraphs=tuple(paragraphs), text=text, links=tuple(links), **metadata)


def _refuse_exceeded_limits(parser):
    """libxml2 stops reading at 256 levels of nesting and keeps what it had: an empty body, stored as if fine.

    Refuse the page instead, with a reason a person can act on.
    """
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            if "depth" in entry.message:
                raise IngestError(
                    "too_deep",
                    f"The HTML nests elements more than {MAX_NESTING} levels deep, which no article needs; "
                    "the parser cannot read past that depth.",
                )
            raise IngestError("too_large", f"The HTML exceeds a parser limit: {entry.message.strip()}")


def _parser():
    # A fresh parser per call: lxml parsers are not thread-safe to share.
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


# --- metadata -----------------------------------------------------------------


def _read_metadata(root, url):
    meta = {}
    for element in root.iter("meta"):
        key = (
            (
                element.get("property")
                or element.get("name")
                or element.get("itemprop")
                or element.get("http-equiv")
                or ""
            )
            .strip()
            .lower()
        )
        content = (element.get("content") or "").strip()
        if key and content and key not in meta:
            meta[key] = content
    json_ld = _news_article_json_ld(root)

    title = (
        meta.get("og:title")
        or json_ld.get("headline")
        or meta.get("twitter:title")
        or _first_text(root, "//title")
        or _first_text(root, "//h1")
    )
    byline = (
        _json_ld_names(json_ld.get("author"))
        or meta.get("author")
        or meta.get("article:author", "") * (not meta.get("article:author", "").startswith("http"))
        or meta.get("parsely-author")
        or meta.get("sailthru.author")
        or _first_text(root, '//*[@rel="author" or @itemprop="author"]')
    )
    outlet = (
        meta.get("og:site_name")
        or _json_ld_names(json_ld.get("publisher"))
        or meta.get("application-name")
        or (_domain(url) if url else "")
    )
    published = (
        meta.get("article:published_time")
        or json_ld.get("datePublished")
        or meta.get("datepublished")
        or meta.get("pubdate")
        or meta.get("publish-date")
        or meta.get("parsely-pub-date")
        or meta.get("sailthru.date")
        or meta.get("date")
        or meta.get("dc.date")
        or _first_attribute(root, "//time[@datetime]", "datetime")
    )
    canonical = _first_attribute(root, '//link[@rel="canonical"]', "href") or meta.get("og:url")
    return {
        "title": _clean(title)[:500],
        "byline": _clean(byline)[:300],
        "outlet": _clean(outlet)[:200],
        "language": _language(root, meta, json_ld),
        "published_at": _parse_date(published),
        "canonical": canonical if canonical and canonical.startswith(("http://", "https://")) else None,
    }


def _language(root, meta, json_ld):
    """The page's language code ("en", "fr"), from ``<html lang>``, then the metadata that states one."""
    stated = (
        root.get("lang")
        or root.get("xml:lang")
        or meta.get("content-language")
        or meta.get("og:locale")
        or meta.get("dc.language")
        or meta.get("language")
        or (json_ld.get("inLanguage") if isinstance(json_ld.get("inLanguage"), str) else "")
        or ""
    )
    code = stated.strip().split(",")[0].split("-")[0].split("_")[0].lower()
    return code[:8] if code.isalpha() else ""


def _news_article_json_ld(root):
    """The first JSON-LD object whose @type is an article type, or {}."""
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            payload = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        candidates = payload if isinstance(payload, list) else [payload]
        while candidates:
            item = candidates.pop(0)
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("@graph"), list):
                candidates.extend(item["@graph"])
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(kind, str) and kind.endswith("Article") for kind in kinds):
                return item
    return {}


def _claim_reviewed(root):
    """The claim a fact-check reviews, from its schema.org ``ClaimReview`` (``claimReviewed``), or "".

    Fact-checkers publish it for search engines and usually show it in a box
    outside the article body; it is the page's central claim, so it opens the
    article's paragraphs.
    """
    for script in root.xpath('//script[@type="application/ld+json"]'):
        if "ClaimReview" not in (script.text or ""):
            continue
        try:
            payload = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for item in payload if isinstance(payload, list) else [payload]:
            if isinstance(item, dict) and item.get("@type") == "ClaimReview":
                claim = item.get("claimReviewed")
                if isinstance(claim, str):
                    return _clean(claim)[:1000]
    return ""


def _prepend_paragraph(text, paragraphs, links):
    shift = len(text) + len(PARAGRAPH_SEPARATOR)
    moved = [
        Paragraph(
            p.index + 1,
            p.text,
            p.start + shift,
            p.end + shift,
            tuple(Link(k.href, k.text, k.start + shift, k.end + shift) for k in p.links),
            p.quoted,
        )
        for p in paragraphs
    ]
    return [Paragraph(0, text, 0, len(text)), *moved], [link for p in moved for link in p.links]


def _json_ld_names(value):
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return value.get("name") or ""
    if isinstance(value, list):
        return ", ".join(filter(None, (_json_ld_names(item) for item in value[:5])))
    return ""


def _first_text(root, xpath):
    for element in root.xpath(xpath):
        text = _clean(element.text_content())
        if text:
            return text
    return ""


def _first_attribute(root, xpath, attribute):
    for element in root.xpath(xpath):
        value = (element.get(attribute) or "").strip()
        if value:
            return value
    return ""


def _parse_date(value):
    if not value:
        return None
    value = value.strip()
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    if parsed.tzinfo is None:
        from datetime import UTC

        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _clean(text):
    return " ".join((text or "").translate(DELETE_INVISIBLE).split())


def _domain(url):
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


# --- body ---------------------------------------------------------------------


def _find_body_regions(root):
    """The element(s) holding the article prose, in document order.

    A region that names itself the article body wins. Otherwise the element
    whose direct paragraphs carry the most text wins (the readability idea),
    joined by siblings that carry a fair share too, since some sites split one
    story over several sibling containers.
    """
    body = root.find("body")
    if body is None:
        body = root
    named = _outermost_named_regions(root)
    if named:
        return [max(named, key=named.get)]

    scores = {}
    for paragraph in root.iter("p", "li"):
        parent = paragraph.getparent()
        if parent is None:
            continue
        if paragraph.tag == "li" or parent.tag == "blockquote":
            # A list or a block quotation counts for its container, not the <ul>/<blockquote> itself.
            parent = parent.getparent() if parent.getparent() is not None else parent
        length = len(paragraph.text_content().strip())
        if length < 25:
            continue
        scores[parent] = scores.get(parent, 0) + length + 20 * paragraph.text_content().count(",")
    if not scores:
        return [body]
    best = max(scores, key=scores.get)
    if best is body or best is root:
        return [body]
    siblings = best.getparent()
    if siblings is None:
        return [best]
    threshold = scores[best] * 0.25
    best_class = best.get("class")
    regions = [
        element
        for element in siblings
        if element is best
        or scores.get(element, 0) >= threshold
        or (best_class and element.get("class") == best_class and scores.get(element, 0) > 0)
    ]
    return regions


def _outermost_named_regions(root):
    """``{element: paragraph characters}`` for the outermost regions that name themselves the body.

    One walk over the tree: each element's ``<p>`` characters are summed
    bottom-up and a counter of open named regions tells which are outermost
    (a nested "entry-content" inside an "article-body" stays part of it).
    Checking every named region against every other, as before, was
    quadratic in the number of candidates. A region needs 200 characters of
    paragraphs to count; an outer region holds at least what it contains,
    so the outermost qualifying regions are the outermost named ones that
    qualify.
    """
    totals = [0]
    named_open = 0
    opened = []  # per open element: True when it is a named region
    outermost = {}
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            is_named = _names_itself_body(element)
            if is_named and named_open == 0:
                outermost[element] = 0
            named_open += is_named
            opened.append(is_named)
            totals.append(0)
            continue
        total = totals.pop()
        if element.tag == "p":
            total += len(element.text_content())
        totals[-1] += total
        named_open -= opened.pop()
        if element in outermost:
            outermost[element] = total
    return {element: total for element, total in outermost.items() if total >= 200}


def _names_itself_body(element):
    if not isinstance(element.tag, str):
        return False
    if element.get("itemprop") == "articleBody":
        return True
    label = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(label.strip()) and BODY_PATTERN.search(label) is not None


def _is_furniture(element):
    if element.tag in FURNITURE_TAGS:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if element.get("itemprop") == "articleBody":
        return False
    label = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    return bool(label.strip()) and FURNITURE_PATTERN.search(label) is not None and not BODY_PATTERN.search(label)


def _read_paragraphs(regions, base_url):
    paragraphs = []
    links = []
    offset = 0
    for region in regions:
        for block, quoted in _paragraph_blocks(region):
            text, block_links = _block_text(block, base_url)
            if len(text) < MIN_PARAGRAPH_CHARS or _is_furniture_line(text, block_links):
                continue
            if paragraphs:
                offset += len(PARAGRAPH_SEPARATOR)
            shifted = tuple(Link(link.href, link.text, link.start + offset, link.end + offset) for link in block_links)
            paragraphs.append(Paragraph(len(paragraphs), text, offset, offset + len(text), shifted, quoted))
            links.extend(shifted)
            offset += len(text)
    return paragraphs, links


def _paragraph_blocks(region):
    """Paragraph-level elements under ``region`` in document order, furniture skipped.

    An element is a paragraph when it is a ``p``/``li``/``blockquote``… that
    holds no other paragraph element, so a ``<li><p>…</p></li>`` gives one
    paragraph, not two. A region with no paragraph elements at all is read as
    one block.
    """
    blocks = []
    skipped = None
    quoting = 0  # open <blockquote> elements around the walk's position
    for event, element in etree.iterwalk(region, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if event == "end":
            if element is skipped:
                skipped = None
            elif skipped is None and element.tag == "blockquote":
                quoting -= 1
            continue
        if skipped is not None:
            continue
        if element is not region and _is_furniture(element):
            skipped = element
            continue
        if element.tag in PARAGRAPH_TAGS and not any(
            isinstance(child.tag, str) and child.tag in PARAGRAPH_TAGS for child in element.iterdescendants()
        ):
            blocks.append((element, quoting > 0 or element.tag == "blockquote"))
            skipped = element  # its text is read whole; do not descend
        elif element.tag == "blockquote":
            quoting += 1
    if not blocks:
        blocks = [(region, False)]
    return blocks


def _block_text(block, base_url):
    """Collapsed text of ``block`` and its links with offsets relative to that text."""
    pieces = []
    length = 0
    pending_space = False
    open_links = []
    links = []

    def append(raw):
        nonlocal length, pending_space
        if not raw:
            return
        raw = raw.translate(DELETE_INVISIBLE)
        # str.split() collapses every Unicode space (nbsp included) and is far cheaper than a regex.
        collapsed = " ".join(raw.split())
        if raw[:1].isspace():
            pending_space = True
        if not collapsed:
            return
        if pending_space and length:
            pieces.append(" ")
            length += 1
        pending_space = raw[-1:].isspace()
        pieces.append(collapsed)
        length += len(collapsed)

    skipped = None
    for event, element in etree.iterwalk(block, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if skipped is not None:
                continue
            if element is not block and tag in FURNITURE_TAGS:
                skipped = element
                continue
            if tag == "br":
                pending_space = True
            if tag == "a":
                open_links.append((element, length + (1 if pending_space and length else 0)))
            if tag:
                append(element.text)
        else:
            if element is skipped:
                skipped = None
            elif skipped is not None:
                continue
            if tag == "a" and open_links and open_links[-1][0] is element:
                _, start = open_links.pop()
                href = _resolve(element.get("href"), base_url)
                if href and length > start:
                    links.append((href, start, length))
            if element is not block:
                append(element.tail)
    text = "".join(pieces)
    resolved = []
    for href, start, end in links:
        while start < end and text[start] == " ":
            start += 1
        anchor = text[start:end]
        if anchor:
            resolved.append(Link(href, anchor, start, end))
    return text, resolved


def _resolve(href, base_url):
    """An absolute http(s) URL, or None for fragments, mailto:, javascript: and the like."""
    if not href:
        return None
    href = href.strip()
    if href.startswith("#") or len(href) > MAX_URL_LENGTH:
        return None  # a footnote or a jump within the page cites nothing
    if base_url:
        try:
            href = urljoin(base_url, href)
        except ValueError:
            return None
    if not href.lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(href)
        parts.port  # noqa: B018 - raises ValueError for a malformed port such as "https://m:ailchi.mp"
    except ValueError:
        return None
    host = parts.hostname
    if not host or len(host) > MAX_HOST_LENGTH or any(len(label) > MAX_HOST_LABEL_LENGTH for label in host.split(".")):
        return None  # not a resolvable host name, and too long for the columns a source is stored in
    if len(href) > MAX_URL_LENGTH:
        return None  # made longer than any stored URL by resolving against the base
    return href


def _is_furniture_line(text, links):
    if len(text) < 120 and (FURNITURE_LINE.match(text) or SHARE_PROMPT.search(text)):
        return True
    if len(text) < 200 and (FURNITURE_PHRASE.search(text) or CREDIT_LINE.match(text)):
        return True
    if len(text) <= 4 and not any(character.islower() for character in text):
        return True  # a signature or initials ("DS") closing the story
    linked = sum(link.end - link.start for link in links)
    # A short paragraph that is all link is a "more stories" entry, not reporting.
    return len(text) < 150 and linked >= 0.9 * len(text)
