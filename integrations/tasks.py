"""Webhook delivery on Celery: one attempt per task run, the next one scheduled with exponential backoff."""

from celery import shared_task

from .models import WebhookDelivery


@shared_task
def send_delivery(delivery_id):
    """Attempt the delivery; when it fails and attempts remain, schedule the next after ``backoff_seconds``."""
    from .webhooks import attempt, backoff_seconds

    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return None
    if attempt(delivery):
        return delivery.last_status_code
    if delivery.status == WebhookDelivery.Status.PENDING:
        send_delivery.apply_async((delivery_id,), countdown=backoff_seconds(delivery.attempts))
    return delivery.last_status_code
