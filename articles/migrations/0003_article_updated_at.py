from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_article_republishable"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, help_text="Last ingestion or re-extraction."),
        ),
        # Existing articles were last changed when ingested, as far as anyone can tell.
        migrations.RunSQL("UPDATE articles_article SET updated_at = ingested_at", migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["updated_at", "id"], name="article_updated_idx"),
        ),
    ]
