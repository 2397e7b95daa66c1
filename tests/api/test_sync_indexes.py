"""Incremental sync reads walk an index: ?updated_after= with ?ordering=updated_at, and the ClaimReview DataFeed.

PostgreSQL only: the test forbids sequential scans and reads the plan, so
it fails when no index serves the order (on a small table the planner would
otherwise scan whatever exists).
"""

import pytest
from django.db import connection

from claims.models import Claim, Verdict
from claims.selectors import claim_review_feed

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans"),
]


def plan(queryset):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    return queryset.explain()


@pytest.mark.parametrize(
    "queryset, index",
    [
        (
            lambda since: Claim.objects.filter(updated_at__gte=since).order_by("updated_at", "id")[:51],
            "claim_updated_idx",
        ),
        (
            lambda since: Verdict.objects.filter(updated_at__gte=since).order_by("updated_at", "id")[:51],
            "verdict_updated_idx",
        ),
        (
            lambda since: claim_review_feed().filter(updated_at__gte=since).order_by("updated_at", "id")[:51],
            "claim_rated_updated_idx",
        ),
    ],
    ids=["claims", "verdicts", "claimreview-feed"],
)
def test_the_sync_order_is_read_from_an_index(queryset, index):
    from datetime import UTC, datetime

    assert index in plan(queryset(datetime(2026, 1, 1, tzinfo=UTC)))
