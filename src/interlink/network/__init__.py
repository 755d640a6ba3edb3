"""Networks and patterns: the link graph a reader may see, its analysis, and pattern alerts.

The service surface the API, the web pages and the CLI call. Every read of a graph goes
through the access policy (the same SQL filter as a record search) and writes one audit
entry with the ids of the records it returned and counts, never names or values.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Action, Actor, Capability
from interlink.network import alerts as _alerts
from interlink.network.analysis import KeyPlayer, communities, key_players, timeline
from interlink.network.export import csv_zip, entities_csv, graphml, links_csv, svg
from interlink.network.graph import (
    NODE_KINDS,
    Filters,
    Graph,
    component,
    neighbourhood,
    shortest_path,
    split_key,
    step,
)
from interlink.network.patterns import BY_NAME as PATTERNS_BY_NAME
from interlink.network.patterns import PATTERNS, explain
from interlink.network.protected import mask_graph, masking_key
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.records.service import access_clauses
from interlink.store import network as store
from interlink.store.db import transaction
from interlink.store.records import visibility

MAX_DEPTH = 4
MAX_PAGE = 500


def _visible(actor: Actor) -> ColumnElement[bool]:
    clauses = access_clauses(actor, Action.READ)
    if not clauses:
        raise Forbidden("your role may not read records, so it has no network to see")
    return visibility(clauses)


def check_node_id(text: str, field: str = "node") -> str:
    """A record id (UUID) or a shared identifier's node id (key:<kind>:<value>)."""
    if split_key(text) is not None:
        return text
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise Invalid(
            f"{field}: give a record id (UUID) or an identifier node (key:<kind>:<value>)",
            field=field,
        ) from None


