"""What a valid ClaimReview looks like, from Google's fact-check markup documentation and schema.org.

Google (developers.google.com/search/docs/appearance/structured-data/factcheck): ClaimReview requires
``claimReviewed``, ``reviewRating`` and ``url``; recommends ``author``, ``datePublished`` and ``itemReviewed``.
Rating requires ``alternateName``; ``ratingValue`` lies between ``worstRating`` and ``bestRating``. The reviewed
Claim recommends ``author`` (Person or Organization, with a name), ``datePublished``, ``appearance`` and
``firstAppearance`` (a URL or a CreativeWork). schema.org: every other key must be a property of its type.
"""

import re
from datetime import date

CLAIM_REVIEW_PROPERTIES = {
    "@context", "@type", "@id", "url", "claimReviewed", "datePublished", "dateModified", "author", "reviewRating",
    "itemReviewed", "reviewBody", "inLanguage",
}  # fmt: skip
CLAIM_PROPERTIES = {"@type", "author", "datePublished", "appearance", "firstAppearance", "inLanguage", "name"}
CREATIVE_WORK_PROPERTIES = {"@type", "url", "headline", "name", "datePublished", "publisher"}
RATING_PROPERTIES = {"@type", "alternateName", "ratingValue", "bestRating", "worstRating"}
AGENT_TYPES = {"Person", "Organization"}


def assert_iso_date(value):
    assert date.fromisoformat(value)


def assert_absolute_url(value):
    assert re.match(r"^https?://[^\s/]+", value), value


def assert_agent(agent):
    assert agent["@type"] in AGENT_TYPES
    assert agent["name"].strip()
    assert set(agent) <= {"@type", "name", "url"}
    if "url" in agent:
        assert_absolute_url(agent["url"])


def assert_creative_work(work):
    assert work["@type"] == "CreativeWork"
    assert set(work) <= CREATIVE_WORK_PROPERTIES
    assert "url" in work or "headline" in work
    if "url" in work:
        assert_absolute_url(work["url"])
    if "publisher" in work:
        assert_agent(work["publisher"])


def assert_valid_claim_review(review):
    """Raises AssertionError unless ``review`` has what Google requires and only schema.org properties."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert set(review) <= CLAIM_REVIEW_PROPERTIES, set(review) - CLAIM_REVIEW_PROPERTIES
    assert {"claimReviewed", "reviewRating", "url", "author", "datePublished", "itemReviewed"} <= set(review)
    assert review["claimReviewed"].strip()
    assert_absolute_url(review["url"])
    assert review["@id"].startswith(review["url"])
    assert_iso_date(review["datePublished"])
    if "dateModified" in review:
        assert review["dateModified"] >= review["datePublished"]
    assert review["author"]["@type"] == "Organization"
    assert_agent(review["author"])
    assert "url" in review["author"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"].strip()
    assert set(rating) <= RATING_PROPERTIES
    if "ratingValue" in rating:
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert set(item) <= CLAIM_PROPERTIES, set(item) - CLAIM_PROPERTIES
    if "author" in item:
        assert_agent(item["author"])
    if "datePublished" in item:
        assert_iso_date(item["datePublished"])
    appearances = item.get("appearance", [])
    for work in appearances if isinstance(appearances, list) else [appearances]:
        assert_creative_work(work)
    if "firstAppearance" in item:
        assert_creative_work(item["firstAppearance"])
