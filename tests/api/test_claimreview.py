"""ClaimReview JSON-LD: every property Google's fact-check markup requires and recommends."""

import pytest

pytestmark = pytest.mark.django_db


def assert_claim_review(review, claim):
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text
    assert review["url"].endswith(claim.get_absolute_url()) and review["url"].startswith("http")
    assert review["datePublished"]
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"], rating["alternateName"]) == (
        5,
        5,
        1,
        "True",
    )
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"]
    assert item["appearance"]["@type"] == "CreativeWork" and item["firstAppearance"]["headline"] == claim.article.title


def test_one_claim_review(api, published):
    response = api.get(f"/api/v1/claimreview/{published.claim_id}/")
    assert response.status_code == 200
    assert_claim_review(response.json(), published.claim)


def test_feed_is_paginated_and_lists_only_current_published_verdicts(api, published, seed_article):
    body = api.get("/api/v1/claimreview/").json()
    assert len(body["results"]) == 1 and body["next"] is None  # cursor pagination: no total count
    assert_claim_review(body["results"][0], published.claim)
    unreviewed = seed_article.claims.exclude(pk=published.claim_id).first()
    assert api.get(f"/api/v1/claimreview/{unreviewed.pk}/").status_code == 404
