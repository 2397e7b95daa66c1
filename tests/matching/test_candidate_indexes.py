"""Candidate search on PostgreSQL: the full-text index of checked claims (a migration), and what it finds.

The plan itself is measured at scale by bench/bench_matching.py --speed; a test table is too small for the
planner to choose as it does over a million claims.
"""

import pytest
from django.db import connection

from matching import candidates
from tests.factories import make_claim, make_verdict

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's"),
]


def test_the_checked_claims_index_exists_and_covers_only_claims_with_a_published_verdict():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'claim_checked_search_gin'")
        (definition,) = cursor.fetchone()
    assert "gin (search_vector)" in definition
    assert "current_verdict_id IS NOT NULL" in definition


def test_a_checked_claim_sharing_two_uncommon_words_is_a_candidate_and_an_unchecked_one_is_not():
    checked = make_claim()
    make_verdict(claim=checked, status="published")
    make_claim()  # the same words, no verdict
    found = candidates.checked_claims("Unemployment fell to its lowest level in a decade, the governor said.")
    assert [candidate.id for candidate in found] == [checked.pk]
