"""The domain error of ingestion, translated once per delivery channel.

The API turns it into a 400/413/415 JSON body, the admin into a form error and
the ``ingest`` command into a line on stderr and a non-zero exit status.
"""


class IngestError(Exception):
    """An article that cannot be ingested, with a reason code and a message for people.

    Reason codes are stable strings that tools may rely on: ``empty``,
    ``too_large``, ``binary``, ``undecodable``, ``invalid_characters`` (NUL
    or an unpaired surrogate anywhere in the decoded text), ``too_deep``
    (elements nested past the parser's limit), ``invalid_url``, and
    ``unprocessable`` / ``invalid_data`` (one article of a batch that could
    not be analysed or stored; the rest of the batch is stored).
    """

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self):
        return self.message

    def __reduce__(self):
        # Raised in an ingestion worker process, it must unpickle with both arguments.
        return (type(self), (self.reason, self.message))
