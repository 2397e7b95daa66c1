"""Set up Django for a benchmark script against its own database (PostgreSQL by default)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/factcheck_bench"


def setup(database_url=None):
    """Point Django at the benchmark database, create it if needed, migrate it, and return the URL."""
    sys.path.insert(0, str(ROOT))
    url = database_url or os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("FACTCHECK_API_ANON_RATE", "100000000/minute")
    os.environ.setdefault("FACTCHECK_API_USER_RATE", "100000000/minute")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    if url.startswith("postgres"):
        _create_database(url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    # Production settings serve hashed static files from a manifest, as a deployment would.
    call_command("collectstatic", interactive=False, verbosity=0)
    return url


def _create_database(url):
    import dj_database_url
    import psycopg2
    from psycopg2 import sql

    config = dj_database_url.parse(url)
    connection = psycopg2.connect(
        dbname="postgres", user=config["USER"], host=config["HOST"], port=config["PORT"] or 5432
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
    connection.close()


def empty_tables():
    """Remove the articles, claims and sources a previous run left, keeping the rating scale and groups."""
    from django.db import connection

    from articles.models import Article
    from claims.models import Claim, Source, Verdict
    from matching.models import ExternalFactCheck

    if connection.vendor == "postgresql":
        tables = [
            Article._meta.db_table,
            ExternalFactCheck._meta.db_table,
            Source._meta.db_table,
            Claim.history.model._meta.db_table,
            Verdict.history.model._meta.db_table,
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
        return
    Article.objects.all().delete()
    Claim.history.model.objects.all().delete()
    Verdict.history.model.objects.all().delete()
    Source.objects.all().delete()
    ExternalFactCheck.objects.all().delete()
