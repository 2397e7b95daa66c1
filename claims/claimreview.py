"""schema.org ClaimReview for a published verdict: one builder for the API feed and the public claim page.

Follows Google's fact-check markup: ``claimReviewed``, ``reviewRating`` with
``ratingValue``/``bestRating``/``worstRating`` (when the rating has a value)
and ``alternateName``, ``itemReviewed`` as a ``Claim`` with its ``author``
and ``appearance``/``firstAppearance``, the review's ``author``,
``datePublished`` and ``url``.
"""

from django.conf import settings

BEST_RATING = 5
WORST_RATING = 1


def claim_review(verdict, *, base_url, other_appearances=()):
    """The ClaimReview JSON-LD dict for a published ``verdict`` (with claim, article and rating loaded).

    ``other_appearances`` are the articles of other claims confirmed as the
    same checked claim (``claims.selectors.other_appearances``); ClaimReview
    then lists every ``appearance``, the checked claim's own article first.
    """
    claim = verdict.claim
    article = claim.article
    rating = {"@type": "Rating", "alternateName": verdict.rating.label}
    if verdict.rating.value is not None:
        rating.update(ratingValue=verdict.rating.value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    appearance = _appearance(article)
    item = {
        "@type": "Claim",
        "author": _claim_author(claim, article),
        "appearance": [appearance, *(_appearance(other) for other in other_appearances)]
        if other_appearances
        else appearance,
        "firstAppearance": appearance,
    }
    if article.published_at:
        item["datePublished"] = article.published_at.date().isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base_url}{claim.get_absolute_url()}",
        "claimReviewed": claim.text,
        "datePublished": verdict.published_at.date().isoformat(),
        "author": {"@type": "Organization", "name": settings.FACTCHECK_ORGANISATION_NAME, "url": f"{base_url}/"},
        "reviewRating": rating,
        "itemReviewed": item,
        "reviewBody": verdict.summary,
    }


def _appearance(article):
    appearance = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    if article.published_at:
        appearance["datePublished"] = article.published_at.date().isoformat()
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    return appearance


def _claim_author(claim, article):
    if claim.claimant:
        kind = (
            "Person"
            if len(claim.claimant.split()) in {2, 3} and not _looks_like_organisation(claim.claimant)
            else "Organization"
        )
        return {"@type": kind, "name": claim.claimant}
    return {"@type": "Organization", "name": article.outlet or article.title or "Unknown"}


def _looks_like_organisation(name):
    from .extraction.names import is_organisation

    return is_organisation(name)
