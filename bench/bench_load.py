"""Throughput under load: gunicorn with several workers, loaded by wrk on 127.0.0.1 only, bounded in time.

    python bench/bench_load.py [--seconds 10] [--connections 32] [--workers 4]

Serves the benchmark database (fill it with bench/generate_scale.py) and
measures requests per second and latency percentiles for the claim list API,
a claim page and an article page, beside /healthz, a view that returns a fixed
JSON body on the same server: the framework's own ceiling. Public pages and
anonymous API reads are measured as production serves them (public cache on,
invalidated on every change) and with the cache off.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

from _django import ROOT, setup

PORT = 8100


def run_wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(re.findall(r"^\s+(50|90|99)%\s+([\d.]+\w+)", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, percentiles, int(errors.group(1)) if errors else 0


def serve(workers, cache_seconds, database_url):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PUBLIC_PAGE_CACHE_SECONDS": str(cache_seconds),
        "SECRET_KEY": "benchmark-only-secret-key",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_CONN_MAX_AGE": "60",
        "FACTCHECK_API_ANON_RATE": "100000000/minute",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "factcheck.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    database_url = setup()

    from articles.models import Article
    from claims.models import Claim

    claim = (
        Claim.objects.filter(current_verdict__isnull=False).order_by("id").first()
        or Claim.objects.order_by("id").first()
    )
    article = Article.objects.order_by("id").first()
    if claim is None or article is None:
        sys.exit("The benchmark database is empty: run bench/generate_scale.py (or bench/bench_ingest.py) first.")
    base = f"http://127.0.0.1:{PORT}"
    targets = [
        ("ceiling: /healthz", "/healthz"),
        ("claim list API", "/api/v1/claims/"),
        ("claim list API, filter", "/api/v1/claims/?type=statistic&checkworthy=true"),
        ("claim page", claim.get_absolute_url()),
        ("article page", article.get_absolute_url()),
    ]
    print(
        f"{Claim.objects.count():,} claims; gunicorn {args.workers} workers; wrk 2 threads, {args.connections} connections, {args.seconds}s each"
    )
    ceiling = None
    for cache_seconds, label in ((300, "page cache on"), (0, "page cache off")):
        server = serve(args.workers, cache_seconds, database_url)
        try:
            print(f"-- {label}")
            for name, path in targets:
                if cache_seconds == 0 and path == "/healthz":
                    continue  # never cached: measured once
                rps, percentiles, errors = run_wrk(base + path, args.seconds, args.connections)
                ceiling = ceiling or rps
                print(
                    f"{name:22} {rps:9.0f} req/s  p50 {percentiles.get('50', '?'):>8}  p99 {percentiles.get('99', '?'):>8}  "
                    f"{rps / ceiling:5.0%} of ceiling  non-2xx {errors}"
                )
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
