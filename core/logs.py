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
