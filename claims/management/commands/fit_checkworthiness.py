"""manage.py fit_checkworthiness: fit the check-worthiness weights to reviewers' decisions."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.learning import fit_from_reviews


class Command(BaseCommand):
    help = (
        "Fit the check-worthiness features' weights (logistic regression) to reviewers' decisions: claims taken "
        "up vs. claims marked not check-worthy. Writes FACTCHECK_CHECKWORTHINESS_WEIGHTS, which ingestion and "
        "re-extraction then use instead of the rule-based weights."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="where to write the weights (default: the setting's path)")

    def handle(self, *args, output, **options):
        try:
            learned = fit_from_reviews(output)
        except ValueError as error:
            raise CommandError(str(error)) from None
        strongest = sorted(learned.weights.items(), key=lambda item: -abs(item[1]))[:5]
        self.stdout.write(
            f"Fitted check-worthiness weights version {learned.version} on {learned.positives} claims taken up and "
            f"{learned.negatives} marked not check-worthy; strongest: "
            + ", ".join(f"{name} {weight:+.2f}" for name, weight in strongest)
        )
