"""manage.py load_seeds: ingest the articles in seeds/ (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from .ingest import ingest_files

SEEDS_DIR = settings.BASE_DIR / "seeds"


class Command(BaseCommand):
    help = "Ingest the seed articles in seeds/. Running it again changes nothing."

    def handle(self, *args, verbosity, **options):
        files = sorted(
            p for p in SEEDS_DIR.iterdir() if p.suffix in {".txt", ".html"} and not p.name.endswith(".gold.json")
        )
        summary = ingest_files(files, progress=False)
        for path, reason, message in summary["failed"]:
            self.stderr.write(f"skipped {path.name}: {message} [{reason}]")
        self.stdout.write(
            f"Seeds: {summary['created']} new articles, {summary['existing']} already loaded, "
            f"{summary['claims']} claims, {summary['sources']} new sources."
        )
        if summary["failed"]:
            raise CommandError("some seed articles could not be ingested")
