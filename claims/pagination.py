"""Pagination for a table of a million claims.

An exact ``COUNT(*)`` over hundreds of thousands of rows costs more than the
page itself, and nobody paging through a queue needs it to the unit. On
PostgreSQL the planner's estimate of the result size (``EXPLAIN``, a
millisecond) is used when it is large; small results are counted exactly, so
filtered lists that people actually page to the end stay exact.
"""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination

ESTIMATE_ABOVE = 10_000


def estimated_count(queryset):
    """The planner's row estimate for an unfiltered queryset on PostgreSQL, or None when an exact count is due."""
    if queryset.query.where or queryset.query.distinct or queryset.query.combinator:
        return None
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    return row[0] if row and row[0] >= ESTIMATE_ABOVE else None


class LargeTablePaginator(Paginator):
    @cached_property
    def count(self):
        estimate = estimated_count(self.object_list) if hasattr(self.object_list, "query") else None
        return estimate if estimate is not None else super().count


class LargeTablePagination(PageNumberPagination):
    django_paginator_class = LargeTablePaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
