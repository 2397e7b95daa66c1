"""Ingestion throughput into PostgreSQL against the parse floor, alternating in one run.

    python bench/bench_ingest.py [--articles 500] [--rounds 3] [--batch-size 100] [--workers 2] [--one-by-one]
                                 [--checks 0]

Ingests the seed, then a synthetic mix of articles (bench/synthetic.py). The
floor is merely parsing the same HTML: with lxml (what articles/parsing.py
builds its tree with) and with BeautifulSoup+lxml (the floor the first
figures used). Each round times both floors, then bulk ingestion through
``ingest_many`` (a transaction of bulk inserts per batch, as ``manage.py
ingest`` does) into emptied tables, so load on a shared machine hits floor
and ingestion alike; the ratios are per round, and the median round is
reported. ``--corpus`` ingests copies of the real pages of the corpus
instead of synthetic ones. Each ratio compares one process with one process; with
``--workers`` > 1 each round also times bulk ingestion parsing in that many
worker processes, reported against the same one-process floor (on a 2-core
machine the workers share the cores with PostgreSQL). ``--one-by-one`` adds
``ingest_article`` per page (the API and admin path). Claim matching runs in
the process, as without a Celery broker; against empty tables it finds
nothing to search, so ``--checks N`` first imports N fact checks (each
round; one in ten rewords an article's sentence, the rest are unrelated, as
bench/generate_scale.py makes them) for matching to search. Uses its own
database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/factcheck_bench), emptied first.
"""

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from _django import ROOT, empty_tables, setup

CORPUS = Path(os.environ.get("FACTCHECK_CORPUS_DIR") or ROOT.parent / "shared" / "corpus")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel bulk run")
    parser.add_argument("--one-by-one", action="store_true", help="also time ingest_article per page")
    parser.add_argument("--checks", type=int, default=0, help="imported fact checks for matching to search")
    parser.add_argument(
        "--corpus",
        action="store_true",
        help="ingest the real pages of the corpus (FACTCHECK_CORPUS_DIR), each copy made unique, instead of synthetic ones",
    )
    args = parser.parse_args()
    url = setup()

    import lxml.html
    from bs4 import BeautifulSoup
    from synthetic import synthetic_article

    from articles.ingest import ingest_article, ingest_many
    from claims.models import Claim, Source

    def timed(work):
        started = time.perf_counter()
        work()
        return time.perf_counter() - started

    def bulk(workers):
        empty_tables()
        import_checks(args.checks)
        stream = ((number, page, None) for number, page in enumerate(pages))
        return timed(lambda: list(ingest_many(stream, batch_size=args.batch_size, workers=workers)))

    empty_tables()
    seed = (ROOT / "seeds" / "000_423b83237d5b8be1.txt").read_bytes()
    seed_floor = timed(lambda: lxml.html.document_fromstring(seed))
    seed_ingest = timed(lambda: ingest_article(seed))

    if args.corpus:
        # Real pages are larger and less dense with claims than the synthetic ones: the floor grows with the bytes,
        # extraction with the sentences. A comment makes each copy a new article (its own content hash).
        real = [path.read_bytes() for path in sorted(CORPUS.glob("*.html"))]
        if not real:
            raise SystemExit(f"corpus not found at {CORPUS} (set FACTCHECK_CORPUS_DIR)")
        pages = [real[number % len(real)] + f"<!-- copy {number} -->".encode() for number in range(args.articles)]
    else:
        pages = [synthetic_article(number).encode() for number in range(args.articles)]
    rounds = []
    for _ in range(args.rounds):
        lxml_floor = timed(lambda: [lxml.html.document_fromstring(page) for page in pages])
        soup_floor = timed(lambda: [BeautifulSoup(page, "lxml") for page in pages])
        rounds.append({"lxml": lxml_floor, "soup": soup_floor, "bulk": bulk(1)})
        if args.workers > 1:
            rounds[-1]["parallel"] = bulk(args.workers)
    stored = Claim.objects.count(), Source.objects.count()
    extra = {}
    if args.one_by_one:
        empty_tables()
        import_checks(args.checks)
        extra["one by one (ingest_article)"] = timed(lambda: [ingest_article(page) for page in pages])
        assert (Claim.objects.count(), Source.objects.count()) == stored, "one by one stores what bulk does"

    def median_round(key, run="bulk"):
        return statistics.median(r[run] / r[key] for r in rounds)

    middle = sorted(rounds, key=lambda r: r["bulk"] / r["lxml"])[len(rounds) // 2]
    print(f"database: {url.split('@')[-1]}; {args.checks:,} imported fact checks for matching to search")
    print(f"seed: ingest {seed_ingest * 1000:.1f} ms, lxml parse {seed_floor * 1000:.1f} ms")
    print(
        f"{args.articles} {'corpus' if args.corpus else 'synthetic'} articles "
        f"({sum(map(len, pages)) / len(pages) / 1024:.1f} KB each), {args.rounds} rounds"
    )
    for number, r in enumerate(rounds, start=1):
        print(
            f"  round {number}: lxml floor {r['lxml']:.2f} s, BeautifulSoup floor {r['soup']:.2f} s, "
            f"bulk ingestion (batches of {args.batch_size}) {r['bulk']:.2f} s = {r['bulk'] / r['lxml']:.1f}x lxml, "
            f"{r['bulk'] / r['soup']:.1f}x BeautifulSoup"
            + (f"; {args.workers} processes {r['parallel']:.2f} s" if "parallel" in r else "")
        )
    print(
        f"median: bulk ingestion {median_round('lxml'):.1f}x the lxml parse floor, "
        f"{median_round('soup'):.1f}x the BeautifulSoup floor ({args.articles / middle['bulk']:.0f} articles/s), "
        "one process against one process"
    )
    if args.workers > 1:
        print(
            f"median: bulk ingestion parsing in {args.workers} processes {median_round('soup', 'parallel'):.1f}x "
            "the one-process BeautifulSoup floor"
        )
    for name, total in extra.items():
        print(
            f"  {name:32} {args.articles / total:6.0f} articles/s: {total / middle['lxml']:.1f}x the lxml floor, "
            f"{total / middle['soup']:.1f}x the BeautifulSoup floor (the median round's floors)"
        )
    print(f"stored: {stored[0]:,} claims, {stored[1]:,} sources")


def import_checks(count):
    """``count`` imported fact checks, as bench/generate_scale.py writes them: one in ten rewords a claim of the
    synthetic articles (another fact-checker checked it), the rest are unrelated claims from a large vocabulary."""
    if not count:
        return
    import random
    import re

    from generate_scale import reworded, sentence
    from synthetic import synthetic_article

    from matching.claimreview_import import read_claim_reviews
    from matching.services import import_fact_checks

    rng = random.Random(count)
    reviews = []
    for number in range(count):
        if number % 10 == 0:
            paragraphs = re.findall(r"<p>(.*?)</p>", synthetic_article(rng.randrange(count)))
            text = reworded(rng, re.sub(r"<[^>]+>", "", rng.choice(paragraphs)))
        else:
            text = sentence(rng, rng.randint(1, 99))
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"https://checks.example/{number}",
                "claimReviewed": text,
                "author": {"@type": "Organization", "name": "Checker", "url": "https://checks.example/"},
                "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1},
            }
        )
    records, _ = read_claim_reviews(json.dumps(reviews), kind="json")
    import_fact_checks(records, match=False)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE matching_externalfactcheck")  # the common-word statistics matching reads


if __name__ == "__main__":
    main()
