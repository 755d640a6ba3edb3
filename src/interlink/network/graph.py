"""The link graph as a reader may see it: nodes, edges, and how to walk them.

A node is a record (person, organization, document, address, phone, handle, marriage,
crossing, incident) or a shared identifier (a document number, phone, e-mail, address or
photo several records are reported with). An edge is a reference between two records (a
marriage's spouse, an incident's victim), a Link record (drawn as one edge between its two
ends) or a record's identifier. Everything is read through ``store.network`` with the
reader's visibility condition, so what they may not see is absent, not blank.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection

from interlink.store import network as store

EVENT_KINDS = frozenset({"marriage", "crossing", "incident"})
RECORD_KINDS = frozenset(
    {"person", "organization", "document", "address", "phone", "handle"} | EVENT_KINDS
)
IDENTIFIER_KINDS = frozenset(store.KEY_KINDS)
NODE_KINDS = RECORD_KINDS | {"email", "photo", "registration"}
KEY_PREFIX = "key:"  # node ids of identifiers: key:<kind>:<normalized value>


def key_id(kind: str, value: str) -> str:
    return f"{KEY_PREFIX}{kind}:{value}"


def split_key(node_id: str) -> tuple[str, str] | None:
    if not node_id.startswith(KEY_PREFIX):
        return None
    kind, _, value = node_id[len(KEY_PREFIX) :].partition(":")
    return (kind, value) if kind in IDENTIFIER_KINDS and value else None


@dataclass
class Node:
    id: str
    kind: str
    label: str
    record: bool  # a record (it can be opened) or a shared identifier
    countries: list[str] = field(default_factory=list)
    date: str | None = None
    categories: list[str] = field(default_factory=list)
    role: str | None = None
    owning_unit: str | None = None
    truncated: bool = False  # more neighbours than the limit: not all are shown

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "record": self.record,
            "countries": self.countries,
            "date": self.date,
            "categories": self.categories,
            "role": self.role,
            "truncated": self.truncated,
        }


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # the field (spouses, victims…), the link's role, or 'identifier'
    record: str | None = None  # the Link record drawn as this edge
    date: str | None = None

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        a, b = sorted((self.source, self.target))
        return (a, b, self.kind, self.record)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": "|".join(x or "" for x in self.key),
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "record": self.record,
            "date": self.date,
        }


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str, str | None], Edge] = field(default_factory=dict)

    def add_edge(self, edge: Edge) -> None:
        if edge.source in self.nodes and edge.target in self.nodes:
            self.edges.setdefault(edge.key, edge)

    def record_ids(self) -> list[str]:
        return sorted(n.id for n in self.nodes.values() if n.record)

    def adjacency(self) -> dict[str, set[str]]:
        adj: dict[str, set[str]] = {n: set() for n in self.nodes}
        for e in self.edges.values():
            adj[e.source].add(e.target)
            adj[e.target].add(e.source)
        return adj

    def as_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.as_dict() for n in sorted(self.nodes.values(), key=lambda n: n.id)],
            "edges": [e.as_dict() for e in sorted(self.edges.values(), key=lambda e: e.key)],
        }


# -- what a node shows ---------------------------------------------------------------------


def _first(values: Iterable[Any]) -> str | None:
    for v in values:
        if v:
            return str(v)
    return None


def describe(record_id: str, kind: str, facts: dict[str, Any], unit: str | None = None) -> Node:
    """A record as a node: a short label, its countries, date and categories. The label is
    personal data: it goes to the reader, never to a log."""
    label: str | None = None
    countries: list[str] = []
    date: str | None = None
    if kind == "person":
        label = _first(n.get("full") for n in facts.get("names", []))
        countries = list(facts.get("nationalities") or [])
        if facts.get("birth_country") and facts["birth_country"] not in countries:
            countries.append(facts["birth_country"])
    elif kind == "organization":
        label = _first(facts.get("names", []))
        countries = [facts["country"]] if facts.get("country") else []
    elif kind == "document":
        label = f"{facts.get('issuing_country', '')} {facts.get('number', '')}".strip()
        countries = [facts["issuing_country"]] if facts.get("issuing_country") else []
    elif kind == "address":
        label = facts.get("full")
        countries = [facts["country"]] if facts.get("country") else []
    elif kind == "phone":
        label = facts.get("number")
    elif kind == "handle":
        label = facts.get("value")
    elif kind in EVENT_KINDS:
        date = facts.get("date") or facts.get("start")
        countries = [facts["country"]] if facts.get("country") else []
        label = f"{kind} {date or ''}".strip()
    return Node(
        id=record_id,
        kind=kind,
        label=label or kind,
        record=True,
        countries=countries,
        date=str(date) if date else None,
        categories=list(facts.get("categories") or []),
        role=facts.get("role"),
        owning_unit=unit,
    )


def describe_key(kind: str, value: str) -> Node:
    shown = kind if kind != "handle" else "handle"
    label = value[:12] + "…" if kind == "photo" else value
    return Node(id=key_id(kind, value), kind=shown, label=label, record=False)


# -- filters -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Which nodes may join a graph (the starting node always does). Empty: no restriction.
    Dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD), compared on the event's date."""

    kinds: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    date_from: str | None = None
    date_to: str | None = None

    def admits(self, node: Node) -> bool:
        if self.kinds and node.kind not in self.kinds:
            return False
        if self.countries and node.countries and not self.countries.intersection(node.countries):
            return False
        if (
            self.categories
            and node.categories
            and not self.categories.intersection(node.categories)
        ):
            return False
        if node.date:
            if self.date_from and node.date[: len(self.date_from)] < self.date_from:
                return False
            if self.date_to and node.date[: len(self.date_to)] > self.date_to:
                return False
        return True


