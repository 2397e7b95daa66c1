"""manage.py extract FILE: print the extractor's JSON for one article; writes nothing."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.analysis import analyse
from articles.errors import IngestError
from articles.ingest import check_size, normalise_url
from claims.extraction.report import extraction_report


class Command(BaseCommand):
    help = "Extract claims, quotes, sources and checks from an HTML file or fragment and print them as JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--url", help="the article's URL, to resolve relative links")
        parser.add_argument("--indent", type=int, default=1)

    def handle(self, *args, file, url, indent, **options):
        try:
            data = file.read_bytes()
            check_size(data)
            analysis = analyse(data, normalise_url(url))
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror or error}") from None
        except IngestError as error:
            raise CommandError(f"{file}: {error.message}") from None
        report = extraction_report(analysis.parsed, analysis.extraction)
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=indent))
