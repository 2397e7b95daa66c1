"""Webhooks: which subscriptions hear of a change, the signed payload, and one delivery attempt.

Each POST carries ``X-Factcheck-Signature: t=<unix time>,v1=<hex>`` where
``v1`` is HMAC-SHA256, keyed with the subscription's secret, over
``"<t>.<body>"``. A receiver recomputes it and rejects old timestamps, which
stops replays. A failed attempt (network error, timeout, non-2xx answer) is
retried with exponential backoff (``backoff_seconds``) up to
``FACTCHECK_WEBHOOK_MAX_ATTEMPTS``; every attempt's outcome is in the
delivery log (admin: Webhook deliveries).
"""

import hashlib
import hmac
import json
import time

from django.conf import settings
from django.utils import timezone

from factcheck.celery import queue_follow_up

from .models import ChangeEvent, WebhookDelivery, WebhookSubscription
from .outbound import OutboundRefused, post

SIGNATURE_HEADER = "X-Factcheck-Signature"
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 6 * 60 * 60
# A delivery the broker could not take stays pending in the delivery log, where an editor can send it again.
REDELIVER_LATER = (
    "The delivery stays pending: once the queue is back, redeliver it from Webhook deliveries in the admin."
)


def sign(secret, timestamp, body):
    """The signature header value for ``body`` (bytes) sent at ``timestamp`` (unix seconds)."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret, header, body, *, tolerance_seconds=300, now=None):
    """Whether ``header`` signs ``body`` with ``secret`` within ``tolerance_seconds``: what a receiver does."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (ValueError, KeyError):
        return False
    if abs((now or time.time()) - timestamp) > tolerance_seconds:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), header)


def backoff_seconds(attempt):
    """Wait before retry number ``attempt`` (1, 2, …): 30 s, 1 min, 2 min, … capped at 6 hours."""
    return min(BACKOFF_BASE_SECONDS * 2 ** (attempt - 1), BACKOFF_MAX_SECONDS)


def payload_of(event, name):
    return {
        "event": name,
        "change": event.pk,
        "occurred_at": event.occurred_at.isoformat().replace("+00:00", "Z"),  # as the change feed writes it
        "resource": {
            "type": event.resource,
            "id": event.object_id,
            "version": event.version,
            "url": f"/api/v1/{event.resource}s/{event.object_id}/",  # a path: a delivery has no request to name the host
        },
    }


def deliver_events(event_ids):
    """Queue one delivery per (event, subscription listening to it); called after the change commits."""
    from .changes import WEBHOOK_EVENTS
    from .tasks import send_delivery

    subscriptions = list(WebhookSubscription.objects.filter(active=True))
    if not subscriptions:
        return []
    deliveries = []
    for event in ChangeEvent.objects.filter(pk__in=event_ids):
        name = WEBHOOK_EVENTS[(event.resource, event.kind)]
        for subscription in subscriptions:
            if name in subscription.events:
                deliveries.append(
                    WebhookDelivery(
                        subscription=subscription, event=name, change=event, payload=payload_of(event, name)
                    )
                )
    deliveries = WebhookDelivery.objects.bulk_create(deliveries)
    for delivery in deliveries:
        queue_follow_up(send_delivery, delivery.pk, catch_up=REDELIVER_LATER)
    return deliveries


def attempt(delivery):
    """POST the delivery once and record the outcome; returns True when the receiver answered 2xx."""
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "factcheck-webhooks/1",
        SIGNATURE_HEADER: sign(delivery.subscription.secret, int(time.time()), body),
        "X-Factcheck-Event": delivery.event,
        "X-Factcheck-Delivery": str(delivery.pk),
    }
    delivery.attempts += 1
    delivery.last_status_code = None
    delivery.last_error = ""
    try:
        answer = post(delivery.subscription.url, body, headers, timeout=settings.FACTCHECK_WEBHOOK_TIMEOUT_SECONDS)
    except OutboundRefused as error:
        delivery.last_error = f"Refused: {error}"[:500]
    except OSError as error:
        delivery.last_error = f"{type(error).__name__}: {error}"[:500]
    else:
        delivery.last_status_code = answer.status
        if not 200 <= answer.status < 300:
            delivery.last_error = f"The receiver answered {answer.status}."
    ok = delivery.last_status_code is not None and 200 <= delivery.last_status_code < 300
    if ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
    elif delivery.attempts >= settings.FACTCHECK_WEBHOOK_MAX_ATTEMPTS or delivery.last_error.startswith("Refused"):
        delivery.status = WebhookDelivery.Status.FAILED
    else:
        delivery.status = WebhookDelivery.Status.PENDING
    delivery.save()
    return ok


def redeliver(deliveries):
    """Send the given deliveries again from a fresh attempt count (the admin's redelivery action); how many queued."""
    from .tasks import send_delivery

    queued = 0
    for delivery in deliveries:
        delivery.status = WebhookDelivery.Status.PENDING
        delivery.attempts = 0
        delivery.save(update_fields=["status", "attempts"])
        queued += queue_follow_up(send_delivery, delivery.pk, catch_up=REDELIVER_LATER)
    return queued
