"""Degrade, don't fail: Redis, the broker or the database down never makes a 500 or a hang.

Outages are real closed ports (nothing listens on 127.0.0.1:8179, this
helper's own range), or a database connection killed under a worker.
"""

import json
import logging
import os
import socket
import subprocess
import sys
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection

from claims import caching, reviews
from claims.models import Claim, Rating
from factcheck import cache as fail_open
from factcheck.celery import app as celery_app
from integrations.tokens import create_token
from tests.conftest import ROOT

CLOSED_PORT = 8179
DOWN_REDIS = f"redis://127.0.0.1:{CLOSED_PORT}/0"
DOWN_DATABASE = f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/factcheck"
LOCAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "outage-tests"}}


@pytest.fixture(autouse=True)
def nothing_listens_on_the_closed_port():
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", CLOSED_PORT), timeout=1).close()
    fail_open.outage.retry_at = None
    caching._invalidation_pending.clear()
    yield
    fail_open.outage.retry_at = None
    caching._invalidation_pending.clear()


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": {"BACKEND": "factcheck.cache.FailOpenRedisCache", "LOCATION": DOWN_REDIS}}
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def published_claim(seed_article, reviewer, editor):
    claim = seed_article.claims.get(text__contains="57.4%")
    verdict = reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Yes.")
    reviews.publish_verdict(verdict, by=editor)
    claim.refresh_from_db()
    return claim


def test_redis_url_selects_the_fail_open_cache():
    result = subprocess.run(
        [sys.executable, "-c", "import factcheck.settings as s; print(s.CACHES['default']['BACKEND'])"],
        cwd=ROOT,
        env={**os.environ, "SECRET_KEY": "x", "REDIS_URL": DOWN_REDIS},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "factcheck.cache.FailOpenRedisCache"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/search/?q=vote", "/articles/", "/api/v1/claims/", "/api/v1/articles/"])
def test_public_pages_and_the_api_work_with_redis_down(client, redis_down, published_claim, path):
    response = client.get(path)
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_claim_page_works_with_redis_down(client, redis_down, published_claim):
    response = client.get(published_claim.get_absolute_url())
    assert response.status_code == 200
    assert "Yes." in response.content.decode()


@pytest.mark.django_db
def test_admin_login_works_with_redis_down(client, redis_down, reviewer):
    refused = client.post("/admin/login/", {"username": "rita", "password": "wrong"})
    assert refused.status_code == 200
    accepted = client.post("/admin/login/", {"username": "rita", "password": "pw", "next": "/admin/"})
    assert accepted.status_code == 302 and accepted["Location"] == "/admin/"


@pytest.mark.django_db
def test_an_api_write_is_answered_normally_with_redis_down(redis_down, seed_article, reviewer):
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {create_token(user=reviewer, name='tests')[1]}")
    claim = seed_article.claims.get(text__contains="57.4%")
    etag = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    response = api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "in_review"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_REVIEW


@pytest.mark.django_db
def test_publishing_with_redis_down_commits_and_invalidates_without_error(
    redis_down, seed_article, reviewer, editor, django_capture_on_commit_callbacks
):
    claim = seed_article.claims.get(text__contains="57.4%")
    verdict = reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Yes.")
    with django_capture_on_commit_callbacks(execute=True):
        reviews.publish_verdict(verdict, by=editor)
    assert Claim.objects.get(pk=claim.pk).current_verdict_id == verdict.pk


@pytest.mark.django_db
def test_the_outage_is_logged_once_not_per_request(client, redis_down, seed_article, caplog):
    with caplog.at_level(logging.WARNING, logger="factcheck.cache"):
        for _ in range(5):
            assert client.get("/api/v1/claims/").status_code == 200
    assert [record.getMessage()[:31] for record in caplog.records] == ["The cache is unavailable (Error"]


def test_while_redis_is_down_the_cache_is_skipped_without_retrying(redis_down):
    cache.get("anything")
    assert fail_open.outage.skipping()
    assert cache.get("anything", "default") == "default"
    assert cache.incr("counter") is None


def test_an_invalidation_lost_to_an_outage_is_replayed_when_the_cache_answers(settings):
    settings.CACHES = LOCAL_CACHE
    before = caching.public_pages_version()
    settings.CACHES = {"default": {"BACKEND": "factcheck.cache.FailOpenRedisCache", "LOCATION": DOWN_REDIS}}
    caching.invalidate_public_pages()
    settings.CACHES = LOCAL_CACHE
    assert caching.public_pages_version() == before + 1


@pytest.mark.django_db
def test_readyz_is_ok_when_everything_configured_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_healthz_needs_nothing(client, redis_down):
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_is_down(client, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "down"}


@pytest.mark.django_db
def test_readyz_is_503_when_the_broker_is_down(client, settings):
    settings.CELERY_BROKER_URL = DOWN_REDIS
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "broker": "down"}


DATABASE_DOWN_SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in ["/healthz", "/readyz", "/", "/api/v1/claims/", "/admin/login/"]:
    response = client.get(path)
    answers[path] = [response.status_code, response["Content-Type"], response.content.decode()[:2000]]
