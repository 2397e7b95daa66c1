"""Background work on articles: ingestion (the ``ingest`` command's) and re-extraction, one task per article."""

from pathlib import Path

from celery import shared_task
from django.db import OperationalError


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def ingest_paths(paths, url=None, batch_size=100):
    """Ingest files or folders (paths the worker can read) and return the summary, JSON-safe.

    Safe to retry: an article already stored is found by its content hash, not stored twice.
    """
    from .folders import ingest_files

    summary = ingest_files([Path(path) for path in paths], url=url, progress=False, batch_size=batch_size)
    summary["failed"] = [[str(path), reason, message] for path, reason, message in summary["failed"]]
    return summary


# A task is a chunk of files, so that each takes seconds to minutes, well inside CELERY_TASK_TIME_LIMIT, and a
# worker lost mid-task costs one chunk's redelivery.
FILES_PER_TASK = 200


def enqueue_ingestion(files, *, url=None, batch_size=100):
    """Queue the ingestion of ``files`` in chunks of ``FILES_PER_TASK``; returns the number of tasks queued.

    Raises ``factcheck.celery.QueueUnavailable`` when the broker does not take them.
    """
    from factcheck.celery import enqueue_all

    paths = [str(Path(path).resolve()) for path in files]
    chunks = (paths[start : start + FILES_PER_TASK] for start in range(0, len(paths), FILES_PER_TASK))
    return enqueue_all(ingest_paths, ([chunk, url, batch_size] for chunk in chunks))


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def reextract_article(article_id):
    """Re-extract one article (see ``articles.analysis.reextract_article``); a deleted article is skipped."""
    from .analysis import reextract_article as reextract
    from .models import Article

    article = Article.objects.filter(pk=article_id).first()
    return None if article is None else reextract(article)


def enqueue_reextraction(article_ids):
    """Queue one re-extraction task per article id; returns how many were queued (``QueueUnavailable`` if the broker is down)."""
    from factcheck.celery import enqueue_all

    return enqueue_all(reextract_article, ([article_id] for article_id in article_ids))
