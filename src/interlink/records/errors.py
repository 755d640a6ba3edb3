"""Errors a front end turns into a status code and a message for the user."""

from __future__ import annotations


class RecordError(Exception):
    """Base: the message is safe to show (ids, never personal data)."""

    status = 400

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(RecordError):
    status = 404


class Forbidden(RecordError):
    status = 403


class Conflict(RecordError):
    status = 409


class Invalid(RecordError):
    status = 422
