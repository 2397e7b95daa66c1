"""Background work through Celery: in-process without a broker, and a real worker over Redis."""

import os
import socket
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from claims.models import Claim
from factcheck.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_423b83237d5b8be1.txt"
REDIS = ("127.0.0.1", 6379)
BROKER_URL = "redis://127.0.0.1:6379/15"


@pytest.mark.django_db
def test_without_a_broker_background_ingestion_runs_in_process(tmp_path):
    (tmp_path / "a.html").write_bytes(SEED.read_bytes())
    (tmp_path / "b.html").write_text("<p>Turnout was 41%, up from 22% four years ago, the clerk said.</p>")
    out = StringIO()

    call_command("ingest", str(tmp_path), "--background", stdout=out)

    assert "Queued ingestion of 2 file(s) as 1 task(s)." in out.getvalue()
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_background_reextraction_queues_one_task_per_article_and_keeps_reviewed_claims(seed_article, reviewer):
    from claims import reviews

    claim = seed_article.claims.get(text__contains="57.4%")
    reviews.mark_in_review([claim], by=reviewer)
    Claim.objects.filter(article=seed_article, status=Claim.Status.NEW).delete()
    out = StringIO()

    call_command("reextract", "--background", stdout=out)

    assert "Queued re-extraction of 1 articles." in out.getvalue()
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW and not claim.stale
    assert seed_article.claims.count() > 1, "the deleted unreviewed claims were extracted again"


def redis_is_up():
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_broker():
    if not redis_is_up():
        pytest.skip("no Redis on 127.0.0.1:6379 to act as the broker")
    if connection.vendor != "postgresql":
        pytest.skip("a worker process cannot share the in-memory SQLite test database; runs on PostgreSQL")
    import redis

    broker = redis.Redis.from_url(BROKER_URL)
    broker.flushdb()
    previous = dict(celery_app.conf)
    celery_app.conf.update(broker_url=BROKER_URL, task_always_eager=False)
    yield
    celery_app.conf.update(broker_url=previous["broker_url"], task_always_eager=previous["task_always_eager"])
    celery_app.pool.force_close_all()
    broker.flushdb()


def database_url():
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_takes_ingestion_from_the_redis_queue(tmp_path, redis_broker):
    from articles.tasks import ingest_paths

    (tmp_path / "seed.html").write_bytes(SEED.read_bytes())
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.test_settings",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--pool", "solo", "--loglevel", "warning"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        with celery_app.connection_for_write(BROKER_URL) as broker:
            ingest_paths.apply_async(args=[[str(tmp_path)]], connection=broker)
        deadline = time.monotonic() + 60
        while not Article.objects.exists() and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.2)
        ingested = Article.objects.count()
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0].decode(errors="replace")
    assert ingested == 1, f"the worker did not ingest the queued folder:\n{output}"
    assert Claim.objects.filter(article=Article.objects.get()).count() > 30
    assert "Traceback" not in output, output
