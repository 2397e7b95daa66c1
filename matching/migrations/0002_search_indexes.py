"""Indexes that find match candidates on PostgreSQL: trigram (pg_trgm) and full-text, both GIN.

- ``claim_checked_text_trgm``: trigram index over the text of our claims that
  carry a published verdict (a partial index: a tenth of the claims table at
  the scale benchmark), for "is this new claim already checked by us?".
- ``external_claim_reviewed_trgm``: trigram index over imported fact checks.
- ``search_vector`` on imported fact checks, a stored tsvector like the one
  claims have (claims migration 0012), so candidates that share stemmed words
  but few trigrams (reordered paraphrases) are found too.
- Claims already have a GIN full-text index (``claim_search_vector_gin``),
  used the other way round: which stored claims repeat a newly published or
  imported check.

SQLite has none of these; there ``matching.candidates`` scores in Python.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

ADD = """
CREATE INDEX claim_checked_text_trgm ON claims_claim USING gin (text gin_trgm_ops)
    WHERE current_verdict_id IS NOT NULL;
CREATE INDEX external_claim_reviewed_trgm ON matching_externalfactcheck USING gin (claim_reviewed gin_trgm_ops);
ALTER TABLE matching_externalfactcheck ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, COALESCE(claim_reviewed, ''))
) STORED;
CREATE INDEX external_search_vector_gin ON matching_externalfactcheck USING gin (search_vector);
"""

REMOVE = """
DROP INDEX IF EXISTS external_search_vector_gin;
ALTER TABLE matching_externalfactcheck DROP COLUMN IF EXISTS search_vector;
DROP INDEX IF EXISTS external_claim_reviewed_trgm;
DROP INDEX IF EXISTS claim_checked_text_trgm;
"""


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial"), ("claims", "0013_reviewed_score_index")]
    operations = [TrigramExtension(), migrations.RunPython(add, remove)]
