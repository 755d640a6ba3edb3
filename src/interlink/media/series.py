"""Series and victims, and the safeguarding reasons a case's media give.

A series record says where the material was produced and whether its victim is identified
(by which agency, when). Every case known to hold a series is linked to it — this node's
cases and, as the Secretariat reports them, other countries'. A case that holds a series
whose victim is not identified, or files that match no known hash (possibly new material:
a child who may still be abused), comes first in the safeguarding queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection

from interlink import records
from interlink.access import audit
from interlink.access.roles import Actor, Capability
from interlink.domain.codes import CasePriority
from interlink.media.hashsets import require
from interlink.node import Node
from interlink.records.errors import Invalid, NotFound
from interlink.store import media as store
from interlink.store.db import reading, transaction

RECORD_KIND = "media_series"


def _reasons(conn: Connection, case_ids: list[str]) -> dict[str, list[str]]:
    held = store.series_of_cases(conn, case_ids)
    names = sorted({name for names in held.values() for name in names})
    known = {s.name: s for s in store.list_series(conn, names)} if names else {}
    unmatched = store.unmatched_of_cases(conn, case_ids)
    reasons: dict[str, list[str]] = {}
    for case_id in case_ids:
        found: list[str] = []
        for name in held.get(case_id, []):
            record = known.get(name)
            if record is None or not record.victim_identified:
                found.append(f"series {name}: victim not identified")
        count = unmatched.get(case_id, 0)
        if count:
            plural = "s match" if count != 1 else " matches"
            found.append(f"{count} file{plural} no known hash (possible new material)")
        if found:
            reasons[case_id] = found
    return reasons


def safeguarding_reasons(
    conn_or_node: Connection | Node, case_ids: list[str]
) -> dict[str, list[str]]:
    """Why each case must come first, for the cases that have a reason (ids only; not audited:
    the caller has read the cases). Reasons are short English sentences naming the series."""
    ids = [str(c) for c in case_ids]
    if isinstance(conn_or_node, Node):
        with reading(conn_or_node.engine) as conn:
            return _reasons(conn, ids)
    return _reasons(conn_or_node, ids)


def apply_priority(node: Node, actor: Actor, case_id: str) -> list[str]:
    """Raise the case to urgent (a child involved) when it has a safeguarding reason."""
    reasons = safeguarding_reasons(node, [case_id]).get(case_id, [])
    if not reasons:
        return []
    case = records.read(node, actor, case_id, kind="case", purpose="media safeguarding")
    facts: Any = case.facts
    if facts.priority != CasePriority.URGENT or not facts.child_involved:
        records.update(
            node,
            actor,
            case_id,
            kind="case",
            changes={"priority": CasePriority.URGENT.value, "child_involved": True},
        )
    return reasons


@dataclass(frozen=True)
class SeriesView:
    series: store.Series
    cases: list[tuple[str, str, datetime]]  # (node, case id, first seen)

    @property
    def countries(self) -> list[str]:
        return sorted({n for n, _, _ in self.cases})


def list_series(node: Node, actor: Actor) -> list[tuple[store.Series, int, int]]:
    """Every series with the number of cases and of countries holding it."""
    require(actor, Capability.MEDIA_VIEW, "see series")
    with reading(node.engine) as conn:
        result = []
        for record in store.list_series(conn):
            cases = store.series_cases(conn, record.name)
            result.append((record, len(cases), len({n for n, _, _ in cases})))
    return result


def get_series(node: Node, actor: Actor, name: str) -> SeriesView:
    require(actor, Capability.MEDIA_VIEW, "see series")
    with reading(node.engine) as conn:
        record = store.get_series(conn, name)
        if record is None:
            raise NotFound(f"no series '{name}'")
        return SeriesView(record, store.series_cases(conn, name))


def update_series(
    node: Node,
    actor: Actor,
    name: str,
    *,
    production_country: str | None = None,
    victim_identified: bool | None = None,
    identified_by: str | None = None,
    identified_on: date | None = None,
) -> store.Series:
    """Create or correct a series record; audited (names of series are not personal data)."""
    require(actor, Capability.MEDIA_SERIES, "change series records")
    changes = _series_changes(
        name, production_country, victim_identified, identified_by, identified_on
    )
    with transaction(node.engine) as conn:
        store.put_series(
            conn, {**changes, "updated_at": datetime.now(UTC), "updated_by": actor.username}
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "media_series_update",
            record_kind=RECORD_KIND,
            details={"fields": sorted(k for k in changes if k != "name")},
        )
        record = store.get_series(conn, changes["name"])
    assert record is not None
    return record


def _series_changes(
    name: str,
    production_country: str | None,
    victim_identified: bool | None,
    identified_by: str | None,
    identified_on: date | None,
) -> dict[str, Any]:
    clean = name.strip()
    if not clean or len(clean) > 200:
        raise Invalid("name: give the series name (1 to 200 characters)", field="name")
    changes: dict[str, Any] = {"name": clean}
    if production_country is not None:
        country = production_country.strip().upper()
        if len(country) != 2 or not country.isalpha() or not country.isascii():
            raise Invalid(
                "production_country: an ISO 3166-1 alpha-2 code, like UA",
                field="production_country",
            )
        changes["production_country"] = country
    if victim_identified is not None:
        changes["victim_identified"] = victim_identified
    if identified_by is not None:
        agency = identified_by.strip()
        if len(agency) > 200:
            raise Invalid("identified_by: at most 200 characters", field="identified_by")
        changes["identified_by"] = agency or None
    if identified_on is not None:
        if identified_on > datetime.now(UTC).date():
            raise Invalid("identified_on: in the future", field="identified_on")
        changes["identified_on"] = identified_on
    return changes
