"""Reads for articles: the queries the public pages and the admin share."""

from .models import Article


def recent_articles(limit=50):
    """Newest articles with their claim and citation counts, in two queries at most."""
    return Article.objects.with_counts().defer("html", "text").order_by("-ingested_at", "-id")[:limit]
