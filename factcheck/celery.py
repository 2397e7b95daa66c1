"""The Celery application: background work for bulk ingestion and re-extraction.

Workers run ``celery -A factcheck worker``; the broker is ``CELERY_BROKER_URL``
(Redis or RabbitMQ). Without a broker, tasks run in the calling process, so a
fresh checkout needs nothing more. Tasks are thin wrappers around the same
plain functions the CLI calls.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