def check_filters(
    kinds: list[str] | None = None,
    countries: list[str] | None = None,
    categories: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Filters:
    """Filters from what a person typed; a bad value names its field."""
    from interlink.domain.codes import ActivityCategory

    bad = sorted(set(kinds or []) - NODE_KINDS)
    if bad:
        raise Invalid(f"kinds: unknown kind '{bad[0]}' ({', '.join(sorted(NODE_KINDS))})", "kinds")
    cats = {c.value for c in ActivityCategory}
    bad = sorted(set(categories or []) - cats)
    if bad:
        raise Invalid(f"categories: unknown category '{bad[0]}'", field="categories")
    for c in countries or []:
        if len(c) != 2 or not c.isalpha() or not c.isupper():
            raise Invalid(f"countries: '{c}' is not an ISO 3166 alpha-2 code", field="countries")
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not _is_partial_date(value):
            raise Invalid(f"{name}: write YYYY, YYYY-MM or YYYY-MM-DD", field=name)
    return Filters(
        kinds=frozenset(kinds or []),
        countries=frozenset(countries or []),
        categories=frozenset(categories or []),
        date_from=date_from or None,
        date_to=date_to or None,
    )


def _is_partial_date(text: str) -> bool:
    from interlink.domain.values import parse_partial_date

    try:
        parse_partial_date(text)
    except ValueError:
        return False
    return True


def _audit_graph(
    conn: Connection,
    node: Node,
    actor: Actor,
    query: str,
    graph: Graph,
    purpose: str | None,
    **details: Any,
) -> None:
    # Every graph read passes here before it is returned: a victim's contact details are
    # masked in it (issue 7, network/protected.py).
    secret = node.audit_key  # read from its file: once for both uses
    mask_graph(conn, graph, masking_key(secret))
    audit.write(
        conn,
        secret,
        actor,
        "network",
        purpose=purpose,
        details={
            "query": query,
            **details,
            "returned": graph.record_ids(),
            "nodes": len(graph.nodes),
            "edges": len(graph.edges),
        },
    )


def _start_id(node_id: str) -> str | None:
    """The record id of a start node, for the audit entry (identifier values never are)."""
    return node_id if split_key(node_id) is None else None


def get_neighbourhood(
    node: Node,
    actor: Actor,
    start: str,
    *,
    depth: int = 2,
    filters: Filters = Filters(),
    purpose: str | None = None,
    max_nodes: int = 2000,
) -> Graph:
    """Everything within ``depth`` hops of a record or identifier that the reader may see."""
    start = check_node_id(start, "start")
    if not 1 <= depth <= MAX_DEPTH:
        raise Invalid(f"depth: from 1 to {MAX_DEPTH}", field="depth")
    visible = _visible(actor)
    with transaction(node.engine) as conn:
        graph = neighbourhood(conn, visible, start, depth, filters, max_nodes=max_nodes)
        if not graph.nodes:
            raise NotFound(f"no record {start}" if _start_id(start) else "no such identifier")
        _audit_graph(
            conn, node, actor, "neighbourhood", graph, purpose, depth=depth, start=_start_id(start)
        )
    return graph


def expand(
    node: Node,
    actor: Actor,
    node_ids: list[str],
    *,
    filters: Filters = Filters(),
    purpose: str | None = None,
) -> Graph:
    """The neighbours of these nodes (one hop), for a chart the reader is growing."""
    ids = [check_node_id(n, "nodes") for n in node_ids][:200]
    if not ids:
        raise Invalid("nodes: give at least one node to expand", field="nodes")
    visible = _visible(actor)
    with transaction(node.engine) as conn:
        from interlink.network.graph import start_nodes

        graph = Graph(nodes=start_nodes(conn, visible, ids))
        found = step(conn, visible, set(graph.nodes))
        for nid, n in found.nodes.items():
            if nid not in graph.nodes and filters.admits(n):
                graph.nodes[nid] = n
        for nid in found.truncated:
            if nid in graph.nodes:
                graph.nodes[nid].truncated = True
        for e in found.edges:
            graph.add_edge(e)
        _audit_graph(conn, node, actor, "expand", graph, purpose, expanded=len(ids))
    return graph


def subgraph(node: Node, actor: Actor, node_ids: list[str], *, purpose: str | None = None) -> Graph:
    """The graph on exactly these nodes (those the reader may still see) and the edges among
    them: what a chart shows after expanding and collapsing, for its export."""
    ids = sorted({check_node_id(n, "nodes") for n in node_ids})
    if not ids:
        raise Invalid("nodes: give at least one node", field="nodes")
    if len(ids) > 5000:
        raise Invalid("nodes: at most 5000", field="nodes")
    visible = _visible(actor)
    with transaction(node.engine) as conn:
        from interlink.network.graph import start_nodes

        graph = Graph(nodes=start_nodes(conn, visible, ids))
        for e in step(conn, visible, set(graph.nodes), per_node=10_000).edges:
            graph.add_edge(e)
        _audit_graph(conn, node, actor, "chart", graph, purpose)
    return graph


def get_path(
    node: Node,
    actor: Actor,
    source: str,
    target: str,
    *,
    max_depth: int = 6,
    purpose: str | None = None,
) -> Graph:
    """A shortest chain between two records through what the reader may see (may be empty)."""
    source, target = check_node_id(source, "source"), check_node_id(target, "target")
    if not 1 <= max_depth <= 10:
        raise Invalid("max_depth: from 1 to 10", field="max_depth")
    visible = _visible(actor)
    with transaction(node.engine) as conn:
        graph = shortest_path(conn, visible, source, target, max_depth=max_depth)
        _audit_graph(conn, node, actor, "path", graph, purpose, found=bool(graph.nodes))
    return graph


@dataclass(frozen=True)
class NetworkReport:
    graph: Graph
    communities: list[list[str]]
    key_players: list[KeyPlayer]
    timeline: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.graph.as_dict(),
            "communities": self.communities,
            "key_players": [k.as_dict() for k in self.key_players],
            "timeline": self.timeline,
        }


def get_network(
    node: Node,
    actor: Actor,
    start: str,
    *,
    weak: bool = False,
    max_nodes: int = 500,
    purpose: str | None = None,
) -> NetworkReport:
    """The network a record belongs to (connected over strong links, or every link with
    ``weak``), its Louvain communities, key players and events on a timeline."""
    start = check_node_id(start, "start")
    visible = _visible(actor)
    with transaction(node.engine) as conn:
        graph = component(conn, visible, start, weak_keys=weak, max_nodes=max_nodes)
        if not graph.nodes:
            raise NotFound(f"no record {start}")
        _audit_graph(conn, node, actor, "network", graph, purpose, start=_start_id(start))
    return NetworkReport(graph, communities(graph), key_players(graph), timeline(graph))


