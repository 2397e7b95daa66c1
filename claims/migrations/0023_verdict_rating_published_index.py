"""Claims of one rating, newest verdict first (``ClaimQuerySet.rated``), read from an index on PostgreSQL.

The index's ``published_at DESC NULLS LAST`` must match the search page's
order for PostgreSQL to stop after a page; SQLite cannot index NULLS LAST,
and has no million-claim tables to serve.
"""

from django.db import migrations

ADD = (
    "CREATE INDEX IF NOT EXISTS verdict_rating_published_idx ON claims_verdict "
    "(rating_id, published_at DESC NULLS LAST) WHERE status = 'published'"
)
REMOVE = "DROP INDEX IF EXISTS verdict_rating_published_idx"


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [("claims", "0022_claim_rated_updated_index")]
    operations = [migrations.RunPython(add, remove)]
