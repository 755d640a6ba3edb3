"""Helpers of the Secretariat tests: messages delivered in-process, generated persons.

Drafts are captured at ``exchange.outlet`` and handed to a node's handlers inside a
transaction, as the inbox does after its checks (the transport's own tests cover those).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from interlink.domain.codes import HandlingCode
from interlink.exchange import outlet
from interlink.exchange.handlers import Received, handle
from interlink.exchange.messages import (
    Body,
    Dissemination,
    Draft,
    Envelope,
    Kind,
    Message,
    SharedRecord,
)
from interlink.node import Node
from interlink.store.db import transaction
from interlink.synthetic import IdentityFactory, PersonIdentity


@dataclass
class Outbox:
    """Every draft queued while it is installed, with the sending node's id."""

    sent: list[tuple[str, Draft]] = field(default_factory=list)
    nodes: list[str] = field(default_factory=lambda: ["UA", "MD"])

    def sink(self, conn: Any, node: Node, draft: Draft) -> str:
        self.sent.append((outlet.node_id(node), draft))
        return str(uuid.uuid4())

    def directory(self, conn: Any, node: Node) -> list[str]:
        return list(self.nodes)

    def of_kind(self, kind: Kind) -> list[tuple[str, Draft]]:
        return [(s, d) for s, d in self.sent if d.kind == kind]

    def take(self) -> list[tuple[str, Draft]]:
        out, self.sent = self.sent, []
        return out


@contextmanager
def capturing(nodes: list[str] | None = None) -> Iterator[Outbox]:
    box = Outbox(nodes=nodes or ["UA", "MD"])
    with outlet.redirected(box.sink, box.directory):
        yield box


def deliver(node: Node, sender: str, draft: Draft) -> Message:
    """Hand a draft to ``node``'s handlers as its inbox would, in one transaction."""
    message = Message(
        envelope=Envelope(
            id=uuid.uuid4(),
            sender=sender,
            recipients=draft.recipients,
            created=datetime.now(UTC),
            kind=draft.kind,
            handling_code=draft.handling_code,
            restrictions=draft.restrictions,
            in_reply_to=draft.in_reply_to,
            subject=draft.subject,
        ),
        body=draft.body,
    )
    with transaction(node.engine) as conn:
        handle(Received(node=node, conn=conn, message=message))
    return message


def identity(seed: int, country: str = "UA") -> PersonIdentity:
    return IdentityFactory(random.Random(seed), [country]).new(country=country)


def person_facts(
    who: PersonIdentity, *, script: str = "latin", birth: str = "full"
) -> dict[str, Any]:
    """A person as a country records it: its name in Latin or the native script, its date
    of birth full or only the year."""
    if script == "latin":
        name = {"given": who.given.latin[0], "family": who.family.latin[0]}
    else:
        name = {"given": who.given.native, "family": who.family.native}
    born = who.birth_date.isoformat() if birth == "full" else str(who.birth_date.year)
    return {
        "names": [name],
        "gender": who.gender.value,
        "birth_date": born,
        "nationalities": [who.nationality],
        "role": "suspect",
    }


def shared_person(
    owner: str,
    facts: dict[str, Any],
    *,
    record_id: str | None = None,
    code: HandlingCode = HandlingCode.H0,
    hit_countries: list[str] | None = None,
    detail_countries: list[str] | None = None,
    version: int = 1,
) -> SharedRecord:
    return SharedRecord(
        owner=owner,
        record_id=uuid.UUID(record_id) if record_id else uuid.uuid4(),
        kind="person",
        facts=facts,
        handling_code=code,
        handling_text="ask the owner first" if code == HandlingCode.H3 else None,
        reliability="B",
        assessment="2",
        version=version,
        dissemination=Dissemination(
            hit_countries=hit_countries, detail_countries=detail_countries or []
        ),
    )


def report_draft(*records: SharedRecord) -> Draft:
    return Draft(kind=Kind.REPORT, recipients=["GS"], body=Body(records=list(records)))
