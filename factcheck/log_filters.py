"""Logging filters for the one console handler configured in settings.LOGGING."""

import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Keep a client error (4xx) to its one line: the traceback of the PermissionDenied behind a 403 is noise.

    Django's request logging attaches ``exc_info`` to 4xx records too; a reviewer's refused click then fills the
    console with a stack that says nothing about a fault. Server errors (5xx) keep their traceback.
    """

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
