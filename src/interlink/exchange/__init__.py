"""Exchange between nodes: signed and encrypted messages, outbox and inbox, receipts,
reports to the Secretariat, hit notifications and notices (issue 6).

The transport's surface (what the API, the CLI and the Secretariat's part call):

- ``send(node, actor, draft, record_ids=...)``: a user sends; ``queue(conn, node, draft)``:
  the node sends from inside a transaction (handlers); both return the message id.
- ``update(node, actor, record_id)`` / ``withdraw(node, actor, record_id, reason)``: reach
  every holder of a copy of one of this node's records.
- ``accept(node, raw, remote)``: the inbox; ``Deliverer``/``Worker``/``deliver_until_idle``:
  the outbox's delivery.
- ``keys``, ``directory``: this node's keys and the directory of nodes.
- ``list_box``, ``show``, ``status``, ``refusals``, ``failed_deliveries``, ``dead_letters``:
  the mailbox as users and administrators see it.
"""

from interlink.exchange import (  # registers the handlers (the Secretariat's part too)
    copies,
    directory,
    hits,
    keys,
    mailbox,
    notices,
    reports,
    secretariat,
)
from interlink.exchange.copies import update, withdraw
from interlink.exchange.delivery import Deliverer, Outcome, Worker, deliver_until_idle
from interlink.exchange.inbox import Answer, accept
from interlink.exchange.mailbox import (
    dead_letters,
    failed_deliveries,
    list_box,
    refusals,
    show,
    status,
)
from interlink.exchange.messages import SECRETARIAT, Body, Draft, Kind, SharedRecord
from interlink.exchange.outbox import ALL, queue, send, wake

__all__ = [
    "ALL",
    "SECRETARIAT",
    "Answer",
    "Body",
    "Deliverer",
    "Draft",
    "Kind",
    "Outcome",
    "SharedRecord",
    "Worker",
    "accept",
    "copies",
    "dead_letters",
    "deliver_until_idle",
    "directory",
    "failed_deliveries",
    "hits",
    "keys",
    "list_box",
    "mailbox",
    "notices",
    "queue",
    "refusals",
    "reports",
    "secretariat",
    "send",
    "show",
    "status",
    "update",
    "wake",
    "withdraw",
]
