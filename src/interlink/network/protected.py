"""A victim's contact details in a graph: masked before any graph leaves the area (issue 7).

Where a victim lives and how to reach them is masked in every view (docs/victims.md). In a
graph that is two things: the address, phone and handle records a contact link joins to a
victim (their label), and the shared identifiers — phones, e-mails, handles, addresses — that
are a victim's contact details, whose node id would carry the value itself. Such an
identifier gets an opaque id (a hash keyed by the node's secret, so that charts merge the
same node whichever worker answered, and a guessed number cannot be confirmed by hashing it)
that leads nowhere when expanded. A graph is never unmasked: a reader who
needs the value opens the record and unmasks it there, with a reason.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac

from sqlalchemy import Connection

from interlink.network.graph import Graph, key_id, split_key
from interlink.records.protected import MASK
from interlink.store import protection as protection_store

OPAQUE = "~"  # an identifier value starting with this is a masked one


def masking_key(node_secret: bytes) -> bytes:
    """The key of opaque ids, derived from the node's secret (the audit key) for this use."""
    return hmac.new(node_secret, b"interlink network masking", hashlib.sha256).digest()


def _opaque(key: bytes, kind: str, value: str) -> str:
    digest = hmac.new(key, f"{kind}\0{value}".encode(), hashlib.sha256).hexdigest()
    return key_id(kind, OPAQUE + digest[:20])


def mask_graph(conn: Connection, graph: Graph, key: bytes) -> Graph:
    """Mask, in place, every victim's contact detail in ``graph``; returns it. ``key``
    comes from ``masking_key``."""
    contacts = [
        n.id for n in graph.nodes.values() if n.record and n.kind in protection_store.CONTACT_KINDS
    ]
    for rid in protection_store.victims_of_contacts(conn, contacts):
        graph.nodes[rid].label = MASK
    keys = {n.id: k for n in graph.nodes.values() if not n.record and (k := split_key(n.id))}
    hidden = protection_store.protected_keys(conn, list(keys.values()))
    renamed = {nid: _opaque(key, *k) for nid, k in keys.items() if k in hidden}
    if not renamed:
        return graph
    for old, new in renamed.items():
        node = graph.nodes.pop(old)
        graph.nodes[new] = dataclasses.replace(node, id=new, label=MASK)
    edges = list(graph.edges.values())
    graph.edges.clear()
    for e in edges:
        graph.add_edge(
            dataclasses.replace(
                e, source=renamed.get(e.source, e.source), target=renamed.get(e.target, e.target)
            )
        )
    return graph
