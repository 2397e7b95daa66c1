"""Webhooks with a real receiver on 127.0.0.1: signed deliveries, retries with backoff, refused private targets."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from claims import reviews
from claims.models import Rating
from integrations import webhooks
from integrations.models import WebhookDelivery, WebhookSubscription
from tests.factories import make_claim

from .conftest import client_for

pytestmark = pytest.mark.django_db
SECRET = "a-shared-secret-of-some-length"
PORTS = range(8150, 8160)  # this helper's ports


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8150-8159")


@pytest.fixture
def receiver():
    """An HTTP server on 127.0.0.1 that records each POST and answers the status at the head of ``answers``."""
    received, answers = [], []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((dict(self.headers), body))
            self.send_response(answers.pop(0) if answers else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received, answers
    server.shutdown()
    server.server_close()


@pytest.fixture
def draft(reviewer):
    return reviews.draft_verdict(claim=make_claim(), by=reviewer, rating=Rating.objects.get(slug="true"), summary="Ok.")


def subscribe(editor, url, events=("verdict.published", "verdict.corrected")):
    response = client_for(editor).post(
        "/api/v1/webhooks/", {"url": url, "events": list(events), "secret": SECRET}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_publishing_sends_a_signed_delivery_the_receiver_verifies(
    receiver, editor, draft, django_capture_on_commit_callbacks
):
    url, received, _ = receiver
    subscribe(editor, url)
    with django_capture_on_commit_callbacks(execute=True):
        verdict = reviews.publish_verdict(draft, by=editor)
    [(headers, body)] = received
    assert webhooks.verify(SECRET, headers["X-Factcheck-Signature"], body)
    assert not webhooks.verify("another secret", headers["X-Factcheck-Signature"], body)
    payload = json.loads(body)
    assert payload["event"] == "verdict.published"
    assert payload["resource"] == {
        "type": "verdict",
        "id": verdict.pk,
        "version": verdict.version,
        "url": f"/api/v1/verdicts/{verdict.pk}/",
    }
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code, delivery.attempts) == ("delivered", 200, 1)


def test_a_receiver_that_fails_is_retried_with_backoff_and_logged(
    receiver, editor, draft, settings, monkeypatch, django_capture_on_commit_callbacks
):
    url, received, answers = receiver
    subscribe(editor, url)
    answers += [500, 503]
    scheduled = []
    from integrations.tasks import send_delivery

    def queue(args, kwargs=None, countdown=None, **options):
        scheduled.append((args, countdown))

    monkeypatch.setattr(send_delivery, "apply_async", queue)  # the test plays the worker
    with django_capture_on_commit_callbacks(execute=True):
        reviews.publish_verdict(draft, by=editor)
    send_delivery(*scheduled[-1][0])
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code, delivery.attempts) == ("pending", 500, 1)
    send_delivery(*scheduled[-1][0])  # the worker runs the retry when its countdown is over
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code, delivery.attempts) == ("pending", 503, 2)
    send_delivery(*scheduled[-1][0])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code, delivery.attempts) == ("delivered", 200, 3)
    assert [countdown for _, countdown in scheduled] == [None, 30, 60]
    assert len(received) == 3


def test_a_receiver_that_is_down_ends_failed_after_the_last_attempt(
    editor, draft, settings, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_WEBHOOK_MAX_ATTEMPTS = 3
    subscribe(editor, f"http://127.0.0.1:{free_port()}/nobody-listens")
    with django_capture_on_commit_callbacks(execute=True):
        reviews.publish_verdict(draft, by=editor)  # eager Celery runs the retries at once
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("failed", 3, None)
    assert "Connection" in delivery.last_error


def test_backoff_doubles_and_is_capped():
    assert [webhooks.backoff_seconds(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert webhooks.backoff_seconds(40) == webhooks.BACKOFF_MAX_SECONDS


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/hook",
        "ftp://example.org/hook",
        "http://0.0.0.0/hook",
    ],
)
def test_a_private_or_non_http_target_is_refused(editor, url):
    response = client_for(editor).post(
        "/api/v1/webhooks/", {"url": url, "events": ["verdict.published"], "secret": SECRET}, format="json"
    )
    assert response.status_code == 400
    assert "url" in response.json()["errors"]


def test_loopback_is_refused_unless_the_setting_allows_it(editor, settings):
    settings.FACTCHECK_OUTBOUND_ALLOW_LOOPBACK = False
    response = client_for(editor).post(
        "/api/v1/webhooks/", {"url": "http://127.0.0.1:8150/", "events": ["article.ingested"], "secret": SECRET}
    )
    assert response.status_code == 400


def test_a_stored_target_that_now_points_inside_is_refused_at_delivery(
    editor, draft, django_capture_on_commit_callbacks
):
    WebhookSubscription.objects.create(url="http://10.1.2.3/hook", events=["verdict.published"], secret=SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        reviews.publish_verdict(draft, by=editor)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    assert delivery.last_error.startswith("Refused")


def test_only_editors_manage_webhooks(reviewer):
    response = client_for(reviewer).post(
        "/api/v1/webhooks/", {"url": "https://example.org/", "events": ["verdict.published"], "secret": SECRET}
    )
    assert response.status_code == 403


def test_redelivery_from_the_admin(receiver, client, editor, draft, django_capture_on_commit_callbacks):
    url, received, _ = receiver
    subscribe(editor, url)
    with django_capture_on_commit_callbacks(execute=True):
        reviews.publish_verdict(draft, by=editor)
    delivery = WebhookDelivery.objects.get()
    client.force_login(editor)
    page = client.get("/admin/integrations/webhookdelivery/")
    assert page.status_code == 200
    response = client.post(
        "/admin/integrations/webhookdelivery/",
        {"action": "redeliver_selected", "_selected_action": [delivery.pk]},
    )
    assert response.status_code == 302
    assert len(received) == 2
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("delivered", 1)
