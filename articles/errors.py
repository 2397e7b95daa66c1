"""The domain error of ingestion, translated once per delivery channel.

The API turns it into a 400/413/415 JSON body, the admin into a form error and
the ``ingest`` command into a line on stderr and a non-zero exit status.
"""


class IngestError(Exception):
    """An article that cannot be ingested, with a reason code and a message for people.

    Reason codes are stable strings that tools may rely on: ``empty``,
    ``too_large``, ``binary``, ``undecodable``, ``invalid_url``.
    """

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self):
        return self.message
