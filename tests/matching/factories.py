"""Small builders for matching tests: articles and claims without the extractor, published verdicts."""

import hashlib
from itertools import count

from articles.models import Article
from claims import reviews
from claims.models import Claim, Rating

_numbers = count(1)


def make_article(**kwargs):
    number = next(_numbers)
    kwargs.setdefault("title", f"Article {number}")
    kwargs.setdefault("text", kwargs.pop("body", f"Body {number}."))
    kwargs.setdefault("html", f"<p>{kwargs['text']}</p>")
    kwargs.setdefault("content_hash", hashlib.sha256(f"matching-{number}".encode()).hexdigest())
    kwargs.setdefault("paragraph_count", 1)
    return Article.objects.create(**kwargs)


def make_claim(text, **kwargs):
    """A claim whose article's text is exactly ``text``, so the span constraint holds."""
    article = kwargs.pop("article", None) or make_article(text=text)
    kwargs.setdefault("claimant", "")
    kwargs.setdefault("paragraph", 0)
    kwargs.setdefault("start", 0)
    kwargs.setdefault("end", kwargs["start"] + len(text))
    kwargs.setdefault("checkworthy", True)
    kwargs.setdefault("checkworthiness", 0.8)
    return Claim.objects.create(article=article, text=text, **kwargs)


def publish(claim, *, reviewer, editor, rating="false", summary="Checked."):
    verdict = reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug=rating), summary=summary)
    return reviews.publish_verdict(verdict, by=editor)


def claim_review(url, claim_reviewed, **extra):
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim_reviewed,
        "author": {
            "@type": "Organization",
            "name": extra.pop("publisher", "Checker"),
            "url": "https://checker.example/",
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": extra.pop("rating_value", 1),
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": extra.pop("label", "False"),
        },
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": extra.pop("author", "")}},
        "datePublished": extra.pop("date", "2024-05-01"),
    }
    review.update(extra)
    return review
