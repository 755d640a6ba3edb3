"""What an analyst asks of a graph: its communities, its key players, its events in time.

Computed with networkx on the graph the reader may see (``graph.Graph``), so the answers
never rest on a record the reader could not open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from interlink.network.graph import EVENT_KINDS, Graph

if TYPE_CHECKING:
    import networkx as nx

ENTITY_KINDS = frozenset({"person", "organization"})


def to_networkx(graph: Graph) -> nx.Graph:
    import networkx as nx  # here, not at the top: it weighs on every command's start

    g = nx.Graph()
    for node in graph.nodes.values():
        g.add_node(node.id, kind=node.kind, label=node.label)
    for e in graph.edges.values():
        g.add_edge(e.source, e.target, kind=e.kind)
    return g


def communities(graph: Graph, seed: int = 7) -> list[list[str]]:
    """Louvain communities (networkx), largest first; each a sorted list of node ids.
    Seeded, so that the same graph always gives the same answer."""
    g = to_networkx(graph)
    if g.number_of_edges() == 0:
        return [[n] for n in sorted(g.nodes)]
    from networkx.algorithms.community import louvain_communities

    found = louvain_communities(g, seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


@dataclass(frozen=True)
class KeyPlayer:
    id: str
    kind: str
    degree: int
    betweenness: float
    countries: list[str]  # countries reached through its neighbours (a broker spans several)

    @property
    def broker(self) -> bool:
        return len(self.countries) >= 2

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "degree": self.degree,
            "betweenness": round(self.betweenness, 4),
            "countries": self.countries,
            "broker": self.broker,
        }


def _countries_around(graph: Graph, adj: dict[str, set[str]], node_id: str) -> set[str]:
    """Countries of the entities and events within two hops (through events and shared
    identifiers, which stand between persons)."""
    seen: set[str] = set()
    for near in adj[node_id]:
        seen.update(graph.nodes[near].countries)
        if graph.nodes[near].kind not in ENTITY_KINDS:
            for far in adj[near]:
                if far != node_id:
                    seen.update(graph.nodes[far].countries)
    return seen


def key_players(graph: Graph, top: int = 20) -> list[KeyPlayer]:
    """Persons and organizations ranked by betweenness (who holds the network together),
    then degree; brokers are those whose ties reach several countries."""
    g = to_networkx(graph)
    if g.number_of_nodes() == 0:
        return []
    k = min(g.number_of_nodes(), 300) if g.number_of_nodes() > 300 else None
    from networkx import betweenness_centrality

    between = betweenness_centrality(g, k=k, seed=7)
    adj = graph.adjacency()
    players = [
        KeyPlayer(
            id=n.id,
            kind=n.kind,
            degree=g.degree(n.id),
            betweenness=between.get(n.id, 0.0),
            countries=sorted(_countries_around(graph, adj, n.id)),
        )
        for n in graph.nodes.values()
        if n.kind in ENTITY_KINDS
    ]
    players.sort(key=lambda p: (-p.betweenness, -p.degree, p.id))
    return players[:top]


def timeline(graph: Graph) -> list[dict[str, Any]]:
    """The graph's events (marriages, crossings, incidents) in date order, undated last."""
    events = [n for n in graph.nodes.values() if n.kind in EVENT_KINDS]
    events.sort(key=lambda n: (n.date is None, n.date or "", n.id))
    adj = graph.adjacency()
    return [
        {
            "id": n.id,
            "kind": n.kind,
            "date": n.date,
            "countries": n.countries,
            "participants": sorted(adj[n.id]),
        }
        for n in events
    ]