print(json.dumps(answers))
"""


def test_with_the_database_down_liveness_holds_readiness_fails_and_pages_are_503():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.test_settings",
        "DATABASE_URL": DOWN_DATABASE,
        "LOG_LEVEL": "CRITICAL",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", DATABASE_DOWN_SCRIPT], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    answers = json.loads(result.stdout or "null") or pytest.fail(result.stderr)
    assert answers["/healthz"][0] == 200
    assert answers["/readyz"][0] == 503 and json.loads(answers["/readyz"][2])["checks"] == {"database": "down"}
    assert answers["/"][0] == 503 and "database is unavailable" in answers["/"][2]
    assert answers["/api/v1/claims/"][0] == 503
    assert json.loads(answers["/api/v1/claims/"][2])["code"] == "unavailable"
    assert answers["/admin/login/"][0] in {200, 503}


RESTART_SCRIPT = """
import json, django
from wsgiref.util import setup_testing_defaults
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
import psycopg2

application = WSGIHandler()

def get(path):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "testserver"}
    setup_testing_defaults(environ)
    statuses = []
    body = b"".join(application(environ, lambda status, headers: statuses.append(status)))
    return statuses[0]

first = get("/readyz")
killed_pid = connection.connection.get_backend_pid()
settings = connection.settings_dict
killer = psycopg2.connect(dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"])
killer.autocommit = True
killer.cursor().execute("SELECT pg_terminate_backend(%s)", [killed_pid])
killer.close()
second = get("/readyz")
print(json.dumps([first, second, killed_pid != connection.connection.get_backend_pid()]))
"""


@pytest.mark.django_db
def test_a_persistent_connection_killed_by_a_database_restart_costs_no_failed_request():
    if connection.vendor != "postgresql":
        pytest.skip("persistent connections and pg_terminate_backend: PostgreSQL")
    settings = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.test_settings",
        "DATABASE_URL": f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}",
        "DATABASE_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "CRITICAL",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", RESTART_SCRIPT], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    first, second, reconnected = json.loads(result.stdout or "null") or pytest.fail(result.stderr)
    assert (first, second) == ("200 OK", "200 OK")
    assert reconnected


def forget_broker_connections():
    """Celery keeps its producer pool for the broker it first connected to; a changed broker_url needs a new one."""
    celery_app.amqp._producer_pool = None
    celery_app._pool = None


@pytest.fixture
def broker_down():
    previous = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=DOWN_REDIS, task_always_eager=False)
    forget_broker_connections()
    yield
    celery_app.conf.update(**previous)
    forget_broker_connections()


@pytest.mark.django_db
def test_background_ingestion_with_the_broker_down_says_why_and_queues_nothing(tmp_path, broker_down):
    (tmp_path / "a.html").write_text("<p>Turnout was 41%, the clerk said.</p>")
    with pytest.raises(CommandError, match=r"task queue \(CELERY_BROKER_URL\) is unreachable.*Nothing was queued"):
        call_command("ingest", str(tmp_path), "--background", stdout=StringIO())


@pytest.mark.django_db
def test_background_reextraction_with_the_broker_down_says_why(seed_article, broker_down):
    with pytest.raises(CommandError, match="Run without --background"):
        call_command("reextract", "--background", stdout=StringIO())


def test_a_task_held_by_a_lost_worker_comes_back_before_the_next_task_could_finish():
    conf = celery_app.conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.task_soft_time_limit < conf.task_time_limit < conf.broker_transport_options["visibility_timeout"]
    assert conf.broker_transport_options["visibility_timeout"] <= 15 * 60


# Follow-up work queued once a write commits (matching, webhook deliveries) must not turn the committed write
# into a 500 when the broker is down: the write stands, and the log says what was not queued and how to catch up.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_api_ingestion_with_the_broker_down_is_stored_and_answered_201(broker_down, editor, caplog):
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {create_token(user=editor, name='tests')[1]}")
    html = "<html><body><p>Turnout was 41% in the county, the clerk said on Monday.</p></body></html>"
    with caplog.at_level(logging.ERROR, logger="factcheck.celery"):
        response = api.post("/api/v1/articles/", {"html": html}, format="json")
    assert response.status_code == 201, response.content
    assert Claim.objects.filter(text__contains="41%").exists()
    assert "match_claims" in caplog.text and "not queued" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_with_the_broker_down_publishes_and_delivers_later(broker_down, reviewer, editor, caplog):
    from integrations.models import WebhookDelivery, WebhookSubscription
    from tests.factories import make_claim

    WebhookSubscription.objects.create(
        created_by=editor, url="https://hooks.example/in", events=["verdict.published"], secret="s" * 32
    )
    claim = make_claim()
    verdict = reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Yes.")
    with caplog.at_level(logging.ERROR, logger="factcheck.celery"):
        reviews.publish_verdict(verdict, by=editor)
    verdict.refresh_from_db()
    assert verdict.status == "published"
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.PENDING  # kept, to be sent by a redelivery
    assert "send_delivery" in caplog.text
