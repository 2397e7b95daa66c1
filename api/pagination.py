"""Paging: one envelope for every list, numbered pages for reference tables, keyset cursors for feeds.

Every list answers ``{"count", "count_is_estimate", "next", "previous", "results"}``:

- ``next`` / ``previous`` are the URLs of the neighbouring pages, or null;
- ``count`` is the number of rows matching the filters, exact up to 2,000 and
  the database's estimate beyond on PostgreSQL (``count_is_estimate``).

Reference tables (articles, sources, ratings) have numbered pages
(``?page=``). Feeds a mirror walks front to back (claims, verdicts,
ClaimReview, changes, claimants) have cursors (``?cursor=``): the cursor
carries the values of every ordering column of the last row, so rows
inserted or reordered while a client pages never make it skip or repeat a
row, and the cost of a page does not grow with its depth. Cursors only go
forward; ``previous`` is always null there. A page number or cursor the API
did not hand out is 400, not 404.
"""

import base64
import binascii
import json
import operator
from datetime import date, datetime
from functools import partial, reduce

from django.core.paginator import InvalidPage
from django.db.models import F, OrderBy, Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.utils.urls import replace_query_param

from claims.pagination import ESTIMATE_ABOVE, counted

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


ENVELOPE_COMPONENT = "ListEnvelope"


def envelope_component():
    """The list envelope, documented once (``api.schema.postprocess`` adds it to the schema's components)."""
    return {
        "type": "object",
        "description": "Every list's answer. Follow `next` until it is null. Reference tables (articles, sources, "
        "ratings) page by number (`?page=`); feeds (claims, claimants, verdicts, ClaimReview, changes, imported "
        "fact checks) by cursor (`?cursor=`, or `?after=` on changes), forward only: there `previous` is always "
        "null, and cursors never skip or repeat a row while data changes.",
        "required": ["count", "count_is_estimate", "next", "previous", "results"],
        "properties": {
            "count": {
                "type": "integer",
                "minimum": 0,
                "description": "Rows matching the filters: exact up to "
                f"{ESTIMATE_ABOVE:,}, the database's estimate above that on PostgreSQL.",
            },
            "count_is_estimate": {"type": "boolean", "description": "True when `count` is an estimate."},
            "next": {
                "type": "string",
                "format": "uri",
                "nullable": True,
                "description": "The next page's URL; null on the last page.",
            },
            "previous": {
                "type": "string",
                "format": "uri",
                "nullable": True,
                "description": "The previous page's URL; null on the first page and always for cursor lists.",
            },
            "results": {"type": "array", "items": {}},
        },
    }


def envelope_schema(results_schema, *, paging):
    """A list's schema: the envelope (one component) with this list's ``results``, paged by ``paging``."""
    return {
        "allOf": [
            {"$ref": f"#/components/schemas/{ENVELOPE_COMPONENT}"},
            {"type": "object", "description": f"Paged by {paging}.", "properties": {"results": results_schema}},
        ]
    }


def envelope(*, count, count_is_estimate, next_url, previous_url, results):
    return {
        "count": count,
        "count_is_estimate": count_is_estimate,
        "next": next_url,
        "previous": previous_url,
        "results": results,
    }


def requested_page_size(request, default=PAGE_SIZE):
    raw = request.query_params.get("page_size")
    if raw is None:
        return default
    try:
        size = int(raw)
    except ValueError:
        raise ValidationError({"page_size": ["A whole number from 1 to 200."]}, code="invalid") from None
    if size < 1:
        raise ValidationError({"page_size": ["A whole number from 1 to 200."]}, code="invalid")
    return min(size, MAX_PAGE_SIZE)


PAGE_SIZE_PARAMETER = {
    "name": "page_size",
    "required": False,
    "in": "query",
    "description": f"Rows per page, 1 to {MAX_PAGE_SIZE} (default {PAGE_SIZE}; larger values are capped).",
    "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
}


class NumberedPagination(PageNumberPagination):
    """``?page=`` for reference tables; a page past the end or not a number is 400."""

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    query_parameters = ("page", "page_size")

    def get_page_size(self, request):
        return requested_page_size(request, self.page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        number = request.query_params.get(self.page_query_param) or 1
        try:
            self.page = paginator.page(number)
        except InvalidPage as error:
            raise ValidationError({"page": [str(error)]}, code="invalid") from None
        return list(self.page)

    def get_paginated_response(self, data):
        from rest_framework.response import Response

        paginator = self.page.paginator
        return Response(
            envelope(
                count=paginator.count,
                count_is_estimate=False,  # reference tables are small enough to count exactly
                next_url=self.get_next_link(),
                previous_url=self.get_previous_link(),
                results=data,
            )
        )

    def get_paginated_response_schema(self, schema):
        return envelope_schema(schema, paging="`?page=`")

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": "A page number from 1 to the last page; any other value is 400.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
            },
            PAGE_SIZE_PARAMETER,
        ]