def analyse(graph: Graph) -> NetworkReport:
    """Communities, key players and timeline of a graph already read (and audited)."""
    return NetworkReport(graph, communities(graph), key_players(graph), timeline(graph))


# -- alerts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alert:
    id: str
    pattern: str
    title: str
    explanation: str
    status: str
    owning_unit: str
    record_ids: list[str]
    details: dict[str, Any]
    first_seen: datetime
    updated_at: datetime
    reviews: list[tuple[str, str, str, datetime]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "pattern": self.pattern,
            "title": self.title,
            "explanation": self.explanation,
            "status": self.status,
            "owning_unit": self.owning_unit,
            "record_ids": self.record_ids,
            "details": self.details,
            "first_seen": self.first_seen.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "reviews": [
                {"action": a, "reason": r, "by": b, "at": t.isoformat()}
                for a, r, b, t in self.reviews
            ],
        }


def _alert(conn: Connection, row: store.AlertRow, with_reviews: bool = False) -> Alert:
    pattern = PATTERNS_BY_NAME.get(row.pattern)
    return Alert(
        id=row.id,
        pattern=row.pattern,
        title=pattern.title if pattern else row.pattern,
        explanation=explain(row.pattern, row.details),
        status=row.status,
        owning_unit=row.owning_unit,
        record_ids=row.record_ids,
        details=row.details,
        first_seen=row.first_seen,
        updated_at=row.updated_at,
        reviews=store.reviews_of(conn, row.id) if with_reviews else [],
    )


def _may_see(
    conn: Connection, actor: Actor, visible: ColumnElement[bool], row: store.AlertRow
) -> bool:
    """An alert is its unit's, and shown only to whoever may see every record it names
    (records erased since are left out): it never reveals a record the reader could not open."""
    if actor.unit != row.owning_unit:
        return False
    existing = set(store.facts_of(conn, row.record_ids))
    if not existing:
        return False
    return store.visible_ids(conn, sorted(existing), visible) == existing


def refresh_alerts(node: Node) -> _alerts.RunReport:
    """The incremental update (records changed since the last one); cheap when none did."""
    with transaction(node.engine) as conn:
        return _alerts.refresh(conn)


def list_alerts(
    node: Node,
    actor: Actor,
    *,
    status: str = "open",
    pattern: str | None = None,
    limit: int = 100,
    purpose: str | None = None,
) -> list[Alert]:
    """The alerts of the actor's unit they may see, newest first (brought up to date first)."""
    statuses = {"open": ["open"], "dismissed": ["dismissed"], "resolved": ["resolved"]}.get(
        status, ["open", "dismissed", "resolved"] if status == "all" else None
    )
    if statuses is None:
        raise Invalid("status: open, dismissed, resolved or all", field="status")
    if pattern and pattern not in PATTERNS_BY_NAME:
        raise Invalid(f"pattern: no pattern '{pattern}'", field="pattern")
    limit = max(1, min(limit, MAX_PAGE))
    visible = _visible(actor)
    refresh_alerts(node)
    with transaction(node.engine) as conn:
        rows = store.list_alerts(conn, actor.unit, statuses, pattern, limit=limit * 4)
        shown = [_alert(conn, r) for r in rows if _may_see(conn, actor, visible, r)][:limit]
        audit.write(
            conn,
            node.audit_key,
            actor,
            "network_alerts",
            purpose=purpose,
            details={
                "status": status,
                "returned": [a.id for a in shown],
                "records": len({i for a in shown for i in a.record_ids}),
            },
        )
    return shown


