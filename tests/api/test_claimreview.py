"""ClaimReview JSON-LD: every property Google's fact-check markup requires and recommends."""

import pytest

from claims.claimreview import checked_statement
from claims.models import Verdict
from tests.factories import make_article, make_claim, make_verdict
from tests.public.claimreview_schema import assert_valid_claim_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article()


@pytest.fixture
def published(article):
    """The article's first claim with a published "true" verdict; its second claim has none."""
    make_claim(article=article, paragraph=1, claimant="Tom Berg")
    return make_verdict(claim=make_claim(article=article), status=Verdict.Status.PUBLISHED, rating="true")


def assert_claim_review(review, claim):
    assert_valid_claim_review(review)
    assert review["claimReviewed"] == checked_statement(claim)
    assert review["url"].endswith(claim.get_absolute_url())
    rating = review["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"], rating["alternateName"]) == (
        5,
        5,
        1,
        "True",
    )
    assert review["itemReviewed"]["firstAppearance"]["headline"] == claim.article.title


def test_one_claim_review(api, published):
    response = api.get(f"/api/v1/claimreview/{published.claim_id}/")
    assert response.status_code == 200
    assert_claim_review(response.json(), published.claim)


def test_feed_is_paginated_and_lists_only_current_published_verdicts(api, published, article):
    body = api.get("/api/v1/claimreview/").json()
    assert len(body["results"]) == 1 and body["next"] is None  # cursor pagination: no total count
    assert_claim_review(body["results"][0], published.claim)
    unreviewed = article.claims.exclude(pk=published.claim_id).get()
    assert api.get(f"/api/v1/claimreview/{unreviewed.pk}/").status_code == 404
