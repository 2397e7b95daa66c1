"""Background ingestion: the ``ingest`` command's work, run by a Celery worker."""

from pathlib import Path

from celery import shared_task
from django.db import OperationalError


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def ingest_paths(paths, url=None, batch_size=100):
    """Ingest files or folders (paths the worker can read) and return the summary, JSON-safe.

    Safe to retry: an article already stored is found by its content hash, not stored twice.
    """
    from .management.commands.ingest import ingest_files

    summary = ingest_files([Path(path) for path in paths], url=url, progress=False, batch_size=batch_size)
    summary["failed"] = [[str(path), reason, message] for path, reason, message in summary["failed"]]
    return summary