def get_alert(node: Node, actor: Actor, alert_id: str, *, purpose: str | None = None) -> Alert:
    alert_id = _alert_id(alert_id)
    visible = _visible(actor)
    with transaction(node.engine) as conn:
        row = store.get_alert(conn, alert_id)
        if row is None or not _may_see(conn, actor, visible, row):
            raise NotFound(f"no alert {alert_id}")
        alert = _alert(conn, row, with_reviews=True)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "network_alert",
            purpose=purpose,
            details={"alert": alert_id, "returned": row.record_ids},
        )
    return alert


def _alert_id(text: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise NotFound(f"no alert {text}") from None


def dismiss_alert(node: Node, actor: Actor, alert_id: str, reason: str) -> Alert:
    """Close an alert after review; the reason is required and kept with who and when."""
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise Invalid("reason: say why the alert is dismissed (at least 5 characters)", "reason")
    if len(reason) > 2000:
        raise Invalid("reason: at most 2000 characters", field="reason")
    alert_id = _alert_id(alert_id)
    visible = _visible(actor)
    now = datetime.now(UTC)
    with transaction(node.engine) as conn:
        row = store.get_alert(conn, alert_id)
        if row is None or not _may_see(conn, actor, visible, row):
            raise NotFound(f"no alert {alert_id}")
        if row.status != "open":
            raise Invalid(f"status: the alert is {row.status}, not open", field="status")
        store.update_alert(conn, alert_id, now, status="dismissed")
        store.add_review(conn, alert_id, "dismissed", reason, actor.username, now)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "network_alert_dismiss",
            details={"alert": alert_id, "records": len(row.record_ids)},
        )
        row = store.get_alert(conn, alert_id)
        assert row is not None
        return _alert(conn, row, with_reviews=True)


def run_alerts(node: Node, actor: Actor, *, changed_only: bool = False) -> _alerts.RunReport:
    """Recompute every alert from scratch (or only around changed records)."""
    if not changed_only and not has_capability(actor, Capability.NETWORK_ALERTS_MANAGE):
        raise Forbidden("your role may not recompute every alert")
    with transaction(node.engine) as conn:
        report = _alerts.refresh(conn) if changed_only else _alerts.run(conn)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "network_alerts_run",
            details={"changed_only": changed_only, **report.as_dict()},
        )
    return report


def pattern_settings(node: Node) -> dict[str, tuple[bool, dict[str, Any]]]:
    with transaction(node.engine) as conn:
        return _alerts.effective_settings(conn)


def set_pattern(
    node: Node,
    actor: Actor,
    name: str,
    *,
    enabled: bool | None = None,
    params: dict[str, Any] | None = None,
) -> tuple[bool, dict[str, Any]]:
    """Switch a pattern on or off and change its thresholds (the next run uses them)."""
    if not has_capability(actor, Capability.NETWORK_ALERTS_MANAGE):
        raise Forbidden("your role may not change the alert thresholds")
    try:
        clean = _alerts.validate_params(name, params or {})
    except ValueError as exc:
        field = str(exc).split(":", 1)[0]
        raise Invalid(str(exc), field=field) from None
    with transaction(node.engine) as conn:
        current_enabled, current = _alerts.effective_settings(conn)[name]
        new_enabled = current_enabled if enabled is None else enabled
        new_params = {**current, **clean}
        store.save_pattern_settings(
            conn, name, new_enabled, new_params, actor.username, datetime.now(UTC)
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "network_pattern_settings",
            details={
                "pattern": name,
                "fields": sorted(clean) + (["enabled"] if enabled is not None else []),
            },
        )
    return new_enabled, new_params


__all__ = [
    "MAX_DEPTH",
    "MAX_PAGE",
    "PATTERNS",
    "PATTERNS_BY_NAME",
    "Alert",
    "Filters",
    "Graph",
    "KeyPlayer",
    "NetworkReport",
    "analyse",
    "check_filters",
    "check_node_id",
    "csv_zip",
    "dismiss_alert",
    "entities_csv",
    "expand",
    "get_alert",
    "get_neighbourhood",
    "get_network",
    "get_path",
    "graphml",
    "links_csv",
    "list_alerts",
    "pattern_settings",
    "refresh_alerts",
    "run_alerts",
    "set_pattern",
    "subgraph",
    "svg",
]
