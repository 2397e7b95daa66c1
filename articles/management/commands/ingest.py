"""manage.py ingest PATH...: store HTML files (or folders of them) as articles."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.errors import IngestError
from articles.ingest import ingest_many
from claims.models import Source

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


class Command(BaseCommand):
    help = "Ingest HTML files or folders of them as articles, with their citations, sources and claims."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="HTML files, or folders searched for .html/.htm/.txt")
        parser.add_argument("--url", help="the source URL, when ingesting a single file")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--workers", type=int, default=1, help="processes that parse and extract while the database is written"
        )
        parser.add_argument("--batch-size", type=int, default=100, help="articles stored per transaction")
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue the ingestion for a Celery worker (which must see the same paths) and return",
        )

    def handle(self, *args, paths, url, no_progress, workers, batch_size, background, verbosity, **options):
        if url and (len(paths) > 1 or paths[0].is_dir()):
            raise CommandError("--url names one article; give a single file with it, not a folder or several paths.")
        if workers < 1 or batch_size < 1:
            raise CommandError("--workers and --batch-size must be at least 1.")
        if background:
            self.queue(paths, url=url, batch_size=batch_size)
            return
        summary = ingest_files(
            paths,
            url=url,
            progress=not no_progress and verbosity > 0,
            stderr=self.stderr._out,
            workers=workers,
            batch_size=batch_size,
        )
        for path, reason, message in summary["failed"]:
            self.stderr.write(f"skipped {path}: {message} [{reason}]")
        self.stdout.write(
            f"Ingested {summary['created'] + summary['existing']} of {summary['files']} files: "
            f"{summary['created']} new articles ({summary['existing']} already present), "
            f"{summary['claims']} claims, {summary['sources']} new sources; {len(summary['failed'])} failed."
        )
        if summary["failed"]:
            raise CommandError(f"{len(summary['failed'])} file(s) could not be ingested.")

    def queue(self, paths, *, url, batch_size):
        from articles.tasks import enqueue_ingestion
        from factcheck.celery import QueueUnavailable

        files = list(article_files(paths))
        try:
            tasks = enqueue_ingestion(files, url=url, batch_size=batch_size)
        except QueueUnavailable as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"Queued ingestion of {len(files)} file(s) as {tasks} task(s).")
