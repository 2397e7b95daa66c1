"""Parse then extract: the one place an article's HTML becomes paragraphs, links and claims.

Ingestion (``ingest``), re-extraction (``reextract_article``) and the
``extract`` command all analyse a page through ``analyse``, so they parse and
score it the same way (with the fitted check-worthiness weights when a
newsroom has them). ``articles`` owns this pipeline; ``claims`` only stores
what it is handed and never imports ``articles.parsing``.
"""

from dataclasses import dataclass

from claims.extraction import Extraction, extract_claims
from claims.learning import active_weights
from claims.services import store_reextraction

from .parsing import ParsedArticle, parse_article


@dataclass(frozen=True)
class Analysis:
    parsed: ParsedArticle
    extraction: Extraction


def analyse(html, url=None):
    """``Analysis`` of ``html`` (bytes or text); raises ``IngestError`` for input that cannot be read."""
    parsed = parse_article(html, url)
    return Analysis(parsed, extract_claims(parsed.paragraphs, parsed.text, learned_weights=active_weights()))


def reextract_article(article):
    """Run the current extractor again over a stored article, keeping reviewers' work (see ``store_reextraction``)."""
    analysis = analyse(article.html, article.url or None)
    return store_reextraction(article, analysis.parsed, analysis.extraction)
