"""Claim matching: quality on a hand-built set from the development corpus, and speed at scale.

    python bench/bench_matching.py                 # quality: recall@1, recall@3, false-match rate
    python bench/bench_matching.py --speed         # speed: per-claim matching latency on the scale database
                                                   # (run bench/generate_scale.py --external-checks 100000 first)

Quality follows the path a hidden evaluation takes: the set in
``bench/data/matching_set.json`` is written out as a schema.org DataFeed
(``bench/data/matching_feed.json``, with the expected matches in
``bench/data/matching_expected.json``), imported with ``import_claimreview``,
the corpus articles are ingested (matching runs at ingestion), and each case's
claim is read back through ``GET /api/v1/claims/{id}/matches/``.

- recall@k: share of cases whose paraphrase is among the claim's first k matches;
- false-match rate: share of near-miss distractors (same person with another
  statement, same subject with another number, the opposite claim, another
  person) returned as a match of the claim they were built against;
- also the share of cases whose first match is a wrong one.

Uses BENCH_DATABASE_URL (default: the factcheck_bench database on
127.0.0.1), emptied first.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from _django import ROOT, empty_tables, setup

DATA = ROOT / "bench" / "data"
CORPUS = Path(__import__("os").environ.get("FACTCHECK_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))


def build_feed(cases, noise):
    """The DataFeed of every paraphrase, distractor and noise check, and the expected matches per case."""
    elements, expected = [], []
    for number, case in enumerate(cases, start=1):
        paraphrase_url = f"https://checks.example/case-{number}"
        elements.append(_review(paraphrase_url, case["paraphrase"]))
        distractor_urls = []
        for index, distractor in enumerate(case["distractors"], start=1):
            url = f"https://checks.example/case-{number}-{distractor['kind']}-{index}"
            elements.append(_review(url, distractor))
            distractor_urls.append({"url": url, "kind": distractor["kind"]})
        expected.append(
            {"article": case["article"], "claim": case["claim"], "match": paraphrase_url, "not": distractor_urls}
        )
    for index, text in enumerate(noise, start=1):
        elements.append(_review(f"https://checks.example/noise-{index}", {"claimReviewed": text}))
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": "factcheck claim-matching benchmark",
        "dataFeedElement": [{"@type": "DataFeedItem", "item": [element]} for element in elements],
    }
    return feed, expected


def _review(url, spec):
    review = {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": spec["claimReviewed"],
        "author": {"@type": "Organization", "name": "Benchmark Checker"},
        "reviewRating": {"@type": "Rating", "alternateName": "Needs context"},
        "datePublished": "2024-01-01",
    }
    if spec.get("author"):
        review["itemReviewed"] = {"@type": "Claim", "author": {"@type": "Person", "name": spec["author"]}}
    if spec.get("inLanguage"):
        review["inLanguage"] = spec["inLanguage"]
    return review


def quality(verbose):
    from django.core.management import call_command
    from rest_framework.test import APIClient

    from articles.ingest import ingest_article
    from matching.models import ExternalFactCheck
    from matching.scoring import MATCH_THRESHOLD

    spec = json.loads((DATA / "matching_set.json").read_text(encoding="utf-8"))
    feed, expected = build_feed(spec["cases"], spec["noise"])
    (DATA / "matching_feed.json").write_text(json.dumps(feed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (DATA / "matching_expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")

    empty_tables()
    ExternalFactCheck.objects.all().delete()
    call_command("import_claimreview", str(DATA / "matching_feed.json"), verbosity=0)
    articles = {}
    started = time.perf_counter()
    for name in sorted({case["article"] for case in expected}):
        articles[name] = ingest_article((CORPUS / name).read_bytes())
    ingest_seconds = time.perf_counter() - started

    client = APIClient()
    hits_at_1 = hits_at_3 = wrong_first = 0
    distractors = false_matches = 0
    by_kind = {}
    for case in expected:
        claim = articles[case["article"]].claims.get(text__contains=case["claim"])
        body = client.get(f"/api/v1/claims/{claim.pk}/matches/").json()
        urls = [match["url"] for match in body["results"]]
        hits_at_1 += urls[:1] == [case["match"]]
        hits_at_3 += case["match"] in urls[:3]
        wrong_first += bool(urls) and urls[0] != case["match"]
        for distractor in case["not"]:
            distractors += 1
            returned = distractor["url"] in urls
            false_matches += returned
            totals = by_kind.setdefault(distractor["kind"], [0, 0])
            totals[0] += returned
            totals[1] += 1
        if verbose and (case["match"] not in urls[:3] or any(d["url"] in urls for d in case["not"])):
            print(f"  {case['article']} “{case['claim']}”: got {[(m['url'], m['score']) for m in body['results']]}")
    cases = len(expected)
    print(
        f"{cases} cases, {distractors} distractors, {len(spec['noise'])} unrelated checks; threshold {MATCH_THRESHOLD}"
    )
    print(f"recall@1 {hits_at_1 / cases:.2f}   recall@3 {hits_at_3 / cases:.2f}")
    print(f"false-match rate {false_matches / distractors:.2f} ({false_matches} of {distractors} distractors)")
    print(f"first match wrong {wrong_first / cases:.2f} of cases")
    for kind, (returned, total) in sorted(by_kind.items()):
        print(f"  {kind}: {returned} of {total} returned")
    print(f"ingesting {len(articles)} corpus articles with matching: {ingest_seconds:.1f} s")


def speed(claims, verbose):
    """Per-claim matching latency: a new article's claims against every stored claim and imported check."""
    from django.db import connection

    from claims.models import Claim
    from matching.models import ExternalFactCheck
    from matching.services import find_matches

    stored = Claim.objects.count()
    checked = Claim.objects.filter(current_verdict__isnull=False).count()
    external = ExternalFactCheck.objects.count()
    print(
        f"{stored:,} claims ({checked:,} with a published verdict), {external:,} imported checks; {connection.vendor}"
    )
    # A new article: sentences shaped like the stored ones (some repeating checked claims, most new).
    samples = list(
        Claim.objects.filter(current_verdict__isnull=False).order_by("?").values_list("text", flat=True)[: claims // 4]
    )
    samples += list(Claim.objects.order_by("?").values_list("text", flat=True)[: claims - len(samples)])
    timings, found = [], 0
    for text in samples:
        claim = Claim(pk=0, text=text.replace(" rose ", " went up "), claimant="")
        started = time.perf_counter()
        found += len(find_matches(claim))
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"{len(timings)} claims: median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings[-1]:.1f} ms per claim; {found} matches found"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--speed", action="store_true", help="measure latency on the scale database instead")
    parser.add_argument("--claims", type=int, default=200, help="claims to time with --speed")
    parser.add_argument("--verbose", action="store_true", help="list the cases that missed or matched a distractor")
    args = parser.parse_args()
    setup()
    if args.speed:
        speed(args.claims, args.verbose)
    else:
        quality(args.verbose)


if __name__ == "__main__":
    sys.exit(main())
