"""Pagination for a table of a million claims.

An exact ``COUNT(*)`` over hundreds of thousands of rows costs more than the
page itself, and nobody paging through a queue needs it to the unit. So
counts are exact up to ``ESTIMATE_ABOVE`` rows (a count that stops there
costs a few milliseconds), and above it, on PostgreSQL, they are the
planner's estimate: the table's row count when unfiltered, else what
``EXPLAIN`` expects the filtered query to return (believed without
counting when it is far above the line). Filtered lists that people
page to the end stay exact; lists too long to page through say "about".
"""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

ESTIMATE_ABOVE = 2_000
# Planner estimates this many times over the line are believed without counting.
TRUSTED_MARGIN = 3


def counted(queryset):
    """``(count, is_estimate)`` for ``queryset``: exact up to ``ESTIMATE_ABOVE``, estimated beyond on PostgreSQL."""
    if queryset.query.is_empty():
        return 0, False  # known empty (``.none()``): there is no statement to explain
    if connections[queryset.db].vendor != "postgresql":
        return queryset.count(), False
    queryset = queryset.order_by()
    unfiltered = not (queryset.query.where or queryset.query.distinct or queryset.query.combinator)
    planned = _table_rows(queryset) if unfiltered else _planned_rows(queryset)
    if planned > ESTIMATE_ABOVE * (1 if unfiltered else TRUSTED_MARGIN):
        return planned, True  # far enough above the line that counting up to it would be wasted work
    capped = queryset.values("pk")[: ESTIMATE_ABOVE + 1].count()
    if capped <= ESTIMATE_ABOVE:
        return capped, False
    return max(planned, capped), True


def _planned_rows(queryset):
    return int(json.loads(queryset.explain(format="json"))[0]["Plan"]["Plan Rows"])


def _table_rows(queryset):
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    return row[0] if row else 0


class LargeTablePaginator(Paginator):
    @cached_property
    def _counted(self):
        if not hasattr(self.object_list, "query"):
            return len(self.object_list), False
        return counted(self.object_list)

    @cached_property
    def count(self):
        return self._counted[0]

    @property
    def count_is_estimate(self):
        return self._counted[1]
