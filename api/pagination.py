"""Paging: numbered pages for browsable tables, cursors for feeds crawled front to back."""

from rest_framework.pagination import CursorPagination, PageNumberPagination


class StandardPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class ClaimReviewFeedPagination(CursorPagination):
    """A feed crawled front to back: cursors, no counting of every published verdict."""

    ordering = ("-published_at", "-id")
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
