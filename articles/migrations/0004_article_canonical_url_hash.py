import hashlib

from django.db import migrations, models


def fill_hashes(apps, schema_editor):
    # The same computation as articles.models.canonical_url_hash, frozen here as migrations must be.
    from claims.sources import canonical_url

    Article = apps.get_model("articles", "Article")
    last = 0
    while rows := list(Article.objects.filter(pk__gt=last).order_by("pk").values_list("pk", "url")[:2000]):
        last = rows[-1][0]
        Article.objects.bulk_update(
            [
                Article(pk=pk, canonical_url_hash=hashlib.sha256(canonical_url(url.strip()).encode()).hexdigest())
                for pk, url in rows
                if url.strip()
            ],
            ["canonical_url_hash"],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_article_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="canonical_url_hash",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="SHA-256 of the canonical source URL; kept by save().",
                max_length=64,
            ),
        ),
        migrations.RunPython(fill_hashes, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["canonical_url_hash"], name="article_canonical_url_idx"),
        ),
    ]
