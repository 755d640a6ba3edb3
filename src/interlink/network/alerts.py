"""Pattern alerts: found by the node, stored, reviewed by people.

A full run examines every record; the incremental update examines only the groups the
records changed since the last update could belong to (``refresh``, called before alerts
are shown and by ``interlink network alerts run --changed``). An alert is open until
someone dismisses it with a reason (kept, with who and when) or a later run no longer finds
the pattern (resolved); a dismissed alert opens again only if new records join it.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine

from interlink.network.patterns import (
    BY_NAME,
    PATTERNS,
    Pattern,
    Result,
    document_series,
    majority_unit,
)
from interlink.store import network as store
from interlink.store.db import transaction

log = logging.getLogger(__name__)

STATE = "alerts"  # where the incremental update stopped (network_state)
SLACK = timedelta(seconds=5)  # a write that committed late is still seen on the next update
MAX_INCREMENTAL = 10_000  # more changed records than this (a bulk import): a full run


@dataclass(frozen=True)
class RunReport:
    opened: int
    reopened: int
    resolved: int
    examined: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "opened": self.opened,
            "reopened": self.reopened,
            "resolved": self.resolved,
            "examined": self.examined,
            "seconds": round(self.seconds, 3),
        }


def effective_settings(conn: Connection) -> dict[str, tuple[bool, dict[str, Any]]]:
    """Each pattern's switch and thresholds: the defaults, overridden by what was saved."""
    saved = store.pattern_settings(conn)
    out: dict[str, tuple[bool, dict[str, Any]]] = {}
    for p in PATTERNS:
        enabled, params = saved.get(p.name, (True, {}))
        out[p.name] = (
            enabled,
            {**p.defaults, **{k: v for k, v in params.items() if k in p.defaults}},
        )
    return out


def _apply(
    conn: Connection, pattern: Pattern, result: Result, full: bool, now: datetime
) -> tuple[int, int, int]:
    found = {f.key: f for f in result.found}
    if full:
        existing = store.alerts_for_keys(conn, pattern.name, sorted(found))
        existing.update(store.open_alerts_of(conn, pattern.name))
    else:
        existing = store.alerts_for_keys(conn, pattern.name, sorted(set(found) | result.examined))
    units = store.kinds_of(conn, sorted({i for f in result.found for i in f.record_ids}))
    opened = reopened = resolved = 0
    for key, f in found.items():
        unit = majority_unit(units[i][1] for i in f.record_ids if i in units)
        if unit is None:
            continue
        alert = existing.get(key)
        if alert is None:
            store.insert_alert(conn, pattern.name, key, unit, f.record_ids, f.details, now)
            opened += 1
        elif alert.status == "open":
            if alert.record_ids != f.record_ids or alert.details != f.details:
                store.update_alert(conn, alert.id, now, record_ids=f.record_ids, details=f.details)
        elif alert.status == "resolved" or set(f.record_ids) - set(alert.record_ids):
            if alert.status == "dismissed":
                new = len(set(f.record_ids) - set(alert.record_ids))
                store.add_review(
                    conn, alert.id, "reopened", f"{new} new record(s) joined", "system", now
                )
            store.update_alert(
                conn,
                alert.id,
                now,
                status="open",
                owning_unit=unit,
                record_ids=f.record_ids,
                details=f.details,
            )
            reopened += 1
    for key, alert in existing.items():
        if key not in found and alert.status == "open":
            store.update_alert(conn, alert.id, now, status="resolved")
            resolved += 1
    return opened, reopened, resolved


def _save_state(conn: Connection, full: datetime, mark: datetime, seen: list[str]) -> None:
    value = {"full": full.isoformat(), "mark": mark.isoformat(), "seen": sorted(seen)}
    store.set_state(conn, STATE, json.dumps(value))


def run(conn: Connection, scope: set[str] | None = None) -> RunReport:
    """Every enabled pattern over everything (``scope=None``) or around these records."""
    started = time.perf_counter()
    now = datetime.now(UTC)
    settings = effective_settings(conn)
    opened = reopened = resolved = examined = 0
    mark = store.latest_change(conn) if scope is None else None
    if scope is not None:  # an open alert naming a changed record is checked again whole
        scope = set(scope) | {
            i for a in store.open_alerts_naming(conn, scope) for i in a.record_ids
        }
    for pattern in PATTERNS:
        enabled, params = settings[pattern.name]
        if not enabled:
            continue
        result = pattern.find(conn, params, scope)
        o, r, s = _apply(conn, pattern, result, scope is None, now)
        opened, reopened, resolved = opened + o, reopened + r, resolved + s
        examined += len(result.examined) if scope is not None else len(result.found)
    if mark is not None:  # everything changed until the mark is done
        _save_state(conn, mark, mark, [])
    return RunReport(opened, reopened, resolved, examined, time.perf_counter() - started)


