"""manage.py extract FILE: print the extractor's JSON for one article; writes nothing."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.errors import IngestError
from articles.ingest import check_size, normalise_url
from articles.parsing import parse_article
from claims.extraction import extract_claims
from claims.extraction.report import extraction_report
from claims.learning import active_weights


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
            parsed = parse_article(data, normalise_url(url))
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror or error}") from None
        except IngestError as error:
            raise CommandError(f"{file}: {error.message}") from None
        extraction = extract_claims(parsed.paragraphs, parsed.text, learned_weights=active_weights())
        report = extraction_report(parsed, extraction)
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=indent))
