"""``/api/v1/claimreview/feed.json``: every ClaimReview as a schema.org DataFeed an aggregator polls incrementally.

Items come oldest change first, ordered by when their ClaimReview last
changed (the claim's ``updated_at``) with the claim id as tie-breaker. Each
page's ``next`` is never null: it is the address to poll for whatever
changes after the page's last item (on an empty page, the page itself). A
correction moves the item to the end of the feed, so a poller that keeps
following ``next`` sees it again; items carry ``@id`` (the claim page's
``#claimreview``) to replace what it had. Changes younger than
``FACTCHECK_CHANGES_SETTLE_SECONDS`` wait, as in the change feed, so a slow
transaction committing an older timestamp is never skipped.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from claims.claimreview import data_feed, data_feed_item
from claims.selectors import claim_review_feed, other_appearances

from . import serializers as api
from .filters import StrictQueryParameters
from .pagination import KeysetPagination

DATA_FEED = OpenApiResponse(
    response={
        "type": "object",
        "required": ["@context", "@type", "url", "dataFeedElement", "next"],
        "properties": {
            "@context": {"type": "string", "enum": ["https://schema.org"]},
            "@type": {"type": "string", "enum": ["DataFeed"]},
            "name": {"type": "string"},
            "url": {"type": "string", "format": "uri", "description": "This page."},
            "dateModified": {
                "type": "string",
                "format": "date-time",
                "nullable": True,
                "description": "The newest `dateModified` on this page; null when it is empty.",
            },
            "dataFeedElement": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["@type", "dateCreated", "dateModified", "item"],
                    "properties": {
                        "@type": {"type": "string", "enum": ["DataFeedItem"]},
                        "dateCreated": {
                            "type": "string",
                            "format": "date-time",
                            "description": "When the verdict was published.",
                        },
                        "dateModified": {
                            "type": "string",
                            "format": "date-time",
                            "description": "When the ClaimReview last changed; the feed's order.",
                        },
                        "item": {
                            "type": "object",
                            "additionalProperties": True,
                            "description": "A schema.org ClaimReview (https://schema.org/ClaimReview).",
                        },
                    },
                },
            },
            "next": {
                "type": "string",
                "format": "uri",
                "description": "Not schema.org: the address of what comes after this page. Never null: keep the "
                'last one and poll it for changes (also sent as a `Link: <…>; rel="next"` header).',
            },
        },
    },
    description="A schema.org DataFeed of ClaimReview items, oldest change first.",
)


class FeedPagination(KeysetPagination):
    """``?after=`` a cursor from ``next``; the last page hands out a cursor too, to poll for what comes later."""

    cursor_query_param = "after"
    query_parameters = ("after", "page_size")
    counts = False

    def get_next_link(self):
        if not self.rows:
            return self.request.build_absolute_uri()
        last = self.rows[-1]
        values = [getattr(last, name) for name, _ in self.ordering]
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, self.encode(values))

    def get_paginated_response_schema(self, schema):
        return schema["items"]  # the page is the DataFeed itself, not the list envelope

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        parameters[0] = {
            **parameters[0],
            "name": "after",
            "description": "A cursor from a page's `next`: the items that changed after that page's last one. "
            "Absent: from the oldest.",
        }
        return parameters


@extend_schema(
    summary="Every ClaimReview as a schema.org DataFeed, polled incrementally",
    description=__doc__.split("\n\n", 1)[1],
    responses={200: DATA_FEED, 400: api.ErrorSerializer},
)
class ClaimReviewFeedViewSet(StrictQueryParameters, mixins.ListModelMixin, viewsets.GenericViewSet):
    pagination_class = FeedPagination
    filter_backends = []
    serializer_class = api.ClaimReviewSerializer

    def get_queryset(self):
        settled = timezone.now() - timedelta(seconds=settings.FACTCHECK_CHANGES_SETTLE_SECONDS)
        return claim_review_feed().filter(updated_at__lte=settled).order_by("updated_at", "id")

    def list(self, request, *args, **kwargs):
        claims = self.paginate_queryset(self.get_queryset())
        verdicts = []
        for claim in claims:
            verdict = claim.current_verdict
            verdict.claim = claim  # already loaded: no query per item
            verdicts.append(verdict)
        appearances = other_appearances(verdicts)
        base_url = request.build_absolute_uri("/").rstrip("/")
        items = [
            data_feed_item(
                verdict, base_url=base_url, other_appearances=appearances[verdict.pk], modified=verdict.claim.updated_at
            )
            for verdict in verdicts
        ]
        feed = data_feed(items, url=request.build_absolute_uri())
        feed["next"] = self.paginator.get_next_link()
        return Response(feed, headers={"Link": f'<{feed["next"]}>; rel="next"'})
