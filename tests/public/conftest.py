"""Readers' pages: small builders for articles, claims and published verdicts, without the extractor."""

import hashlib
import itertools

from articles.models import Article
from claims import reviews
from claims.models import Claim, Rating

_serial = itertools.count(1)


def make_article(paragraphs=("The mayor said turnout was 45% on Monday.",), **fields):
    """An article whose text is ``paragraphs`` joined by blank lines; the hash is unique per call."""
    text = "\n\n".join(paragraphs)
    fields.setdefault("title", f"Article {next(_serial)}")
    fields.setdefault("outlet", "Example News")
    fields.setdefault("url", f"https://news.example/{fields['title'].lower().replace(' ', '-')}")
    fields.setdefault("html", "".join(f"<p>{p}</p>" for p in paragraphs))
    fields.setdefault("content_hash", hashlib.sha256(f"{fields['title']}{text}{next(_serial)}".encode()).hexdigest())
    return Article.objects.create(text=text, paragraph_count=len(paragraphs), **fields)


def make_claim(article=None, sentence=None, **fields):
    """A check-worthy claim on ``sentence`` (first paragraph's text by default) of ``article``."""
    article = article or make_article()
    sentence = sentence or article.paragraphs()[0]
    start = article.text.index(sentence)
    paragraph = article.text[:start].count("\n\n")
    fields.setdefault("checkworthy", True)
    fields.setdefault("checkworthiness", 0.8)
    return Claim.objects.create(
        article=article, text=sentence, start=start, end=start + len(sentence), paragraph=paragraph, **fields
    )


def publish(claim, by, rating="false", summary="It is not so.", **fields):
    verdict = reviews.draft_verdict(
        claim=claim, by=by, rating=Rating.objects.get(slug=rating), summary=summary, **fields
    )
    return reviews.publish_verdict(verdict, by=by)
