"""Latency and query counts of the main pages at scale (run bench/generate_scale.py first).

    python bench/bench_scale.py [--requests 30]

In-process requests through the whole Django stack (middleware, views,
templates, serializers) against the benchmark database, page cache off, so
the figures are the database and code cost a cache miss pays. Prints median
and p95 latency and the number of SQL queries of each page.
"""

import argparse
import os
import random
import statistics
import time

from _django import setup


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--only", default="", help="measure only pages whose name contains this text")
    args = parser.parse_args()
    os.environ["PUBLIC_PAGE_CACHE_SECONDS"] = "0"
    setup()

    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article
    from claims.models import Claim

    rng = random.Random(1)
    claim_count = Claim.objects.count()
    max_claim = Claim.objects.order_by("-id").values_list("id", flat=True).first()
    max_article = Article.objects.order_by("-id").values_list("id", flat=True).first()
    min_article = Article.objects.order_by("id").values_list("id", flat=True).first()
    published_ids = list(Claim.objects.filter(current_verdict__isnull=False).values_list("id", flat=True)[:2000])
    admin, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_staff": True, "is_superuser": True})
    anonymous, staff = Client(), Client()
    staff.force_login(admin)

    def deep_claims_cursor():
        """The cursor after the 10,000th claim in the API's default order (what page 200 of 50 used to be)."""
        from api.pagination import encode_cursor

        row = Claim.objects.order_by("-checkworthiness", "id").values("checkworthiness", "id")[9_999]
        cursor = encode_cursor([row["checkworthiness"], row["id"]], [("checkworthiness", True), ("id", False)])
        return f"/api/v1/claims/?cursor={cursor}"

    def claim_page():
        claim = Claim.objects.get(pk=rng.choice(published_ids))
        return claim.get_absolute_url()

    pages = [
        ("API claims, page 1", anonymous, lambda: "/api/v1/claims/"),
        ("API claims, after row 10,000", anonymous, deep_claims_cursor),
        ("API claims, rating=false", anonymous, lambda: "/api/v1/claims/?rating=false"),
        ("API claims, type+checkworthy", anonymous, lambda: "/api/v1/claims/?type=statistic&checkworthy=true"),
        ("API claims, search", anonymous, lambda: "/api/v1/claims/?search=transit%20housing"),
        ("API ClaimReview feed", anonymous, lambda: "/api/v1/claimreview/"),
        ("home page", anonymous, lambda: "/"),
        ("RSS feed", anonymous, lambda: "/feeds/verdicts.rss"),
        ("claim page", anonymous, claim_page),
        ("article page", anonymous, lambda: f"/articles/{rng.randint(min_article, max_article)}/"),
        ("search page (full text)", anonymous, lambda: "/search/?q=transit+housing"),
        ("admin claim changelist", staff, lambda: "/admin/claims/claim/"),
        ("admin filter status=new", staff, lambda: "/admin/claims/claim/?status__exact=new"),
        ("admin filter rating=false", staff, lambda: "/admin/claims/claim/?rating=false"),
        ("admin filter unsourced", staff, lambda: "/admin/claims/claim/?sourced=no"),
    ]
    print(f"{claim_count:,} claims, {Article.objects.count():,} articles (max claim id {max_claim:,})")
    print(f"{'page':34} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, client, url in pages:
        if args.only.lower() not in name.lower():
            continue
        for _ in range(3):
            client.get(url())
        timings = []
        for _ in range(args.requests):
            address = url()
            started = time.perf_counter()
            response = client.get(address)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (address, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url())
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
        print(f"{name:34} {statistics.median(timings):10.1f} {p95:8.1f} {len(queries.captured_queries):8d}")


if __name__ == "__main__":
    main()
