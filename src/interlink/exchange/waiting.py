"""What of the exchange waits for a user: for the work queue (counts only, nothing audited)."""

from __future__ import annotations

from dataclasses import dataclass

from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.node import Node
from interlink.store import secretariat as sql
from interlink.store.db import reading


@dataclass(frozen=True)
class Waiting:
    messages: int | None  # None: the user's role does not see them
    hits: int | None
    notices: int | None


def waiting(node: Node, actor: Actor) -> Waiting:
    messages_cap = getattr(Capability, "READ_MESSAGES", None)
    with reading(node.engine) as conn:
        return Waiting(
            messages=sql.unread_messages(conn)
            if messages_cap is not None and has_capability(actor, messages_cap)
            else None,
            hits=sql.unread_notifications(conn)
            if has_capability(actor, Capability.READ_HITS)
            else None,
            notices=sql.unread_notices(conn)
            if has_capability(actor, Capability.READ_NOTICES)
            else None,
        )
