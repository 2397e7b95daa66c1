"""Ingestion: HTML in, a stored article with its citations, sources and claims out.

The one write path for articles. The admin and the API call ``ingest`` for
one article; the CLI and background jobs call ``ingest_many`` for a stream of
them. Parsing and extraction run before a transaction opens, so transactions
are short and either store everything or nothing.
"""

import hashlib
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DataError, IntegrityError, transaction

from claims.caching import invalidate_public_pages
from claims.extraction import Extraction
from claims.services import store_extractions
from integrations import changes
from matching.tasks import enqueue_claim_matching

from .analysis import analyse
from .errors import IngestError
from .models import Article, canonical_url_hash
from .parsing import ParsedArticle, decode_html

TITLE_FALLBACK_WORDS = 12
MAX_TITLE_LENGTH = Article._meta.get_field("title").max_length


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    claim_count: int = 0


@dataclass(frozen=True)
class _Received:
    """An article's HTML decoded and checked, before the costly part."""

    text: str
    url: str | None
    content_hash: str


@dataclass(frozen=True)
class _SameAs:
    """The same HTML as an earlier page of the batch."""

    content_hash: str


@dataclass(frozen=True)
class _Analysed:
    received: _Received
    parsed: ParsedArticle
    extraction: Extraction


def ingest_article(html, url=None):
    """Store ``html`` (bytes or text) as an article and return it; the same HTML returns the same article."""
    return ingest(html, url=url).article


def ingest(html, *, url=None):
    """Like ``ingest_article``, and says whether the article is new.

    Raises ``IngestError`` for input that cannot become an article: too
    large, empty, binary, undecodable, or with a URL that is not http(s).
    """
    [(_, outcome)] = ingest_many([(None, html, url)])
    if isinstance(outcome, IngestError):
        raise outcome
    return outcome


def ingest_many(pages, *, batch_size=100, workers=1):
    """Ingest a stream of ``(key, html, url)`` and yield ``(key, IngestResult or IngestError)`` in order.

    For bulk loads: each batch of ``batch_size`` articles is stored in one
    transaction with one insert per table, and with ``workers`` > 1 the next
    batch is parsed in worker processes while this one is written. Only one
    batch is held in memory at a time, so memory stays flat however long the
    stream. A batch that meets a concurrent writer of the same HTML falls back
    to storing its articles one by one, so every article still lands once.
    """
    pages = iter(pages)
    pool = _pool(workers) if workers > 1 else None
    try:
        pending = _start_batch(list(islice(pages, batch_size)), pool)
        while pending:
            following = _start_batch(list(islice(pages, batch_size)), pool)
            yield from _finish_batch(pending)
            pending = following
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _pool(workers):
    # Forked workers inherit the configured Django and the loaded extractor; they never touch the database.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


def _start_batch(batch, pool):
    """Decode and deduplicate a batch, and analyse its new articles (started in the pool, or done here)."""
    if not batch:
        return None
    outcomes = {}
    received = {}
    for key, html, url in batch:
        try:
            received[key] = _receive(html, url)
        except IngestError as error:
            outcomes[key] = error
    stored = Article.objects.filter(content_hash__in={r.content_hash for r in received.values()}).defer("html", "text")
    existing = {article.content_hash: article for article in stored}
    new = {}
    for key, page in received.items():
        if page.content_hash in existing:
            outcomes[key] = IngestResult(existing[page.content_hash], created=False)
        elif page.content_hash in new.values():
            outcomes[key] = _SameAs(page.content_hash)  # known once the first copy is stored
        else:
            new[key] = page.content_hash
    analyses = {key: pool.submit(_analyse, received[key]) if pool else _analysed_here(received[key]) for key in new}
    return [key for key, _, _ in batch], outcomes, analyses, new


def _analysed_here(received):
    """The analysis run in this process, as a finished future (its error kept for ``_finish_batch``)."""
    future = Future()
    try:
        future.set_result(_analyse(received))
    except Exception as error:  # reported as this article's outcome, like a worker's
        future.set_exception(error)
    return future


