"""manage.py recount_rating_tally: rebuild the home page's published-verdict tally from the claims table."""

from django.core.management.base import BaseCommand

from claims import tally


class Command(BaseCommand):
    help = (
        "Recount how many public claims carry each rating (the stored tally the home page reads). "
        "Only needed after claims or verdicts were changed outside factcheck's services, e.g. by SQL."
    )

    def handle(self, *args, **options):
        counts = tally.recount()
        self.stdout.write(f"Rating tally recounted: {sum(counts.values()):,} rated public claims.")
