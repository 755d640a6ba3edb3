"""Statistics between real node processes (issue 10): two national nodes with generated
data send their statistical report for a period through the exchange; the Secretariat's
global figures are the per-cell sum of each node's own report, and what reached the
Secretariat is counts only — no record, id or name."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import select

from interlink.demo import load_demo
from interlink.node import Node
from interlink.store.schema import exchange_messages, records
from tests.e2e.nodes import Nodes

pytestmark = pytest.mark.slow
PERIOD = "2000-01..2026-12"
NATIONAL = {"UA": 11, "DE": 12}  # node → seed of its generated data


@pytest.fixture(scope="module")
def nodes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nodes]:
    """UA and DE with generated data, and the Secretariat: started once for the module,
    side by side (starting a node is the cost)."""
    with Nodes(tmp_path_factory.mktemp("stats"), "UA", "DE", "GS") as found:
        for node_id, seed in NATIONAL.items():
            node = Node(found[node_id].settings())
            try:
                load_demo(node, persons=120, countries=1, seed=seed)
            finally:
                node.engine.dispose()
        with ThreadPoolExecutor(3) as pool:
            list(pool.map(lambda n: n.start(), found.nodes.values()))
        yield found


def _cells(figures: dict[str, Any]) -> dict[str, Counter[tuple[str, ...]]]:
    out: dict[str, Counter[tuple[str, ...]]] = {}
    for name, ind in figures["indicators"].items():
        out[name] = Counter({tuple(cell[:-1]): int(cell[-1]) for cell in ind["cells"]})
    return out


def _personal(node: Any) -> tuple[set[str], set[str]]:
    """A national node's record ids and family names (what must not reach the Secretariat)."""
    with node.db() as conn:
        rows = conn.execute(select(records.c.id, records.c.kind, records.c.facts)).all()
    ids = {str(r.id) for r in rows}
    names = set()
    for r in rows:
        facts = r.facts if isinstance(r.facts, dict) else json.loads(r.facts)
        for name in facts.get("names", []) if r.kind == "person" else []:
            if isinstance(name, dict) and len(name.get("family") or "") > 3:
                names.add(name["family"])
    return ids, names


@pytest.fixture(scope="module")
def exchanged(nodes: Nodes) -> tuple[dict[str, Any], dict[str, Any]]:
    """Each national node's own report, sent to the Secretariat; the global figures."""
    from interlink import reporting
    from interlink.access import Role
    from interlink.access.roles import Actor

    own = {n: nodes[n].get("/api/statistics", params={"period": PERIOD}) for n in NATIONAL}
    # UA sends with the command; DE through the Python API of the same service.
    out = nodes.A.cli("stats", "send", "--period", PERIOD, "--user", "ncb")
    assert "queued for the Secretariat" in out
    de = Node(nodes.B.settings())
    try:
        officer = Actor(None, "ncb", Role.NCB_OFFICER, nodes.B.unit)
        reporting.send_report(de, officer, reporting.parse_period(PERIOD))
    finally:
        de.engine.dispose()

    def both() -> dict[str, Any] | None:
        got = nodes.GS.get("/api/statistics/global", params={"period": PERIOD})
        return got if "2 countries" in got["scope"] else None

    return own, nodes.wait(both, timeout=60, what="both reports at the Secretariat")


def test_global_figures_are_the_sum_of_the_national_reports(
    nodes: Nodes, exchanged: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    """One test (the nodes start once, even when xdist spreads tests over workers)."""
    own, world = exchanged
    for figures in own.values():
        assert figures["indicators"]["persons"]["total"] > 100  # generated data is there
    expected: dict[str, Counter[tuple[str, ...]]] = {}
    for figures in own.values():
        for name, cells in _cells(figures).items():
            expected.setdefault(name, Counter()).update(cells)
    got = _cells(world)
    assert set(got) == set(expected)
    for name in expected:
        assert got[name] == expected[name], name
        assert world["indicators"][name]["total"] == sum(
            own[n]["indicators"][name]["total"] for n in NATIONAL
        )
    assert world["indicators"]["victims"]["total"] > 0
    one = nodes.GS.get("/api/statistics/global", params={"period": PERIOD, "country": "DE"})
    assert _cells(one) == _cells(own["DE"])
    _received_counts_only(nodes)


def _received_counts_only(nodes: Nodes) -> None:
    """What reached the Secretariat for statistics: aggregates, no id, no name."""
    with nodes.GS.db() as conn:
        bodies = [
            json.loads(r.body)
            for r in conn.execute(
                select(exchange_messages.c.body).where(
                    exchange_messages.c.kind == "statistics",
                    exchange_messages.c.direction == "in",
                )
            )
        ]
        copies = conn.execute(
            select(records.c.id).where(records.c.origin_node.in_(list(NATIONAL)))
        ).all()
    assert len(bodies) == 2 and copies == []
    for body in bodies:
        assert not body.get("records") and not body.get("attachments")
        data = body["data"]
        assert set(data) <= {"country", "period", "start", "end", "computed", "indicators", "rates"}
        for ind in data["indicators"].values():
            assert all(isinstance(c[-1], int) for c in ind["cells"])
    text = json.dumps(bodies)
    for node_id in NATIONAL:
        ids, names = _personal(nodes[node_id])
        assert ids and names
        assert not any(i in text for i in ids), f"a record id of {node_id} reached GS"
        assert not any(n in text for n in names), f"a name of {node_id} reached GS"