def _finish_batch(pending):
    keys, outcomes, analyses, hashes = pending
    analysed = {}
    for key, analysis in analyses.items():
        try:
            analysed[key] = analysis.result()
        except IngestError as error:
            outcomes[key] = error  # this article's error; the rest of the batch is still stored
        except Exception as error:  # one page that breaks the analysis must not sink the batch
            outcomes[key] = IngestError(
                "unprocessable", f"The article could not be analysed ({type(error).__name__}: {str(error)[:200]})."
            )
    items = list(analysed.values())
    try:
        with transaction.atomic():
            results = _store(items)
    except (IntegrityError, DataError):
        # Another process stored some of these meanwhile, or one article holds data a column refuses:
        # one transaction each, so the losers return the winner and only the bad article fails.
        results = [_store_one(item) for item in items]
    outcomes.update(zip(analysed, results, strict=True))
    by_hash = {hashes[key]: outcomes[key] for key in analyses}
    for key in keys:
        outcome = outcomes[key]
        if isinstance(outcome, _SameAs):
            first = by_hash[outcome.content_hash]
            outcome = first if isinstance(first, IngestError) else IngestResult(first.article, created=False)
        yield key, outcome


def _receive(html, url):
    check_size(html)
    text = decode_html(html)
    if not text.strip():
        raise IngestError("empty", "The article is empty.")
    return _Received(text, normalise_url(url), hashlib.sha256(text.encode("utf-8")).hexdigest())


def _analyse(received):
    analysis = analyse(received.text, received.url)
    return _Analysed(received, analysis.parsed, analysis.extraction)


def _store_one(analysed):
    try:
        with transaction.atomic():
            return _store([analysed])[0]
    except DataError as error:
        return IngestError("invalid_data", f"The article holds data the database refuses: {str(error).strip()[:300]}")
    except IntegrityError:
        # Another process stored the same HTML between our lookup and our insert.
        existing = Article.objects.filter(content_hash=analysed.received.content_hash).first()
        if existing is None:
            raise
        return IngestResult(existing, created=False)


def _store(analysed):
    """Store analysed articles, which must be new, with one insert per table; the caller holds the transaction."""
    articles = Article.objects.bulk_create(_new_article(item) for item in analysed)
    transaction.on_commit(invalidate_public_pages)  # bulk inserts send no signals
    claims = store_extractions(
        [(article, item.parsed, item.extraction) for article, item in zip(articles, analysed, strict=True)]
    )
    # Is any of these claims already checked, here or by another fact-checker? Answered once stored.
    new_claim_ids = [claim_id for article_claims in claims for claim_id in article_claims]
    transaction.on_commit(lambda: enqueue_claim_matching(new_claim_ids))
    changes.record_many(articles, changes.Kind.CREATED)  # last, so the events are stamped just before the commit
    return [
        IngestResult(article, created=True, claim_count=len(article_claims))
        for article, article_claims in zip(articles, claims, strict=True)
    ]


def _new_article(item):
    parsed = item.parsed
    url = item.received.url or _stated_url(parsed.canonical_url)
    return Article(
        url=url,
        canonical_url_hash=canonical_url_hash(url),  # bulk_create skips save(), which keeps it otherwise
        title=parsed.title or _title_from_text(parsed.text),
        outlet=parsed.outlet,
        byline=parsed.byline,
        language=parsed.language,
        published_at=parsed.published_at,
        html=item.received.text,
        text=parsed.text,
        paragraph_count=len(parsed.paragraphs),
        content_hash=item.received.content_hash,
    )


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


def _stated_url(url):
    """The page's own canonical URL when it is a usable http(s) URL, else "" (it is untrusted input)."""
    try:
        return normalise_url(url) or ""
    except IngestError:
        return ""


def _title_from_text(text):
    """A fragment has no <title>: its first words stand in, so lists stay readable."""
    words = text.split()
    if not words:
        return ""
    title = " ".join(words[:TITLE_FALLBACK_WORDS])
    if len(title) >= MAX_TITLE_LENGTH:
        return title[: MAX_TITLE_LENGTH - 1] + "…"  # twelve very long "words" must still fit Article.title
    return title + ("…" if len(words) > TITLE_FALLBACK_WORDS else "")
