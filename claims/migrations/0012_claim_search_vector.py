"""Full-text search reads a stored tsvector column instead of computing one per row.

At a million claims, recomputing ``to_tsvector`` for every candidate row cost
150-200 ms a search (for ranking, and whenever the planner filtered while
walking the score index); a generated column keeps it computed once, on
write, with the GIN index on the column. PostgreSQL only: the column is not
a model field (SQLite has no tsvector), and ``claims.selectors.matching``
reads it by name. Replaces the expression index of migration 0007.
"""

from django.db import migrations

ADD = """
ALTER TABLE claims_claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, COALESCE(text, '') || ' ' || COALESCE(claimant, ''))
) STORED;
CREATE INDEX claim_search_vector_gin ON claims_claim USING gin (search_vector);
DROP INDEX IF EXISTS claim_search_gin;
"""

REMOVE = """
DROP INDEX IF EXISTS claim_search_vector_gin;
ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector;
CREATE INDEX claim_search_gin ON claims_claim USING gin (
    to_tsvector('english'::regconfig, COALESCE(text, '') || ' ' || COALESCE(claimant, '')::text)
);
"""


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_reviewed_order_index")]
    operations = [migrations.RunPython(add, remove)]
