"""Background re-extraction, one task per article so that workers share a large run."""

from celery import shared_task
from django.db import OperationalError


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def reextract_article(article_id):
    """Re-extract one article (see ``claims.services.reextract_article``); a deleted article is skipped."""
    from articles.models import Article

    from .services import reextract_article as reextract

    article = Article.objects.filter(pk=article_id).first()
    return None if article is None else reextract(article)


def enqueue_reextraction(article_ids):
    """Queue one re-extraction task per article id; returns how many were queued (``QueueUnavailable`` if the broker is down)."""
    from factcheck.celery import enqueue_all

    return enqueue_all(reextract_article, ([article_id] for article_id in article_ids))
