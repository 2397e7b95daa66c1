"""The Celery application: background work for bulk ingestion and re-extraction.

Workers run ``celery -A factcheck worker``; the broker is ``CELERY_BROKER_URL``
(Redis or RabbitMQ). Without a broker, tasks run in the calling process, so a
fresh checkout needs nothing more. Tasks are thin wrappers around the same
plain functions the CLI calls.
"""

import logging
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
log = logging.getLogger(__name__)


class QueueUnavailable(Exception):
    """The broker refused or did not answer an enqueue; ``queued`` tasks made it before it did."""

    def __init__(self, error, queued=0):
        self.queued = queued
        self.message = (
            f"The task queue (CELERY_BROKER_URL) is unreachable: {error}. "
            + (f"{queued} task(s) were queued before it failed. " if queued else "Nothing was queued. ")
            + "Run without --background to do the work in this process, or start the broker and try again."
        )
        super().__init__(self.message)


def enqueue_all(task, argument_lists):
    """Queue ``task`` once per argument list; the number queued, or ``QueueUnavailable`` naming how far it got."""
    from kombu.exceptions import OperationalError

    queued = 0
    try:
        with app.connection_for_write() as connection:
            for arguments in argument_lists:
                task.apply_async(args=arguments, connection=connection)
                queued += 1
    except OperationalError as error:
        raise QueueUnavailable(error, queued) from error
    return queued


def queue_follow_up(task, *args, catch_up):
    """Queue work that follows a committed write (matching, webhook deliveries); True when it was queued or run.

    Without a broker (eager mode) Celery runs the task here. With the broker down the
    write the caller committed stands, so this must not raise: it logs which
    task was not queued and ``catch_up``, how to make up for it, and returns False.
    """
    from kombu.exceptions import OperationalError

    try:
        task.apply_async(args=args)
    except OperationalError as error:
        log.error(
            "%s%r not queued: the task queue (CELERY_BROKER_URL) is unreachable (%s). %s",
            task.name,
            args,
            error,
            catch_up,
        )
        return False
    return True