def refresh(conn: Connection) -> RunReport:
    """The incremental update: the patterns around every record changed since the last one.

    Changes are found by their time (``updated_at``), looking back a few seconds for a write
    that committed after a later one; the changes already done in that window (id and time:
    a record changed twice within it is examined twice) are remembered so that each change
    is examined once. Persons decided the same, or no longer, are changes too. Records
    changed by a bulk import are many: then the patterns run in full."""
    raw = store.get_state(conn, STATE)
    if raw is None:
        return run(conn)
    state = json.loads(raw)
    full = datetime.fromisoformat(state["full"])
    mark = datetime.fromisoformat(state["mark"])
    seen = set(state["seen"])
    since = max(mark - SLACK, full)
    rows = store.changed_since(conn, since, MAX_INCREMENTAL + len(seen) + 1)
    rows += store.decided_since(conn, since)
    todo = [(rid, at) for rid, at in rows if _change(rid, at) not in seen]
    if not todo:
        return RunReport(0, 0, 0, 0, 0.0)
    if len(todo) > MAX_INCREMENTAL:
        return run(conn)
    report = run(conn, {rid for rid, _ in todo})
    new_mark = max(mark, max(at for _, at in rows))
    window = new_mark - SLACK
    keep = [_change(rid, at) for rid, at in rows if at > window]
    _save_state(conn, full, new_mark, keep)
    return report


def _change(record_id: str, at: datetime) -> str:
    return f"{record_id}@{_utc(at).isoformat()}"


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def after_change(engine: Engine) -> RunReport | None:
    """Bring alerts up to date right after records changed and committed (the record
    service and the importer call this), so that an alert is raised without anyone opening
    the alert pages. The change is committed already: if the update fails (two updates at
    once raising the same alert), it is logged and the next update catches up, since it
    works from the change times, not from this call."""
    try:
        with transaction(engine) as conn:
            return refresh(conn)
    except Exception as exc:  # never undo or hide the committed change
        # the type only: a database error's text may hold the values of a record
        log.warning("network alerts: update after a change failed (%s)", type(exc).__name__)
        return None


ERASED = "erased:"  # the key of an alert whose record was erased: no value stays in it


def forget_record(conn: Connection, record_id: str) -> int:
    """Before a record is erased (in the erasure's transaction): every alert that names it,
    or whose key holds one of its identifiers (a phone, a document number or its series),
    is re-keyed ``erased:<alert id>``, loses the record from its records and explanation, and
    is resolved if it was open; its review history is kept, with a line saying why. A later
    run raises a new alert if the others still form the pattern. Returns how many."""
    keys = set()
    for kind, value, _ in store.keys_of(conn, [record_id]):
        keys.add(f"{kind}:{value}")
        if kind == "document":
            # every series it is in, whatever the pattern's configured number of digits
            keys |= {f"series:{s}" for d in range(1, 10) if (s := document_series(value, d))}
    hit = {a.id: a for a in store.alerts_naming(conn, {record_id})}
    for pattern in PATTERNS:
        hit.update(
            {a.id: a for a in store.alerts_for_keys(conn, pattern.name, sorted(keys)).values()}
        )
    now = datetime.now(UTC)
    for alert in hit.values():
        details = {
            k: ([x for x in v if x != record_id] if isinstance(v, list) else v)
            for k, v in alert.details.items()
            if v != record_id
        }
        store.update_alert(
            conn,
            alert.id,
            now,
            key=ERASED + alert.id,
            status="resolved" if alert.status == "open" else alert.status,
            record_ids=[i for i in alert.record_ids if i != record_id],
            details=details,
        )
        store.add_review(conn, alert.id, "erased", "a record it named was erased", "system", now)
    return len(hit)


def validate_params(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Thresholds a person typed, checked against the pattern's declared ones."""
    pattern = BY_NAME.get(name)
    if pattern is None:
        raise ValueError(f"pattern: no pattern '{name}' ({', '.join(BY_NAME)})")
    clean: dict[str, Any] = {}
    for key, value in params.items():
        if key not in pattern.defaults:
            raise ValueError(f"{key}: not a setting of {name} ({', '.join(pattern.defaults)})")
        default = pattern.defaults[key]
        if isinstance(default, list):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{key}: a list of codes")
        elif not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 1000:
            raise ValueError(f"{key}: a whole number from 1 to 1000")
        clean[key] = value
    return clean
