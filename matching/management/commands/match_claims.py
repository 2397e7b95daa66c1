"""python manage.py match_claims: match stored claims again (after a task-queue outage, or a new threshold)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.models import Claim
from matching.services import match_claims

BATCH = 500


class Command(BaseCommand):
    help = (
        "Match stored claims against this newsroom's published verdicts and imported fact checks, in this process, "
        "replacing their unconfirmed matches (confirmed ones are kept). By default every current claim; "
        "--article limits it to one article's claims."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, help="only the claims of the article with this id")

    def handle(self, *args, article=None, **options):
        claims = Claim.objects.filter(stale=False)
        if article is not None:
            claims = claims.filter(article_id=article)
            if not claims.exists():
                raise CommandError(f"No article {article} with current claims.")
        ids = list(claims.order_by("pk").values_list("pk", flat=True))
        found = 0
        with tqdm(total=len(ids), unit="claim", disable=options["verbosity"] < 1, file=self.stderr) as progress:
            for start in range(0, len(ids), BATCH):
                batch = ids[start : start + BATCH]
                found += match_claims(batch)
                progress.update(len(batch))
        self.stdout.write(self.style.SUCCESS(f"Matched {len(ids)} claims: {found} matches stored."))
