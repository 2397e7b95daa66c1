"""Latency and query counts of the main pages at scale, over HTTP (run bench/generate_scale.py first).

    python bench/bench_scale.py [--requests 60] [--port 8100] [--workers 2] [--only search]

Starts gunicorn on the benchmark database with the page cache off, so every
request pays what a cache miss pays (database and code), and times requests
one after another on a kept-alive connection from 127.0.0.1: median and p95
per page, against the goal (p95 under 50 ms at 1,000,000 claims). Admin
pages are requested with a signed-in superuser's session. The query count of
each page is read in-process, once. Absolute times depend on the machine and
its load; compare pages measured in the same run.
"""

import argparse
import http.client
import os
import random
import signal
import statistics
import time

from _django import setup
from bench_load import serve

GOAL_MS = 50


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", default="", help="measure only pages whose name contains this text")
    args = parser.parse_args()
    os.environ["PUBLIC_PAGE_CACHE_SECONDS"] = "0"
    database_url = setup()

    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from api.pagination import encode_cursor
    from articles.models import Article
    from claims.models import Claim

    rng = random.Random(1)
    claim_count = Claim.objects.count()
    article_ids = list(Article.objects.values_list("id", flat=True)[:5000])
    published = list(Claim.objects.filter(current_verdict__isnull=False).values_list("id", "text")[:2000])
    admin, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_staff": True, "is_superuser": True})
    staff = Client()
    staff.force_login(admin)
    session = f"sessionid={staff.cookies['sessionid'].value}"

    def deep_claims_cursor():
        """The cursor after the 10,000th claim in the API's default order (what page 200 of 50 used to be)."""
        row = Claim.objects.order_by("-checkworthiness", "id").values("checkworthiness", "id")[9_999]
        cursor = encode_cursor([row["checkworthiness"], row["id"]], [("checkworthiness", True), ("id", False)])
        return f"/api/v1/claims/?cursor={cursor}"

    deep = deep_claims_cursor()

    def claim_page():
        pk, text = rng.choice(published)
        return Claim(pk=pk, text=text).get_absolute_url()

    pages = [
        ("floor: /healthz (no database)", False, lambda: "/healthz"),
        ("API claims, page 1", False, lambda: "/api/v1/claims/"),
        ("API claims, after row 10,000", False, lambda: deep),
        ("API claims, rating=false", False, lambda: "/api/v1/claims/?rating=false"),
        ("API claims, type+checkworthy", False, lambda: "/api/v1/claims/?type=statistic&checkworthy=true"),
        ("API claims, search", False, lambda: "/api/v1/claims/?search=transit%20housing"),
        ("API ClaimReview feed", False, lambda: "/api/v1/claimreview/"),
        ("home page", False, lambda: "/"),
        ("claim page", False, claim_page),
        ("article page", False, lambda: f"/articles/{rng.choice(article_ids)}/"),
        ("search page (full text)", False, lambda: "/search/?q=transit+housing"),
        ("search page, rating=false", False, lambda: "/search/?rating=false"),
        ("admin claim changelist", True, lambda: "/admin/claims/claim/"),
        ("admin filter status=new", True, lambda: "/admin/claims/claim/?status__exact=new"),
        ("admin filter rating=false", True, lambda: "/admin/claims/claim/?rating=false"),
        ("admin filter unsourced", True, lambda: "/admin/claims/claim/?sourced=no"),
        ("admin filter type=statistic", True, lambda: "/admin/claims/claim/?claim_type__exact=statistic"),
        ("admin search", True, lambda: "/admin/claims/claim/?q=transit"),
        ("admin search, two words", True, lambda: "/admin/claims/claim/?q=transit+housing"),
        ("admin search, a claim's id", True, lambda: f"/admin/claims/claim/?q={rng.choice(published)[0]}"),
        ("admin queue: check-worthy", True, lambda: "/admin/claims/claim/?queue=checkworthy"),
        ("admin filter stale", True, lambda: "/admin/claims/claim/?stale__exact=1"),
        ("admin home (desk dashboard)", True, lambda: "/admin/"),
        ("admin list: claimants", True, lambda: "/admin/claims/claimant/"),
        ("admin list: sources", True, lambda: "/admin/claims/source/"),
        ("admin list: verdicts", True, lambda: "/admin/claims/verdict/"),
        ("admin list: verdicts, search", True, lambda: "/admin/claims/verdict/?q=transit"),
        ("admin list: verdicts, two words", True, lambda: "/admin/claims/verdict/?q=transit+housing"),
        ("admin list: articles", True, lambda: "/admin/articles/article/"),
        ("admin list: fact checks, search", True, lambda: "/admin/matching/externalfactcheck/?q=transit"),
    ]
    pages = [page for page in pages if args.only.lower() in page[0].lower() or page[0].startswith("floor")]
    queries = {}
    anonymous = Client()
    for name, signed_in, url in pages:
        with CaptureQueriesContext(connection) as captured:
            (staff if signed_in else anonymous).get(url())
        queries[name] = len(captured.captured_queries)

    server = serve(args.workers, 0, database_url, args.port)
    try:
        print(
            f"{claim_count:,} claims, {Article.objects.count():,} articles; gunicorn {args.workers} workers, page cache off"
        )
        print(f"{'page':32} {'median ms':>10} {'p95 ms':>8} {'queries':>8}  p95 < {GOAL_MS} ms")
        for name, signed_in, url in pages:
            timings = time_requests(args.port, url, args.requests, session if signed_in else None)
            p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
            verdict = "yes" if p95 < GOAL_MS else "NO"
            print(f"{name:32} {statistics.median(timings):10.1f} {p95:8.1f} {queries[name]:8d}  {verdict}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def time_requests(port, url, count, cookie):
    """Milliseconds per request, sorted: three warm-up requests, then ``count`` timed ones, one at a time."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": "127.0.0.1", **({"Cookie": cookie} if cookie else {})}
    timings = []
    for number in range(count + 3):
        address = url()
        started = time.perf_counter()
        connection.request("GET", address, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"{address}: HTTP {response.status}")
        if number >= 3:
            timings.append(elapsed)
    connection.close()
    return sorted(timings)


if __name__ == "__main__":
    main()
