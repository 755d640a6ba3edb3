"""What a node does with a message it has accepted, by kind.

The inbox verifies a message (signature, recipient, clock window, replay), stores it and
then calls the handler registered for its kind in the same transaction, so that what a
handler writes — including replies it queues in the outbox — commits with the message or
not at all. Areas register their handlers at import time::

    @on(Kind.REPORT)
    def keep_report(ctx: Received) -> None: ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection

from interlink.exchange.messages import Kind, Message
from interlink.node import Node


@dataclass(frozen=True)
class Received:
    node: Node
    conn: Connection  # the inbox transaction
    message: Message


Handler = Callable[[Received], None]
HANDLERS: dict[Kind, list[Handler]] = {}


def on(kind: Kind) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS.setdefault(kind, []).append(handler)
        return handler

    return register


def handle(received: Received) -> None:
    for handler in HANDLERS.get(received.message.envelope.kind, []):
        handler(received)
