"""Ingestion throughput into PostgreSQL against the parse-only floor.

    python bench/bench_ingest.py [--articles 1000] [--batch-size 100] [--workers 2]

Ingests the seed, then a synthetic mix of articles (bench/synthetic.py), and
compares with BeautifulSoup+lxml merely parsing the same HTML (the floor):
one by one through ``ingest_article`` (parse, extract, one transaction each,
as the API and admin do), then in bulk through ``ingest_many`` (a transaction
of bulk inserts per batch, as ``manage.py ingest`` does), in one process and
with parsing in worker processes. Uses its own database (BENCH_DATABASE_URL,
default postgres://postgres@127.0.0.1:5432/factcheck_bench), emptied first.
"""

import argparse
import time

from _django import ROOT, empty_tables, setup


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel bulk run")
    args = parser.parse_args()
    url = setup()

    from bs4 import BeautifulSoup
    from synthetic import synthetic_article
    from tqdm import tqdm

    from articles.ingest import ingest_article, ingest_many
    from claims.models import Claim, Source

    empty_tables()
    seed = (ROOT / "seeds" / "000_423b83237d5b8be1.txt").read_bytes()
    started = time.perf_counter()
    BeautifulSoup(seed, "lxml")
    seed_floor = time.perf_counter() - started
    started = time.perf_counter()
    ingest_article(seed)
    seed_ingest = time.perf_counter() - started

    pages = [synthetic_article(number).encode() for number in range(args.articles)]
    started = time.perf_counter()
    for page in pages:
        BeautifulSoup(page, "lxml")
    floor = time.perf_counter() - started
    runs = {}
    empty_tables()
    started = time.perf_counter()
    for page in tqdm(pages, desc="one by one", unit="article"):
        ingest_article(page)
    runs["one by one (ingest_article)"] = time.perf_counter() - started
    stored = Claim.objects.count(), Source.objects.count()
    for workers in sorted({1, args.workers}):
        empty_tables()
        started = time.perf_counter()
        stream = ((number, page, None) for number, page in enumerate(pages))
        for _ in tqdm(ingest_many(stream, batch_size=args.batch_size, workers=workers), total=len(pages), desc="bulk"):
            pass
        runs[f"bulk, batches of {args.batch_size}, {workers} process{'es' if workers > 1 else ''}"] = (
            time.perf_counter() - started
        )
        assert (Claim.objects.count(), Source.objects.count()) == stored, "bulk ingestion stores what one by one does"

    print(f"database: {url.split('@')[-1]}")
    print(
        f"seed: ingest {seed_ingest * 1000:.1f} ms, BeautifulSoup parse {seed_floor * 1000:.1f} ms ({seed_ingest / seed_floor:.1f}x)"
    )
    print(
        f"{args.articles} synthetic articles ({sum(map(len, pages)) / len(pages) / 1024:.1f} KB each); "
        f"parse floor {args.articles / floor:.0f} articles/s ({floor:.1f} s)"
    )
    for name, total in runs.items():
        print(f"  {name:40} {args.articles / total:6.0f} articles/s ({total:5.1f} s): {total / floor:4.1f}x the floor")
    print(f"stored: {stored[0]:,} claims, {stored[1]:,} sources")


if __name__ == "__main__":
    main()
