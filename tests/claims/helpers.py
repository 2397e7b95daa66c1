"""Run the pure extractor on a snippet of HTML."""

from articles.parsing import parse_article
from claims.extraction import extract_claims


def extract(html):
    article = parse_article(html)
    return extract_claims(article.paragraphs, article.text)


def claim_containing(extraction, fragment):
    matches = [claim for claim in extraction.claims if fragment in claim.text]
    assert matches, f"no claim contains {fragment!r}: {[c.text for c in extraction.claims]}"
    return matches[0]


def quote_containing(extraction, fragment):
    matches = [quote for quote in extraction.quotations if fragment in quote.text]
    assert matches, f"no quotation contains {fragment!r}: {[q.text for q in extraction.quotations]}"
    return matches[0]
