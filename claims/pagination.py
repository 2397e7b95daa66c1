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

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import Count, Window
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
    if queryset._fields is None and not queryset.query.distinct:
        # Planned as ids alone: the rows a list joins in for display (select_related) change no count, and
        # planning those joins cost more than running the page (2-3 ms of 4 at a million claims).
        queryset = queryset.values("pk")
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


class RankedSearchPaginator(Paginator):
    """Pages of a search ranked by relevance: the page's ids and the number of matches in one statement.

    Ranking sorts every matching row, so the database visits them all for
    the first page anyway; a separate count visited them again, and cost as
    much as the page (at a million claims, half the search page's database
    time). Here one statement returns the page's ids with ``COUNT(*) OVER
    ()``, exact, and ``read_rows(ids)`` reads those rows with what the page
    shows, in rank order. A page past the end is counted the usual way
    (``counted``), so ``get_page`` can fall back to the last one.
    """

    count_is_estimate = False

    def __init__(self, object_list, per_page, *, read_rows):
        super().__init__(object_list, per_page)
        self.read_rows = read_rows

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        bottom = (number - 1) * self.per_page
        ranked = self.object_list.annotate(match_count=Window(Count("*"))).values_list("pk", "match_count")
        found = list(ranked[bottom : bottom + self.per_page])
        if found:
            self.__dict__["count"] = found[0][1]
        elif number > 1:
            self.__dict__["count"] = counted(self.object_list)[0]
            raise EmptyPage("That page contains no results")
        else:
            self.__dict__["count"] = 0
        ids = [pk for pk, _ in found]
        rows = {row.pk: row for row in self.read_rows(ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
