"""Logging helpers for settings.LOGGING."""

import logging


class OneLine(logging.Filter):
    """Drop the traceback from a record: for noise anyone can send, the message says enough.

    Django logs a foreign Host header with the exception attached, so each such
    request would print some thirty stack frames (and spend milliseconds formatting them).
    """

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


class ClientErrorsOneLine(OneLine):
    """One line for a 4xx answer (a missing permission, a refused request): the client's doing.

    Django attaches the exception to „Forbidden (Permission denied)” and a few other 4xx
    records; server errors (5xx) keep their traceback. Set on the ``django.request`` logger
    itself, so every handler (and the test runner's log capture) gets the short record.
    """

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            return super().filter(record)
        return True
