"""Ingestion throughput into PostgreSQL against the parse-only floor.

    python bench/bench_ingest.py [--articles 1000]

Ingests the seed, then a synthetic mix of articles (bench/synthetic.py),
through the whole ``ingest_article`` path (parse, extract, one transaction of
bulk inserts each), and compares with BeautifulSoup+lxml merely parsing the
same HTML. Uses its own database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/factcheck_bench), emptied first.
"""

import argparse
import time

from _django import ROOT, empty_tables, setup


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    url = setup()

    from bs4 import BeautifulSoup
    from synthetic import synthetic_article
    from tqdm import tqdm

    from articles.ingest import ingest_article
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
    started = time.perf_counter()
    for page in tqdm(pages, desc="Ingesting", unit="article"):
        ingest_article(page)
    total = time.perf_counter() - started

    print(f"database: {url.split('@')[-1]}")
    print(
        f"seed: ingest {seed_ingest * 1000:.1f} ms, BeautifulSoup parse {seed_floor * 1000:.1f} ms ({seed_ingest / seed_floor:.1f}x)"
    )
    print(
        f"{args.articles} synthetic articles ({sum(map(len, pages)) / len(pages) / 1024:.1f} KB each): "
        f"{args.articles / total:.0f} articles/s ingested ({total:.1f} s), parse floor {args.articles / floor:.0f} articles/s "
        f"({floor:.1f} s): {total / floor:.1f}x the floor"
    )
    print(f"stored: {Claim.objects.count():,} claims, {Source.objects.count():,} sources")


if __name__ == "__main__":
    main()
