"""Ingestion throughput into PostgreSQL against the parse floor, alternating in one run.

    python bench/bench_ingest.py [--articles 500] [--rounds 3] [--batch-size 100] [--workers 2] [--one-by-one]

Ingests the seed, then a synthetic mix of articles (bench/synthetic.py). The
floor is merely parsing the same HTML: with lxml (what articles/parsing.py
builds its tree with) and with BeautifulSoup+lxml (the floor the first
figures used). Each round times both floors, then bulk ingestion through
``ingest_many`` (a transaction of bulk inserts per batch, as ``manage.py
ingest`` does) into emptied tables, so load on a shared machine hits floor
and ingestion alike; the ratios are per round, and the median round is
reported. ``--one-by-one`` adds ``ingest_article`` per page (the API and
admin path) and a bulk run with parsing in worker processes. Uses its own
database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/factcheck_bench), emptied first.
"""

import argparse
import statistics
import time

from _django import ROOT, empty_tables, setup


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel bulk run")
    parser.add_argument("--one-by-one", action="store_true", help="also time ingest_article per page")
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
        stream = ((number, page, None) for number, page in enumerate(pages))
        return timed(lambda: list(ingest_many(stream, batch_size=args.batch_size, workers=workers)))

    empty_tables()
    seed = (ROOT / "seeds" / "000_423b83237d5b8be1.txt").read_bytes()
    seed_floor = timed(lambda: lxml.html.document_fromstring(seed))
    seed_ingest = timed(lambda: ingest_article(seed))

    pages = [synthetic_article(number).encode() for number in range(args.articles)]
    rounds = []
    for _ in range(args.rounds):
        lxml_floor = timed(lambda: [lxml.html.document_fromstring(page) for page in pages])
        soup_floor = timed(lambda: [BeautifulSoup(page, "lxml") for page in pages])
        rounds.append({"lxml": lxml_floor, "soup": soup_floor, "bulk": bulk(1)})
    stored = Claim.objects.count(), Source.objects.count()
    extra = {}
    if args.one_by_one:
        empty_tables()
        extra["one by one (ingest_article)"] = timed(lambda: [ingest_article(page) for page in pages])
        assert (Claim.objects.count(), Source.objects.count()) == stored, "one by one stores what bulk does"
        if args.workers > 1:
            extra[f"bulk, {args.workers} processes"] = bulk(args.workers)

    def median_round(key):
        return statistics.median(r["bulk"] / r[key] for r in rounds)

    middle = sorted(rounds, key=lambda r: r["bulk"] / r["lxml"])[len(rounds) // 2]
    print(f"database: {url.split('@')[-1]}")
    print(f"seed: ingest {seed_ingest * 1000:.1f} ms, lxml parse {seed_floor * 1000:.1f} ms")
    print(
        f"{args.articles} synthetic articles ({sum(map(len, pages)) / len(pages) / 1024:.1f} KB each), {args.rounds} rounds"
    )
    for number, r in enumerate(rounds, start=1):
        print(
            f"  round {number}: lxml floor {r['lxml']:.2f} s, BeautifulSoup floor {r['soup']:.2f} s, "
            f"bulk ingestion (batches of {args.batch_size}) {r['bulk']:.2f} s = {r['bulk'] / r['lxml']:.1f}x lxml, "
            f"{r['bulk'] / r['soup']:.1f}x BeautifulSoup"
        )
    print(
        f"median: bulk ingestion {median_round('lxml'):.1f}x the lxml parse floor, "
        f"{median_round('soup'):.1f}x the BeautifulSoup floor ({args.articles / middle['bulk']:.0f} articles/s)"
    )
    for name, total in extra.items():
        print(f"  {name:32} {args.articles / total:6.0f} articles/s: {total / middle['lxml']:.1f}x the lxml floor")
    print(f"stored: {stored[0]:,} claims, {stored[1]:,} sources")


if __name__ == "__main__":
    main()
