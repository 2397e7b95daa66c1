"""python manage.py import_claimreview PATH…: other fact-checkers' ClaimReviews in, matched against our claims."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matching.services import import_files


class Command(BaseCommand):
    help = (
        "Import ClaimReview fact checks from .json files (one ClaimReview, a list, or a schema.org DataFeed), "
        ".html pages carrying ClaimReview JSON-LD, or folders of them. A fact check is stored once per URL; "
        "importing it again updates it. Stored claims are then matched against the imported checks."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)

    def handle(self, *args, paths, **options):
        summary, problems = import_files(paths, progress=options["verbosity"] > 0)
        for problem in problems:
            self.stderr.write(f"{problem.path}: {problem.message}")
        for error in summary.errors:
            self.stderr.write(f"item {error.item}: {error.message}")
        line = (
            f"Imported {summary.created} new and updated {summary.updated} fact checks "
            f"({summary.unchanged} unchanged); {len(summary.errors)} items and {len(problems)} files refused."
        )
        if problems or summary.errors:
            if not summary.created and not summary.updated and not summary.unchanged:
                raise CommandError(line)
            # Partial input: what was readable is stored, so the run succeeded; the refusals are listed above.
            self.stdout.write(self.style.WARNING(line))
            return
        self.stdout.write(self.style.SUCCESS(line))
