"""Latency and query counts of the integrator endpoints at scale (run bench/generate_scale.py first).

    python bench/bench_integrations.py [--requests 20]

Claimants with their tallies, the ClaimReview DataFeed (first page and deep
in), and the lookups by address, through the whole Django stack with the
page cache off, as ``bench_scale.py`` measures the main pages. The generator
writes neither claimant rows nor article addresses, so the first run adds
them (one claimant per distinct name, as migration 0015 does, and an address
with its canonical hash per article).
"""

import argparse
import os
import statistics
import time

from _django import setup


def prepare():
    from django.db.models import F, Value
    from django.db.models.functions import Cast, Concat

    from articles.models import Article, canonical_url_hash
    from claims.claimants import normalise_name, resolve_claimants
    from claims.models import Claim, Claimant

    if not Claimant.objects.exists():
        names = list(Claim.objects.exclude(claimant="").values_list("claimant", flat=True).distinct())
        claimants = resolve_claimants(names, model=Claimant)
        for name in names:
            Claim.objects.filter(claimant=name).update(claimant_entity=claimants[normalise_name(name)])
    if Article.objects.filter(url="").exists():
        Article.objects.update(
            url=Concat(
                Value("https://outlet.example/story/"), Cast(F("id"), output_field=Article._meta.get_field("url"))
            )
        )
        Article.objects.bulk_update(
            [
                Article(pk=pk, canonical_url_hash=canonical_url_hash(url))
                for pk, url in Article.objects.values_list("pk", "url")
            ],
            ["canonical_url_hash"],
            batch_size=5000,
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    os.environ["PUBLIC_PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("FACTCHECK_CHANGES_SETTLE_SECONDS", "0")
    setup()
    prepare()

    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from api.pagination import encode_cursor
    from articles.models import Article
    from claims.models import Claim, Claimant, Source
    from claims.selectors import claim_review_feed

    anonymous = Client()
    busiest = Claimant.objects.annotate(n=Count("claims")).order_by("-n").first()
    article = Article.objects.order_by("id")[Article.objects.count() // 2]
    source = Source.objects.filter(claims__isnull=False).first()
    feed = claim_review_feed().order_by("updated_at", "id")
    deep = feed.values("updated_at", "id")[min(5_000, feed.count() - 1)]
    deep_cursor = encode_cursor([deep["updated_at"], deep["id"]], [("updated_at", False), ("id", False)])
    pages = [
        ("claimants list", "/api/v1/claimants/"),
        (f"claimant detail ({busiest.n:,} claims)", f"/api/v1/claimants/{busiest.pk}/"),
        ("claims of that claimant", f"/api/v1/claims/?claimant_id={busiest.pk}"),
        ("ClaimReview feed.json, first page", "/api/v1/claimreview/feed.json"),
        ("ClaimReview feed.json, after 5,000", f"/api/v1/claimreview/feed.json?after={deep_cursor}"),
        ("articles ?url=", f"/api/v1/articles/?url={article.url.replace('https://', 'http://www.')}?utm_source=x"),
        ("claims ?source_url=", f"/api/v1/claims/?source_url={source.canonical_url}"),
        ("sources ?url=", f"/api/v1/sources/?url={source.canonical_url}"),
        ("claim detail with citations", f"/api/v1/claims/{Claim.objects.filter(sources__isnull=False).first().pk}/"),
    ]
    print(f"{Claim.objects.count():,} claims, {Claimant.objects.count():,} claimants, {feed.count():,} ClaimReviews")
    print(f"{'endpoint':40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages:
        for _ in range(2):
            anonymous.get(url)
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = anonymous.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code, response.content[:300])
        with CaptureQueriesContext(connection) as queries:
            anonymous.get(url)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
        print(f"{name:40} {statistics.median(timings):10.1f} {p95:8.1f} {len(queries.captured_queries):8d}")


if __name__ == "__main__":
    main()
