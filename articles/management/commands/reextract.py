"""manage.py reextract: run the current extractor over stored articles, keeping reviewed claims."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.analysis import reextract_article
from articles.models import Article
from articles.tasks import enqueue_reextraction
from factcheck.celery import QueueUnavailable


class Command(BaseCommand):
    help = "Re-run claim extraction on stored articles. Reviewed claims keep their ids, status and verdicts."

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, action="append", help="only this article id (repeatable)")
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument(
            "--background", action="store_true", help="queue one task per article for the Celery workers and return"
        )

    def handle(self, *args, article, no_progress, background, verbosity, **options):
        articles = Article.objects.order_by("id").only("id")
        if article:
            articles = articles.filter(id__in=article)
            unknown = sorted(set(article) - set(articles.values_list("id", flat=True)))
            if unknown:
                # Asked for something that is not there: saying "0 articles" and exiting 0 hides the typo.
                raise CommandError(f"No article with id {', '.join(map(str, unknown))}; nothing re-extracted.")
        if background:
            try:
                queued = enqueue_reextraction(list(articles.values_list("id", flat=True)))
            except QueueUnavailable as error:
                raise CommandError(error.message) from None
            self.stdout.write(f"Queued re-extraction of {queued} articles.")
            return
        totals = {"matched": 0, "created": 0, "stale": 0, "deleted": 0}
        ids = list(articles.values_list("id", flat=True))
        for article_id in tqdm(
            ids, desc="Re-extracting", unit="article", disable=no_progress or verbosity == 0, file=self.stderr._out
        ):
            result = reextract_article(Article.objects.get(pk=article_id))
            for key in totals:
                totals[key] += result[key]
        self.stdout.write(
            f"Re-extracted {len(ids)} articles: {totals['matched']} claims kept, {totals['created']} new, "
            f"{totals['stale']} marked stale, {totals['deleted']} unreviewed claims removed."
        )
