"""Events on a timeline: the marriages, border crossings and incidents linked to a record,
in the order of their (partial) dates.

The events are the linked records ``links.linked`` already found readable (and audited);
this module only reads their dates and sorts them. A partial date sorts by its first day
(``1974`` before ``1974-03``); undated events come last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from interlink.domain import model
from interlink.domain.values import partial_date_bounds
from interlink.node import Node
from interlink.store import records as store
from interlink.store.db import reading
from interlink.web import links
from interlink.web.i18n import _

EVENT_KINDS = frozenset(links.EVENT_KINDS)


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    when: str | None  # as entered: YYYY, YYYY-MM or YYYY-MM-DD (or a period "start – end")
    what: str  # a short description: kind and details (personal data: shown, never logged)
    relation: str  # how the record takes part, e.g. "victims", "spouses"
    evaluation: str
    handling_code: str
    sort_key: tuple[int, date, str]

    @property
    def href(self) -> str:
        return links.href(self.kind, self.id)


def _period(facts: model.Facts) -> tuple[str | None, str | None]:
    if isinstance(facts, model.ExploitationIncident):
        return facts.start, facts.end
    return getattr(facts, "date", None), None


def _what(facts: model.Facts) -> str:
    if isinstance(facts, model.BorderCrossing):
        parts = [facts.direction.value, facts.country, facts.crossing_point, facts.outcome.value]
        return _(
            "Border crossing: %(details)s",
            details=", ".join(p.replace("_", " ") for p in parts if p),
        )
    if isinstance(facts, model.Marriage):
        parts = [facts.place, facts.country, facts.status.value]
        return _(
            "Marriage: %(details)s", details=", ".join(p.replace("_", " ") for p in parts if p)
        )
    if isinstance(facts, model.ExploitationIncident):
        parts = [facts.place, facts.country, *[f.value for f in facts.forms]]
        return _(
            "Exploitation incident: %(details)s",
            details=", ".join(p.replace("_", " ") for p in parts if p) or "—",
        )
    return links.label_of(type(facts).kind, facts)  # type: ignore[attr-defined]


def events(node: Node, rows: list[links.Linked]) -> list[Event]:
    """The linked events among ``rows`` (already checked readable), sorted by date."""
    wanted = [r for r in rows if r.kind in EVENT_KINDS]
    if not wanted:
        return []
    with reading(node.engine) as conn:
        stored = {r.id: r for r in store.get_many(conn, list(dict.fromkeys(r.id for r in wanted)))}
    out: dict[str, Event] = {}
    for row in wanted:
        rec = stored.get(row.id)
        if rec is None or row.id in out:
            continue
        start, end = _period(rec.facts)
        when = f"{start} – {end}" if start and end else start
        first = partial_date_bounds(start)[0] if start else date.max
        out[row.id] = Event(
            id=row.id,
            kind=row.kind,
            when=when,
            what=_what(rec.facts),
            relation=row.relation,
            evaluation=row.evaluation,
            handling_code=row.handling_code,
            sort_key=(0 if start else 1, first, row.id),
        )
    return sorted(out.values(), key=lambda e: e.sort_key)
