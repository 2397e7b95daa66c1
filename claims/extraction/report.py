"""The extractor's JSON document, as printed by ``manage.py extract``.

Key names are a contract with other tools and with our own evaluation; add
keys, never rename them.
"""

from ..sources import describe_source


def extraction_report(parsed, extraction):
    """A JSON-ready dict for a parsed article and its extraction."""
    sources = {}
    for link in parsed.links:
        info = describe_source(link.href)
        entry = sources.setdefault(
            info.canonical_url,
            {
                "url": info.canonical_url,
                "domain": info.domain,
                "kind": info.kind,
                "handle": info.handle,
                "hrefs": [],
                "anchors": [],
            },
        )
        if link.href not in entry["hrefs"]:
            entry["hrefs"].append(link.href)
        entry["anchors"].append(link.text)
    return {
        "title": parsed.title,
        "outlet": parsed.outlet,
        "byline": parsed.byline,
        "published": parsed.published_at.isoformat() if parsed.published_at else None,
        "language": parsed.language,
        "text": parsed.text,
        "paragraphs": len(parsed.paragraphs),
        "sources": list(sources.values()),
        "claims": [
            {
                "text": claim.text,
                "type": claim.type,
                "claimant": claim.claimant or None,
                "target": claim.target or None,
                "paragraph": claim.paragraph,
                "start": claim.start,
                "end": claim.end,
                "selector": {
                    "type": "TextQuoteSelector",
                    "exact": claim.text,
                    "prefix": claim.prefix,
                    "suffix": claim.suffix,
                },
                "checkworthiness": claim.checkworthiness,
                "checkworthy": claim.checkworthy,
                "features": claim.features,
                "numbers": [
                    {
                        "value": number.value,
                        "unit": number.unit,
                        "qualifier": number.qualifier or None,
                        "subject": number.subject or None,
                    }
                    for number in claim.numbers
                ],
                "sources": claim.sources,
                "statement": claim.statement or None,
            }
            for claim in extraction.claims
        ],
        "quotes": [
            {
                "text": quote.text,
                "speaker": quote.speaker or None,
                "paragraph": quote.paragraph,
                "start": quote.start,
                "end": quote.end,
            }
            for quote in extraction.quotations
        ],
        "checks": [
            {"kind": check.kind, "ok": check.ok, "detail": check.detail, "claims": list(check.claims), **check.values}
            for check in extraction.checks
        ],
    }
