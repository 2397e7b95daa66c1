"""Ingesting files and folders of HTML: the ``ingest`` command's work, shared with the background task.

A service rather than command code, so the Celery task and the command both
call it and neither imports the other.
"""

from django.conf import settings
from tqdm import tqdm

from claims.models import Source

from .errors import IngestError
from .ingest import ingest_many

ARTICLE_SUFFIXES = {".html", ".htm", ".txt", ".xhtml"}


def article_files(paths):
    """Files named on the command line, and the article files inside named folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield path


def ingest_files(paths, *, url=None, progress=True, stderr=None, workers=1, batch_size=100):
    """Ingest each file, in batches; a file that fails is reported and skipped. Returns a summary dict."""
    files = list(article_files(paths))
    sources_before = Source.objects.count()
    summary = {"files": len(files), "created": 0, "existing": 0, "claims": 0, "failed": []}
    with tqdm(total=len(files), desc="Ingesting", unit="file", disable=not progress, file=stderr) as bar:
        pages = _read_pages(files, url, summary["failed"], bar)
        for path, outcome in ingest_many(pages, batch_size=batch_size, workers=workers):
            bar.update()
            if isinstance(outcome, IngestError):
                summary["failed"].append((path, outcome.reason, outcome.message))
            elif outcome.created:
                summary["created"] += 1
                summary["claims"] += outcome.claim_count
            else:
                summary["existing"] += 1
    summary["sources"] = Source.objects.count() - sources_before
    return summary


def _read_pages(files, url, failed, bar):
    """``(path, bytes, url)`` for each readable file, read only as ingestion reaches it."""
    limit = settings.FACTCHECK_MAX_ARTICLE_BYTES
    for path in files:
        try:
            if not path.exists():
                raise IngestError("missing", "No such file.")
            size = path.stat().st_size
            if size > limit:
                raise IngestError("too_large", f"{size:,} bytes is over the {limit:,}-byte limit.")
            yield path, path.read_bytes(), url
        except IngestError as error:
            failed.append((path, error.reason, error.message))
            bar.update()
        except OSError as error:
            failed.append((path, "unreadable", error.strerror or str(error)))
            bar.update()
