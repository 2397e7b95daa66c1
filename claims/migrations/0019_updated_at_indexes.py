from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0018_topics"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["updated_at", "id"], name="claim_updated_idx"),
        ),
        migrations.AddIndex(
            model_name="verdict",
            index=models.Index(fields=["updated_at", "id"], name="verdict_updated_idx"),
        ),
    ]
