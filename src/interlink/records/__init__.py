"""The national database: records of every kind behind the access policy and the audit log."""

from interlink.records.errors import Conflict, Forbidden, Invalid, NotFound, RecordError
from interlink.records.service import (
    Page,
    SearchQuery,
    create,
    delete,
    export,
    list_records,
    read,
    search,
    update,
)

__all__ = [
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "Page",
    "RecordError",
    "SearchQuery",
    "create",
    "delete",
    "export",
    "list_records",
    "read",
    "search",
    "update",
]
