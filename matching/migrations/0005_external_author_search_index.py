"""Full-text index over the names of the people imported fact checks are about (``claim_author``).

The admin's search box finds an imported fact check by the words of its
claim (the GIN-indexed ``search_vector`` of migration 0002), the words of its
claim's author, or its address (``matching.selectors.fact_check_search``).
Without an index on the author, the OR of the three read every fact check:
250 ms a search over 100,000 of them. ``AuthorWords`` in the selector writes
this index's expression. PostgreSQL only, like migration 0002.
"""

from django.db import migrations

ADD = """
CREATE INDEX external_author_search_gin ON matching_externalfactcheck
    USING gin (to_tsvector('english'::regconfig, claim_author::text));
"""
REMOVE = "DROP INDEX IF EXISTS external_author_search_gin;"


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [("matching", "0004_checked_claims_search_index")]
    operations = [migrations.RunPython(add, remove)]
