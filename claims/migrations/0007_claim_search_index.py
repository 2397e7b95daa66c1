"""Full-text search over claims on PostgreSQL: a GIN index on the same tsvector the search query builds.

SQLite has no tsvector; there the search falls back to substring matching
and this migration does nothing.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "claim_search_gin"


def search_index():
    return GinIndex(SearchVector("text", "claimant", config="english"), name=INDEX_NAME)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("claims", "Claim"), search_index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("claims", "Claim"), search_index())


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_claimant_pages")]
    operations = [migrations.RunPython(create, drop)]
