"""Claims of one rating, newest verdict first (the search page's and the API's rating filter), walk an index.

PostgreSQL only: it reads the plan with sequential scans and sorts
discouraged, so it fails when no index serves the rating and the order (on a
small table the planner would otherwise scan whatever exists).
"""

import pytest
from django.db import connection

from claims.selectors import search_claims

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans"),
]


def test_one_rating_newest_first_is_read_from_the_rating_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    plan = search_claims("", rating="false")[:20].explain()
    assert "verdict_rating_published_idx" in plan
