from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0021_verdict_retraction"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=models.Q(("current_verdict__isnull", False)),
                fields=["updated_at", "id"],
                name="claim_rated_updated_idx",
            ),
        ),
    ]
