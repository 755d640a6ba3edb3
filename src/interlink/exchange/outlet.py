"""The one door through which the Secretariat's part of the exchange sends anything.

Reports, hits and notices are queued in the transport's outbox (``exchange.queue``) in the
caller's transaction, so that what they record and what they send commit together. Tests
that exercise the logic without the transport redirect the door to a list (``redirected``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

from interlink.exchange.messages import SECRETARIAT, Draft
from interlink.node import Node

log = logging.getLogger(__name__)

Sink = Callable[[Connection, Node, Draft], Any]
Directory = Callable[[Connection, Node], list[str]]

_sink: Sink | None = None
_directory: Directory | None = None


class TransportMissing(RuntimeError):
    """This installation has no transport to send with (a build without issue 6's outbox)."""


def node_id(node: Node) -> str:
    """This node's id in messages: its country code, or ``GS`` for the Secretariat."""
    own = getattr(node.settings, "node_id", None)  # the transport's setting, when present
    if own:
        return str(own)
    return SECRETARIAT if is_secretariat(node) else node.settings.node_country.upper()


def is_secretariat(node: Node) -> bool:
    return node.settings.node_role == "secretariat"


def queue(conn: Connection, node: Node, draft: Draft) -> str | None:
    """Put ``draft`` in the outbox in the caller's transaction; the message id, when known."""
    if _sink is not None:
        found = _sink(conn, node, draft)
    else:
        from interlink import exchange

        real = getattr(exchange, "queue", None)
        if real is None:
            raise TransportMissing("messages cannot be sent: the exchange outbox is not installed")
        found = real(conn, node, draft)
    message_id = getattr(found, "id", found)
    return str(message_id) if message_id is not None else None


def wake() -> None:
    """After the commit: have the outbox post what was queued now rather than at its next poll."""
    if _sink is not None:
        return
    from interlink import exchange

    poke = getattr(exchange, "wake", None)
    if poke is not None:
        poke()


def national_nodes(conn: Connection, node: Node) -> list[str]:
    """Node ids of every national node in the directory (the recipients of a notice)."""
    if _directory is not None:
        return sorted(_directory(conn, node))
    from interlink.store import exchange as directory

    return sorted(e.id for e in directory.list_nodes(conn) if e.role == "national")


@contextmanager
def redirected(sink: Sink, directory: Directory | None = None) -> Iterator[None]:
    """Send through ``sink`` (and read the directory from ``directory``) for a while."""
    global _sink, _directory
    before = (_sink, _directory)
    _sink, _directory = sink, directory
    try:
        yield
    finally:
        _sink, _directory = before
