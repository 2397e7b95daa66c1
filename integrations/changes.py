"""The change log: services call ``record`` for every change a mirror must see; it also triggers webhooks.

Called directly by the services that make the change (ingestion, the review
rulebook), not from model signals, so each write says what it announces.
"""

from django.db import transaction

from .models import ChangeEvent, WebhookSubscription

Kind = ChangeEvent.Kind
Resource = ChangeEvent.Resource

# Which change events are pushed to webhooks, under which event name.
WEBHOOK_EVENTS = {
    (Resource.VERDICT, Kind.PUBLISHED): WebhookSubscription.Event.VERDICT_PUBLISHED,
    (Resource.VERDICT, Kind.CORRECTED): WebhookSubscription.Event.VERDICT_CORRECTED,
    (Resource.VERDICT, Kind.RETRACTED): WebhookSubscription.Event.VERDICT_RETRACTED,
    (Resource.ARTICLE, Kind.CREATED): WebhookSubscription.Event.ARTICLE_INGESTED,
}


def version_of(obj):
    """A resource's version: a verdict's edit counter, else its ``updated_at`` in microseconds."""
    version = getattr(obj, "version", None)
    if isinstance(version, int):
        return version
    return int(obj.updated_at.timestamp() * 1_000_000)


def record(obj, kind, *, public=True):
    """Append the change ``kind`` of ``obj`` (an Article, Claim or Verdict) to the log; returns the event."""
    return record_many([obj], kind, public=public)[0]


def record_many(objects, kind, *, public=True):
    """Append one event of ``kind`` per object, in one insert; webhooks fire once the transaction commits."""
    events = ChangeEvent.objects.bulk_create(
        ChangeEvent(resource=obj._meta.model_name, object_id=obj.pk, kind=kind, version=version_of(obj), public=public)
        for obj in objects
    )
    return _announce(events)


def record_rows(resource, ids, kind, *, version=0, public=True):
    """Append events for rows known only by id (e.g. just deleted ones)."""
    events = ChangeEvent.objects.bulk_create(
        ChangeEvent(resource=resource, object_id=pk, kind=kind, version=version, public=public) for pk in ids
    )
    return _announce(events)


def _announce(events):
    pushed = [event for event in events if (event.resource, event.kind) in WEBHOOK_EVENTS]
    if pushed:
        from .webhooks import deliver_events

        transaction.on_commit(lambda: deliver_events([event.pk for event in pushed]))
    return events
