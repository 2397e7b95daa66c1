"""schema.org ClaimReview for a published verdict: one builder for the API feed and the public claim page.

Follows Google's fact-check markup (developers.google.com/search/docs/appearance/structured-data/factcheck)
and schema.org's ClaimReview and Claim:

- required by Google: ``claimReviewed``, ``reviewRating`` (``alternateName``, and
  ``ratingValue``/``bestRating``/``worstRating`` when the rating has a value), ``url``;
- recommended: ``author`` (the fact-checker, an ``Organization`` with ``name`` and ``url``),
  ``datePublished``, ``itemReviewed`` as a ``Claim`` with ``author``, ``datePublished``,
  ``appearance`` and ``firstAppearance``;
- schema.org extras readers' tools use: ``@id``, ``inLanguage``, ``dateModified``, ``reviewBody``.

``itemReviewed.author`` is who made the claim, typed ``Person`` or ``Organization`` only when
we know which; it is absent when nobody is named. It never falls back to the outlet or the
headline: a debunker named as the author of the falsehood it debunks is worse than no author.
"""

from django.conf import settings

from .rendering import is_safe_url

BEST_RATING = 5
WORST_RATING = 1


def claim_review(verdict, *, base_url, other_appearances=()):
    """The ClaimReview JSON-LD dict for a published ``verdict`` (with claim, article and rating loaded).

    ``other_appearances`` are the articles of other claims confirmed as the
    same checked claim (``claims.selectors.other_appearances``); ClaimReview
    then lists them as further ``appearance``s after the claim's own.
    """
    claim = verdict.claim
    article = claim.article
    page_url = f"{base_url}{claim.get_absolute_url()}"
    rating = {"@type": "Rating", "alternateName": verdict.rating.label}
    if verdict.rating.value is not None:
        rating.update(ratingValue=verdict.rating.value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": f"{page_url}#claimreview",
        "url": page_url,
        "claimReviewed": checked_statement(claim),
        "datePublished": verdict.published_at.date().isoformat(),
        "author": {
            "@type": "Organization",
            "name": settings.FACTCHECK_ORGANISATION_NAME,
            "url": settings.FACTCHECK_ORGANISATION_URL or f"{base_url}/",
        },
        "reviewRating": rating,
        "itemReviewed": claim_item(claim, article, other_appearances),
        "reviewBody": verdict.summary,
    }
    review["dateModified"] = last_modified(verdict).date().isoformat()
    if article.lang:
        review["inLanguage"] = article.lang
    return review


def checked_statement(claim):
    """What was rated: the reviewer's statement, or the sentence while there is none (``Claim.checked_statement``)."""
    return claim.checked_statement


def last_modified(verdict):
    """When the ClaimReview last changed: the verdict's publication, a later correction of it, or a correction
    of the claim itself (its claimant or statement), which moves the claim's ``updated_at`` (no query)."""
    return max(verdict.published_at, verdict.updated_at or verdict.published_at, verdict.claim.updated_at)


def data_feed_item(verdict, *, base_url, other_appearances=(), modified=None):
    """A schema.org ``DataFeedItem`` wrapping ``verdict``'s ClaimReview, with exact creation and change times.

    ``modified`` is the time the feed orders by (defaults to ``last_modified``).
    """
    return {
        "@type": "DataFeedItem",
        "dateCreated": utc_iso(verdict.published_at),
        "dateModified": utc_iso(modified or last_modified(verdict)),
        "item": claim_review(verdict, base_url=base_url, other_appearances=other_appearances),
    }


def data_feed(items, *, url):
    """A schema.org ``DataFeed`` of ``data_feed_item``s (the format Google's Fact Check Tools and Data Commons read)."""
    return {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{settings.FACTCHECK_ORGANISATION_NAME} fact checks",
        "url": url,
        "dateModified": max((item["dateModified"] for item in items), default=None),
        "dataFeedElement": items,
    }


def claim_item(claim, article, other_appearances=()):
    """``itemReviewed``: the claim, who made it (when known), when, and where it appeared."""
    item = {"@type": "Claim"}
    author = claim_author(claim)
    if author:
        item["author"] = author
    if claim.claim_date:
        item["datePublished"] = claim.claim_date.isoformat()
    elif article.published_at:
        item["datePublished"] = article.published_at.date().isoformat()
    appearances = claim_appearances(claim, article)
    appearances += [work for other in other_appearances for work in article_appearance(other)]
    if appearances:
        item["appearance"] = appearances if len(appearances) > 1 else appearances[0]
        item["firstAppearance"] = appearances[0]
    if article.lang:
        item["inLanguage"] = article.lang
    return item


def claim_appearances(claim, article):
    """Where the claim appeared: its venue (a post, a speech) when that is not the article, then the article."""
    appearances = []
    if claim.venue_url and claim.venue_url != article.url and is_safe_url(claim.venue_url):
        venue = {"@type": "CreativeWork", "url": claim.venue_url}
        if claim.venue:
            venue["name"] = claim.venue
        appearances.append(venue)
    appearances += article_appearance(article)
    return appearances


def article_appearance(article):
    """The article as a CreativeWork (a one-item list), or nothing when it has neither URL nor headline."""
    work = {"@type": "CreativeWork"}
    if article.url and is_safe_url(article.url):
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    if article.published_at:
        work["datePublished"] = article.published_at.date().isoformat()
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return [work] if len(work) > 1 else []


SCHEMA_TYPES = {"person": "Person", "organisation": "Organization"}


def claim_author(claim):
    """The claimant as a schema.org ``Person`` or ``Organization``, or None when unknown or of unknown kind."""
    entity = claim.claimant_entity
    if entity is not None:
        schema_type = SCHEMA_TYPES.get(entity.kind)
        if schema_type is None:
            return None
        author = {"@type": schema_type, "name": entity.name}
        if entity.url and is_safe_url(entity.url):
            author["url"] = entity.url
        return author
    return None


def utc_iso(moment):
    """ISO 8601 with ``Z`` for UTC, as the API writes every other date-time."""
    return moment.isoformat().replace("+00:00", "Z")
