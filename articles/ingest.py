"""Ingestion: HTML in, a stored article with its citations, sources and claims out.

The one write path for articles. The CLI, the admin and the API all call
``ingest``; parsing and extraction run before the transaction opens, so the
transaction itself is short and either stores everything or nothing.
"""

import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction

from claims.extraction import extract_claims
from claims.services import store_extraction

from .errors import IngestError
from .models import Article
from .parsing import decode_html, parse_article

TITLE_FALLBACK_WORDS = 12


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool


def ingest_article(html, url=None):
    """Store ``html`` (bytes or text) as an article and return it; the same HTML returns the same article."""
    return ingest(html, url=url).article


def ingest(html, *, url=None):
    """Like ``ingest_article``, and says whether the article is new.

    Raises ``IngestError`` for input that cannot become an article: too
    large, empty, binary, undecodable, or with a URL that is not http(s).
    """
    check_size(html)
    text = decode_html(html)
    if not text.strip():
        raise IngestError("empty", "The article is empty.")
    url = normalise_url(url)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    existing = Article.objects.filter(content_hash=content_hash).defer("html", "text").first()
    if existing is not None:
        return IngestResult(existing, created=False)

    parsed = parse_article(text, url)
    extraction = extract_claims(parsed.paragraphs, parsed.text)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                url=url or "",
                title=parsed.title or _title_from_text(parsed.text),
                outlet=parsed.outlet,
                byline=parsed.byline,
                language=parsed.language,
                published_at=parsed.published_at,
                html=text,
                text=parsed.text,
                paragraph_count=len(parsed.paragraphs),
                content_hash=content_hash,
            )
            store_extraction(article, parsed, extraction)
    except IntegrityError:
        # Another process stored the same HTML between our lookup and our insert.
        existing = Article.objects.filter(content_hash=content_hash).first()
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    return IngestResult(article, created=True)


def check_size(html):
    limit = settings.FACTCHECK_MAX_ARTICLE_BYTES
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8"))
    if size > limit:
        raise IngestError(
            "too_large", f"The article is {size:,} bytes; the limit is {limit:,} bytes (FACTCHECK_MAX_ARTICLE_BYTES)."
        )


def normalise_url(url):
    if url is None or not str(url).strip():
        return None
    url = str(url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.hostname or len(url) > 2048:
        raise IngestError("invalid_url", f"The article URL must be an http(s) URL, not {url[:100]!r}.")
    return url


def _title_from_text(text):
    """A fragment has no <title>: its first words stand in, so lists stay readable."""
    words = text.split()
    if not words:
        return ""
    title = " ".join(words[:TITLE_FALLBACK_WORDS])
    return title + ("…" if len(words) > TITLE_FALLBACK_WORDS else "")
