"""manage.py ingest PATH...: store HTML files (or folders of them) as articles."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.folders import article_files, ingest_files


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
