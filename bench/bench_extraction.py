"""Extraction speed against the parse floor.

    python bench/bench_extraction.py [--repeat N]

For the seed, a synthetic long article (the seed's body repeated 50 times) and,
when the corpus is present (FACTCHECK_CORPUS_DIR, default ../shared/corpus), the real pages there: the median time of
our whole pipeline (find the body, paragraphs, links, claims, quotes, checks)
against the time BeautifulSoup over lxml alone takes to parse the same HTML
(the floor the extraction issue names) and against lxml's own parse. Also
reports how time grows with article length, which should be linear.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lxml.html
from bs4 import BeautifulSoup

from articles.parsing import parse_article
from claims.extraction import extract_claims

SEED = ROOT / "seeds" / "000_423b83237d5b8be1.txt"
CORPUS = Path(os.environ.get("FACTCHECK_CORPUS_DIR") or ROOT.parent / "shared" / "corpus")


def median_ms(function, repeat):
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def pipeline(html):
    article = parse_article(html)
    return extract_claims(article.paragraphs, article.text)


def measure(name, html, repeat):
    soup = median_ms(lambda: BeautifulSoup(html, "lxml"), repeat)
    lxml_only = median_ms(lambda: lxml.html.document_fromstring(html), repeat)
    ours = median_ms(lambda: pipeline(html), repeat)
    claims = len(pipeline(html).claims)
    print(
        f"{name:50} {len(html) / 1024:8.1f} KB {lxml_only:8.2f} {soup:9.2f} {ours:9.2f} {ours / soup:7.2f}x {claims:7d}"
    )
    return lxml_only, soup, ours


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    seed = SEED.read_bytes()
    print(f"{'article':50} {'size':>11} {'lxml ms':>8} {'bs4 ms':>9} {'ours ms':>9} {'÷ bs4':>8} {'claims':>7}")
    measure("seed", seed, args.repeat)
    scaled = {}
    for factor in (10, 50):
        scaled[factor] = measure(f"seed × {factor} (synthetic long article)", seed * factor, max(3, args.repeat // 2))
    per_kb_10 = scaled[10][2] / (len(seed) * 10 / 1024)
    per_kb_50 = scaled[50][2] / (len(seed) * 50 / 1024)
    print(f"growth: {per_kb_10:.3f} ms/KB at 10×, {per_kb_50:.3f} ms/KB at 50× (equal means linear)")
    if CORPUS.is_dir():
        totals = [0.0, 0.0, 0.0]
        for page in sorted(CORPUS.glob("*.html")):
            for index, value in enumerate(measure(page.name, page.read_bytes(), args.repeat)):
                totals[index] += value
        print(
            f"corpus total: lxml {totals[0]:.1f} ms, BeautifulSoup {totals[1]:.1f} ms, "
            f"factcheck body+claims+links {totals[2]:.1f} ms ({totals[2] / totals[1]:.2f}x of BeautifulSoup's parse alone)"
        )
    else:
        print(f"corpus not found at {CORPUS} (set FACTCHECK_CORPUS_DIR); real pages skipped")


if __name__ == "__main__":
    main()
