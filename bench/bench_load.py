"""Throughput under load: gunicorn with several workers, loaded by wrk on 127.0.0.1 only, bounded in time.

    python bench/bench_load.py [--seconds 10] [--connections 32] [--workers 4]

Serves the benchmark database (fill it with bench/generate_scale.py) and
measures requests per second, latency percentiles, non-2xx answers, socket
errors and timeouts (``--timeout``, 30 s, so p99 is not cut off) for the claim list API,
a claim page and an article page, beside /healthz, a view that returns a fixed
JSON body on the same server (the framework's own ceiling), and the API's
smallest list, six ratings (what any DRF list costs before its own rows). Public pages and
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


def run_wrk(url, seconds, connections, timeout):
    """Requests per second, latency percentiles, non-2xx answers and socket errors (timeouts apart) of one wrk run.

    wrk stops waiting for an answer after ``timeout`` seconds and counts it as a
    timeout, not as a latency: with its 2 s default a slow endpoint's p99 was cut
    off at 2 s and the dropped requests were not reported at all.
    """
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(re.findall(r"^\s+(50|90|99)%\s+([\d.]+\w+)", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    connect, read, write, timeouts = (int(n) for n in sockets.groups()) if sockets else (0, 0, 0, 0)
    return {
        "rps": rps,
        "percentiles": percentiles,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": connect + read + write,
        "timeouts": timeouts,
    }


def serve(workers, cache_seconds, database_url, port):
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
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
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
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--timeout", type=int, default=30, help="seconds wrk waits for an answer before a timeout")
    parser.add_argument(
        "--cache", choices=["both", "on", "off"], default="both", help="which page-cache setting to run"
    )
    parser.add_argument("--only", default="", help="measure only endpoints whose name contains this (and the ceiling)")
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
    base = f"http://127.0.0.1:{args.port}"
    targets = [
        ("ceiling: /healthz", "/healthz"),
        # DRF's own floor: the smallest list of the API (six ratings), through the same middleware and paging.
        ("API floor: ratings list", "/api/v1/ratings/"),
        ("claim list API", "/api/v1/claims/"),
        ("claim list API, filter", "/api/v1/claims/?type=statistic&checkworthy=true"),
        ("claim list API, search", "/api/v1/claims/?search=transit%20housing"),
        ("claim page", claim.get_absolute_url()),
        ("article page", article.get_absolute_url()),
        ("home page", "/"),
        ("search page", "/search/?q=transit+housing"),
    ]
    targets = [
        target
        for target in targets
        if target[0].startswith(("ceiling", "API floor")) or args.only.lower() in target[0].lower()
    ]
    print(
        f"{Claim.objects.count():,} claims; gunicorn {args.workers} workers; wrk 2 threads, {args.connections} connections, {args.seconds}s each"
    )
    ceiling = None
    runs = [(300, "page cache on"), (0, "page cache off")]
    runs = [run for run in runs if args.cache == "both" or (run[0] > 0) == (args.cache == "on")]
    print(f"{'endpoint':24} {'req/s':>9}  {'p50':>8}  {'p99':>8}  {'of ceiling':>10}  non-2xx  socket errors  timeouts")
    for cache_seconds, label in runs:
        server = serve(args.workers, cache_seconds, database_url, args.port)
        try:
            print(f"-- {label}")
            for name, path in targets:
                if path == "/healthz" and ceiling is not None:
                    continue  # never cached: measured once, first
                result = run_wrk(base + path, args.seconds, args.connections, args.timeout)
                ceiling = ceiling or result["rps"]
                percentiles = result["percentiles"]
                print(
                    f"{name:24} {result['rps']:9.0f}  {percentiles.get('50', '?'):>8}  {percentiles.get('99', '?'):>8}  "
                    f"{result['rps'] / ceiling:10.1%}  {result['non_2xx']:7d}  {result['socket_errors']:13d}  "
                    f"{result['timeouts']:8d}"
                )
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
