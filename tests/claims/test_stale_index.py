"""Stale claims, a handful among a million, are read from their own index: the stale queue, the admin's stale
filter in the list's order, and the desk's count of the queue.

PostgreSQL only: it reads the plan with sequential scans discouraged, so it
fails when no index serves the stale rows (on a small table the planner
would otherwise scan whatever exists).
"""

import pytest
from django.contrib import admin
from django.db import connection

from claims import queues
from claims.models import Claim
from tests.factories import make_claim

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans"),
]


@pytest.fixture(autouse=True)
def no_sequential_scans():
    make_claim(stale=True)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")


def test_the_stale_queue_is_read_from_the_stale_index(reviewer):
    assert "claim_stale_idx" in queues.queue_claims("stale", reviewer)[:25].explain()


def test_the_admin_stale_filter_in_the_list_order_is_read_from_the_stale_index():
    ordering = admin.site._registry[Claim].ordering
    assert "claim_stale_idx" in Claim.objects.filter(stale=True).order_by(*ordering)[:25].explain()
