"""The stored published-verdict tally (``claims.tally``), filled from a count of the claims as they stand."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    Rating = apps.get_model("claims", "Rating")
    RatingTally = apps.get_model("claims", "RatingTally")
    counts = dict(
        Claim.objects.filter(stale=False, current_verdict__isnull=False)
        .order_by()
        .values_list("current_verdict__rating")
        .annotate(n=models.Count("id"))
    )
    RatingTally.objects.bulk_create(
        RatingTally(rating_id=pk, claims=counts.get(pk, 0)) for pk in Rating.objects.values_list("id", flat=True)
    )


class Migration(migrations.Migration):
    dependencies = [("claims", "0019_updated_at_indexes")]

    operations = [
        migrations.CreateModel(
            name="RatingTally",
            fields=[
                (
                    "rating",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="tally",
                        serialize=False,
                        to="claims.rating",
                    ),
                ),
                (
                    "claims",
                    models.PositiveIntegerField(
                        default=0, help_text="Public claims whose current verdict has this rating."
                    ),
                ),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
