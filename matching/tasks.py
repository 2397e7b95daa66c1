"""Matching in the background: after bulk ingestion, a published verdict or an import (eager without a broker)."""

from celery import shared_task
from django.db import OperationalError

BATCH = 500


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def match_claims(claim_ids):
    """Match these claims against what was already checked (``matching.services.match_claims``)."""
    from .services import match_claims as match

    return match(claim_ids)


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def match_checked_claim(claim_id):
    from .services import match_checked_claim as match

    return match(claim_id)


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def match_external_checks(external_ids):
    from .services import match_external_checks as match

    return match(external_ids)


CATCH_UP = "Once it is back, run `manage.py match_claims` to match what was stored meanwhile."


def _run(task, *args):
    """Queue ``task``, or run it here without a broker; a broker outage leaves the stored claims unmatched, logged."""
    from factcheck.celery import queue_follow_up

    queue_follow_up(task, *args, catch_up=CATCH_UP)


def enqueue_claim_matching(claim_ids):
    """One task per batch of new claims, so workers share a bulk load."""
    claim_ids = list(claim_ids)
    for start in range(0, len(claim_ids), BATCH):
        _run(match_claims, claim_ids[start : start + BATCH])


def enqueue_external_matching(external_ids):
    external_ids = list(external_ids)
    for start in range(0, len(external_ids), BATCH):
        _run(match_external_checks, external_ids[start : start + BATCH])


def enqueue_checked_claim_matching(claim_id):
    _run(match_checked_claim, claim_id)