class KeysetPagination(BasePagination):
    """``?cursor=`` for feeds: the cursor holds the last row's ordering values; pages go forward only.

    The queryset's ordering (set by ``StableOrderingFilter``, always ending
    in a unique column) decides the order; a cursor made for another
    ordering is rejected with 400.
    """

    cursor_query_param = "cursor"
    query_parameters = ("cursor", "page_size")
    counts = True  # False for answers without a count (the ClaimReview DataFeed): saves a query or two

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = requested_page_size(request)
        self.ordering = ordering_of(queryset)
        self.count, self.count_is_estimate = counted(queryset) if self.counts else (None, False)
        raw = request.query_params.get(self.cursor_query_param)
        if raw is not None:
            queryset = queryset.filter(self.after(self.decode(raw), queryset.model))
        # A view may read its rows its own way (the claim list reads plain values through joins); the count
        # above stays on the bare queryset, so those joins never enter it.
        read_rows = getattr(view, "page_rows", None)
        rows = list((read_rows(queryset) if read_rows else queryset)[: self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        self.rows = rows[: self.page_size]
        return self.rows

    def after(self, values, model):
        """The rows strictly after a row whose ordering columns hold ``values``."""
        condition = None
        for (name, descending), value in reversed(list(zip(self.ordering, values, strict=True))):
            field = model._meta.get_field(name)
            if value is not None:
                try:
                    value = field.to_python(value)
                except Exception:
                    raise invalid_cursor(self.cursor_query_param) from None
            condition = keyset_step(name, descending, field.null, value, condition)
        return condition

    def get_next_link(self):
        if not self.has_next:
            return None
        last = self.rows[-1]
        read = last.__getitem__ if isinstance(last, dict) else partial(getattr, last)  # a values() row or a model
        values = [read(name) for name, _ in self.ordering]
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, self.encode(values))

    def encode(self, values):
        return encode_cursor(values, self.ordering)

    def decode(self, raw):
        try:
            return decode_cursor(raw, self.ordering)
        except ValidationError:
            raise invalid_cursor(self.cursor_query_param) from None

    def get_paginated_response(self, data):
        from rest_framework.response import Response

        return Response(
            envelope(
                count=self.count,
                count_is_estimate=self.count_is_estimate,
                next_url=self.get_next_link(),
                previous_url=None,
                results=data,
            )
        )

    def get_paginated_response_schema(self, schema):
        return envelope_schema(schema, paging="`?cursor=`")

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Copy it from a `next` link; a cursor for another ordering, or altered, is 400.",
                "schema": {"type": "string", "maxLength": 1000},
            },
            PAGE_SIZE_PARAMETER,
        ]


def keyset_step(name, descending, nullable, value, rest):
    """Rows after ``value`` in column ``name``, or tied on it and after by the ``rest`` of the columns.

    Nullable columns sort as PostgreSQL does by default (nulls last going
    up, first going down), which ``ordering_expression`` makes explicit on
    every database.
    """
    parts = []
    if value is None:
        if rest is not None:
            parts.append(Q(**{f"{name}__isnull": True}) & rest)
        if nullable and descending:
            parts.append(Q(**{f"{name}__isnull": False}))
    else:
        parts.append(Q(**{f"{name}__{'lt' if descending else 'gt'}": value}))
        if rest is not None:
            parts.append(Q(**{name: value}) & rest)
        if nullable and not descending:
            parts.append(Q(**{f"{name}__isnull": True}))
    return reduce(operator.or_, parts) if parts else Q(pk__in=[])


def ordering_expression(model, name, descending):
    """``name`` ordered with nulls where PostgreSQL puts them by default, so both databases agree."""
    field = model._meta.get_field(name)
    if not field.null:
        return f"-{name}" if descending else name
    return F(name).desc(nulls_first=True) if descending else F(name).asc(nulls_last=True)


def ordering_of(queryset):
    """``[(column, descending), ...]`` of the queryset's ordering; it must end in a unique column."""
    ordering = []
    for term in queryset.query.order_by or queryset.model._meta.ordering:
        if isinstance(term, OrderBy):
            ordering.append((term.expression.name, term.descending))
        elif isinstance(term, str):
            ordering.append((term.lstrip("-"), term.startswith("-")))
        else:  # pragma: no cover - orderings are set by StableOrderingFilter or the view
            raise TypeError(f"Cannot page by {term!r}")
    ordering = [("id" if name == "pk" else name, descending) for name, descending in ordering]
    if not ordering or ordering[-1][0] != "id":
        raise TypeError("A keyset-paged ordering must end in the id")
    return ordering


def signature(ordering):
    return ",".join(("-" if descending else "") + name for name, descending in ordering)


def encode_cursor(values, ordering):
    # isoformat() keeps the microseconds, which DjangoJSONEncoder would round to milliseconds.
    values = [value.isoformat() if isinstance(value, datetime | date) else value for value in values]
    payload = json.dumps({"o": signature(ordering), "v": values}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(raw, ordering):
    try:
        payload = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        values = payload["v"]
        matches = payload["o"] == signature(ordering)
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise invalid_cursor() from None
    if not matches or not isinstance(values, list) or len(values) != len(ordering):
        raise invalid_cursor()
    if any(not isinstance(value, str | int | float | type(None)) or isinstance(value, bool) for value in values):
        raise invalid_cursor()
    return values


def invalid_cursor(parameter="cursor"):
    return ValidationError({parameter: ["Not a cursor this list handed out (or made for another ordering)."]})
