"""manage.py ingest PATH...: store HTML files (or folders of them) as articles."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.errors import IngestError
from articles.ingest import ingest
from claims.models import Claim, Source

ARTICLE_SUFFIXES = {".html", ".htm", ".txt", ".xhtml"}


def article_files(paths):
    """Files named on the command line, and the article files inside named folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield path


def ingest_files(paths, *, url=None, progress=True, stderr=None):
    """Ingest each file; a file that fails is reported and skipped. Returns a summary dict."""
    files = list(article_files(paths))
    sources_before = Source.objects.count()
    summary = {"files": len(files), "created": 0, "existing": 0, "claims": 0, "failed": []}
    limit = settings.FACTCHECK_MAX_ARTICLE_BYTES
    for path in tqdm(files, desc="Ingesting", unit="file", disable=not progress, file=stderr):
        try:
            if not path.exists():
                raise IngestError("missing", "No such file.")
            if path.stat().st_size > limit:
                raise IngestError("too_large", f"{path.stat().st_size:,} bytes is over the {limit:,}-byte limit.")
            result = ingest(path.read_bytes(), url=url)
        except IngestError as error:
            summary["failed"].append((path, error.reason, error.message))
            continue
        except OSError as error:
            summary["failed"].append((path, "unreadable", error.strerror or str(error)))
            continue
        if result.created:
            summary["created"] += 1
            summary["claims"] += Claim.objects.filter(article=result.article).count()
        else:
            summary["existing"] += 1
    summary["sources"] = Source.objects.count() - sources_before
    return summary


class Command(BaseCommand):
    help = "Ingest HTML files or folders of them as articles, with their citations, sources and claims."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="HTML files, or folders searched for .html/.htm/.txt")
        parser.add_argument("--url", help="the source URL, when ingesting a single file")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, paths, url, no_progress, verbosity, **options):
        if url and len(paths) > 1:
            raise CommandError("--url names one article; give a single file with it.")
        summary = ingest_files(paths, url=url, progress=not no_progress and verbosity > 0, stderr=self.stderr._out)
        for path, reason, message in summary["failed"]:
            self.stderr.write(f"skipped {path}: {message} [{reason}]")
        self.stdout.write(
            f"Ingested {summary['created'] + summary['existing']} of {summary['files']} files: "
            f"{summary['created']} new articles ({summary['existing']} already present), "
            f"{summary['claims']} claims, {summary['sources']} new sources; {len(summary['failed'])} failed."
        )
        if summary["failed"]:
            raise CommandError(f"{len(summary['failed'])} file(s) could not be ingested.")
