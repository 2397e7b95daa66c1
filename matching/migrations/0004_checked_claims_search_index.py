"""Full-text index over the claims matching reads as "already checked by us": those with a published verdict.

``matching.candidates.checked_claims`` asks which checked claims share two
uncommon words with a new claim. Over the GIN index of every claim
(``claim_search_vector_gin``) PostgreSQL read the posting lists of all
claims and then dropped the nine in ten without a verdict; this partial
index holds only the checked ones, so the read is a tenth as long at scale,
and nothing at all in a newsroom that has checked nothing yet (bulk
ingestion into such a database spent two thirds of its time there).
PostgreSQL only, like migration 0002.
"""

from django.db import migrations

ADD = """
CREATE INDEX claim_checked_search_gin ON claims_claim USING gin (search_vector)
    WHERE current_verdict_id IS NOT NULL AND NOT stale;
"""
REMOVE = "DROP INDEX IF EXISTS claim_checked_search_gin;"


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [("matching", "0003_group_permissions")]
    operations = [migrations.RunPython(add, remove)]
