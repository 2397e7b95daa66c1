"""The change log and the webhook delivery log only grow: their admin lists never count every row.

Two ``COUNT(*)`` a page (the list's and the table's, for "N total") took
150 ms of a 190 ms page at two million change events. The lists count up to
2,000 and estimate beyond (``claims.pagination.LargeTablePaginator``).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from integrations.models import ChangeEvent

pytestmark = pytest.mark.django_db

COUNT_QUERIES = (
    ["the table's row estimate or the planner's", "the count up to 2,000"]
    if connection.vendor == "postgresql"
    else ["the count"]
)
EXPECTED = ["the session", "the signed-in user", *COUNT_QUERIES, "the page of events"]


def add_events(number):
    ChangeEvent.objects.bulk_create(
        ChangeEvent(resource="claim", object_id=n, kind="created", version=1, public=True) for n in range(number)
    )


@pytest.mark.parametrize("query", [{}, {"resource__exact": "claim"}, {"kind__exact": "created"}])
def test_the_change_log_costs_the_same_queries_for_one_event_and_many(client, superuser, query):
    client.force_login(superuser)
    url = reverse("admin:integrations_changeevent_changelist")
    for number in (1, 150):
        add_events(number)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, query)
        assert response.status_code == 200
        assert len(captured) == len(EXPECTED)


def test_the_change_log_never_counts_the_whole_table(client, superuser):
    add_events(3)
    client.force_login(superuser)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("admin:integrations_changeevent_changelist"), {"resource__exact": "claim"})
    assert response.context["cl"].result_count == 3
    counts = [query["sql"] for query in captured if "COUNT(" in query["sql"].upper()]
    assert all('"resource"' in sql for sql in counts)  # only the filtered list is counted, not every event


def test_the_delivery_log_counts_like_the_change_log():
    from django.contrib import admin

    from integrations.models import WebhookDelivery

    delivery_admin = admin.site._registry[WebhookDelivery]
    assert delivery_admin.paginator.__name__ == "LargeTablePaginator"
    assert delivery_admin.show_full_result_count is False
