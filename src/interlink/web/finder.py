"""The search behind the search page, in one function so that the ranked identity search
(``interlink.identity``, band, score and reasons) can take its place without touching the
pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interlink import records
from interlink.access.roles import Actor
from interlink.domain import registry
from interlink.node import Node
from interlink.records.errors import Invalid

PHONE = re.compile(r"^\+?[\d\s().-]{6,}$")


@dataclass(frozen=True)
class Hit:
    id: str
    kind: str
    label: str  # personal data: shown, never logged
    owning_unit: str
    evaluation: str
    handling_code: str
    band: str | None = None
    score: float | None = None
    reasons: tuple[str, ...] = ()


def interpret(text: str) -> records.SearchQuery:
    """One box, three meanings: a phone number, a document number, or else a name."""
    text = text.strip()
    if not text:
        raise Invalid("q: type a name, a document number or a phone number", field="q")
    if PHONE.match(text) and sum(c.isdigit() for c in text) >= 6:
        return records.SearchQuery(kind="person", phone=text)
    if not any(c.isspace() for c in text) and any(c.isdigit() for c in text):
        return records.SearchQuery(kind="person", document_number=text)
    return records.SearchQuery(kind="person", name=text, prefix=True)


def find(node: Node, actor: Actor, text: str, *, purpose: str, limit: int = 50) -> list[Hit]:
    """Persons the actor may see that match ``text``; the search and its purpose are audited."""
    found = records.search(node, actor, interpret(text), purpose=purpose, limit=limit)
    return [
        Hit(
            id=r.id,
            kind=r.kind,
            label=registry.label(r.facts),
            owning_unit=r.provenance.owning_unit,
            evaluation=r.provenance.evaluation,
            handling_code=r.provenance.handling_code.value,
        )
        for r in found
    ]
