"""Reads for articles: the queries the public pages and the admin share."""

from .models import Article, canonical_url_hashes


def recent_articles(limit=50):
    """Newest articles with their claim and citation counts, in two queries at most."""
    return Article.objects.with_counts().defer("html", "text").order_by("-ingested_at", "-id")[:limit]


def at_url(articles, url):
    """The ``articles`` stored under ``url`` or any other way of writing it (``canonical_url_hash``)."""
    return articles.filter(canonical_url_hash__in=canonical_url_hashes(url))