# -- walking the graph ---------------------------------------------------------------------


@dataclass
class Step:
    """What one hop from a set of nodes found: the nodes met and the edges to them."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    truncated: set[str] = field(default_factory=set)


def _event_date(facts: dict[str, Any]) -> str | None:
    value = facts.get("date") or facts.get("start")
    return str(value) if value else None


def step(
    conn: Connection,
    visible: ColumnElement[bool],
    frontier: Iterable[str],
    *,
    per_node: int = 200,
    weak_keys: bool = True,
) -> Step:
    """The neighbours of these nodes the reader may see, with the edges to them.

    ``per_node`` caps how many neighbours one node contributes (a hub such as an address
    shared by thousands is marked truncated). Without ``weak_keys``, phones, e-mails and
    addresses do not join records (for the 'strong' network of a person)."""
    out = Step()
    ids = sorted({n for n in frontier if split_key(n) is None})
    keys = sorted({k for n in frontier if (k := split_key(n)) is not None})
    pending: dict[str, str] = {}  # record id → kind, to describe
    raw: list[Edge] = []
    count: dict[str, int] = {}

    def room(node_id: str) -> bool:
        count[node_id] = count.get(node_id, 0) + 1
        if count[node_id] > per_node:
            out.truncated.add(node_id)
            return False
        return True

    if ids:
        for r in store.refs_from(conn, ids, visible):
            if r.other_kind in store.NOT_NODES or not room(r.record):
                continue
            pending[r.target] = r.other_kind
            raw.append(Edge(r.record, r.target, r.field))
        links: dict[str, str] = {}
        for r in store.refs_to(conn, ids, visible, limit=per_node + 1):
            if r.other_kind == "link":
                links[r.record] = r.target
            elif room(r.target):
                pending[r.record] = r.other_kind
                raw.append(Edge(r.record, r.target, r.field))
        if links:  # a Link record: one edge between its two ends, both visible
            for r in store.refs_from(conn, sorted(links), visible):
                near = links[r.record]
                if r.target == near or r.other_kind in store.NOT_NODES or not room(near):
                    continue
                pending[r.target] = r.other_kind
                raw.append(Edge(near, r.target, "link", record=r.record))
        wanted = store.KEY_KINDS if weak_keys else ("document", "photo", "registration")
        for kind, value, rid in store.keys_of(conn, ids):
            if kind not in wanted:
                continue
            node = describe_key(kind, value)
            out.nodes[node.id] = node
            raw.append(Edge(rid, node.id, "identifier"))
    if keys:
        for kind, value, rid, rkind in store.holders_of(conn, keys, visible, limit=per_node + 1):
            kid = key_id(kind, value)
            if rkind in store.NOT_NODES or not room(kid):
                continue
            pending[rid] = rkind
            raw.append(Edge(rid, kid, "identifier"))
    known = set(ids)
    to_read = sorted(set(pending) - known - set(out.nodes))
    for row in store.node_rows(conn, to_read, visible):
        out.nodes[row.id] = describe(row.id, row.kind, row.facts, row.owning_unit)
    out.edges = raw
    return out


def start_nodes(
    conn: Connection, visible: ColumnElement[bool], node_ids: Iterable[str]
) -> dict[str, Node]:
    """The nodes to start from, if the reader may see them (missing ones are left out)."""
    found: dict[str, Node] = {}
    ids = [n for n in node_ids if split_key(n) is None]
    for row in store.node_rows(conn, ids, visible):
        if row.kind not in store.NOT_NODES:
            found[row.id] = describe(row.id, row.kind, row.facts, row.owning_unit)
    for n in node_ids:
        key = split_key(n)
        if key is not None and store.holders_of(conn, [key], visible, limit=1):
            found[n] = describe_key(*key)
    return found


def neighbourhood(
    conn: Connection,
    visible: ColumnElement[bool],
    start: str,
    depth: int,
    filters: Filters = Filters(),
    *,
    per_node: int = 200,
    max_nodes: int = 2000,
) -> Graph:
    """Every node within ``depth`` hops of ``start`` that the filters admit."""
    graph = Graph()
    graph.nodes.update(start_nodes(conn, visible, [start]))
    if start not in graph.nodes:
        return graph
    frontier = {start}
    for _ in range(depth):
        found = step(conn, visible, frontier, per_node=per_node)
        new: set[str] = set()
        for nid, node in found.nodes.items():
            if nid in graph.nodes or not filters.admits(node):
                continue
            if len(graph.nodes) >= max_nodes:
                break
            graph.nodes[nid] = node
            new.add(nid)
        for nid in found.truncated:
            if nid in graph.nodes:
                graph.nodes[nid].truncated = True
        for e in found.edges:
            graph.add_edge(e)
        frontier = new
        if not frontier:
            break
    return graph


def shortest_path(
    conn: Connection,
    visible: ColumnElement[bool],
    source: str,
    target: str,
    *,
    max_depth: int = 6,
    per_node: int = 500,
) -> Graph:
    """One shortest chain from ``source`` to ``target`` through visible nodes only
    (breadth-first from both ends); an empty graph when there is none within ``max_depth``."""
    ends = start_nodes(conn, visible, [source, target])
    if source not in ends or target not in ends:
        return Graph()
    if source == target:
        return Graph(nodes={source: ends[source]})
    parents: list[dict[str, tuple[str, Edge] | None]] = [{source: None}, {target: None}]
    frontiers: list[set[str]] = [{source}, {target}]
    nodes: dict[str, Node] = dict(ends)
    meet: str | None = None
    for _ in range(max_depth):
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        found = step(conn, visible, frontiers[side], per_node=per_node)
        nodes.update(found.nodes)
        nxt: set[str] = set()
        for e in found.edges:
            for near, far in ((e.source, e.target), (e.target, e.source)):
                if near in frontiers[side] and far not in parents[side] and far in nodes:
                    parents[side][far] = (near, e)
                    nxt.add(far)
                    if far in parents[1 - side]:
                        meet = far
                        break
            if meet:
                break
        if meet or not nxt:
            break
        frontiers[side] = nxt
    graph = Graph()
    if meet is None:
        return graph
    for side in (0, 1):
        cur: str | None = meet
        while cur is not None:
            graph.nodes[cur] = nodes[cur]
            link = parents[side].get(cur)
            if link is None:
                break
            prev, edge = link
            graph.nodes[prev] = nodes[prev]
            graph.add_edge(edge)
            cur = prev
    return graph


def component(
    conn: Connection,
    visible: ColumnElement[bool],
    start: str,
    *,
    weak_keys: bool = False,
    max_nodes: int = 500,
    per_node: int = 200,
) -> Graph:
    """The connected network of ``start``: over strong links (Link records, events, shared
    documents and photos), and over shared phones, e-mails and addresses if ``weak_keys``."""
    graph = Graph()
    graph.nodes.update(start_nodes(conn, visible, [start]))
    if start not in graph.nodes:
        return graph
    frontier = {start}
    while frontier and len(graph.nodes) < max_nodes:
        found = step(conn, visible, frontier, per_node=per_node, weak_keys=weak_keys)
        new = set()
        for nid, node in found.nodes.items():
            if nid not in graph.nodes and len(graph.nodes) < max_nodes:
                graph.nodes[nid] = node
                new.add(nid)
        for nid in found.truncated:
            if nid in graph.nodes:
                graph.nodes[nid].truncated = True
        for e in found.edges:
            graph.add_edge(e)
        frontier = new
    return graph
