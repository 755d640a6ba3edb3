"""The issue's scenario on three real node processes (two national nodes and the
Secretariat, each with its own database and keys): country A reports a suspect; country B
reports the same person written in Cyrillic with only a year of birth; both receive a hit,
told as each other's rules allow; B requests details; A replies; B's copy shows A's handling
code. A withdraws the record: it is gone from the Secretariat (and from B)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from interlink.settings import normalize_database_url
from interlink.store.schema import records, secretariat_hits
from tests.e2e.nodes import Nodes
from tests.exchange.secretariat_support import identity, person_facts

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def nodes(request: pytest.FixtureRequest, tmp_path):
    postgres: tuple[str, ...] = ()
    if request.param == "postgresql":
        request.getfixturevalue("postgres_server")
        postgres = ("GS",)
    with Nodes(tmp_path, "UA", "DE", "GS", postgres=postgres) as found:
        for node in found.nodes.values():
            node.start(timeout=120)  # a loaded machine starts a node slowly
        yield found


def _gs_count(nodes: Nodes, table: Any, *where: Any) -> int:
    engine = create_engine(normalize_database_url(nodes.GS.database_url))
    try:
        with engine.connect() as conn:
            query = select(func.count()).select_from(table).where(*where)
            return int(conn.execute(query).scalar_one())
    finally:
        engine.dispose()


def _hits(node: Any) -> list[dict[str, Any]]:
    return list(node.get("/api/secretariat/hits", params={"status": "all"}))


def test_report_hit_request_reply_withdraw(nodes: Nodes) -> None:
    a, b = nodes.A, nodes.B
    who = identity(19)  # Остап Петренко / Ostap Petrenko
    suspect = a.post(
        "/api/persons",
        json={"facts": person_facts(who), "provenance": {"handling_code": "H1"}},
    )["id"]
    theirs = b.post(
        "/api/persons", json={"facts": person_facts(who, script="native", birth="year")}
    )["id"]

    # A lets every country learn of a hit and DE see the details; B keeps its details.
    a.post("/api/secretariat/reports", json={"record_ids": [suspect], "detail_countries": ["DE"]})
    b.post("/api/secretariat/reports", json={"record_ids": [theirs]})

    [at_a] = nodes.wait(lambda: _hits(a), what="the hit at A")
    [at_b] = nodes.wait(lambda: _hits(b), what="the hit at B")
    assert at_a["hit_id"] == at_b["hit_id"]
    assert at_a["record_id"] == suspect and at_a["other_country"] == "DE"
    assert at_a["other_record"] is None  # B's rules share no details
    assert at_b["record_id"] == theirs and at_b["other_country"] == "UA"
    assert at_b["other_record"] == suspect
    assert at_b["band"] in ("same", "possibly same")
    detail = b.get(f"/api/secretariat/hits/{at_b['hit_id']}")
    assert detail["other_copy_id"]  # A's details, as a copy at B

    # B asks A bilaterally, naming the hit; A answers with the record.
    asked = b.send(["UA"], kind="request", subject=f"Hit {at_b['hit_id']}", text="Details, please.")
    nodes.wait(lambda: any(m["id"] == asked for m in a.box()), what="the request at A")
    answer = a.send(
        ["DE"],
        kind="reply",
        in_reply_to=asked,
        subject="Details",
        record_ids=[suspect],
        handling_code="H1",
    )
    nodes.wait(lambda: any(m["id"] == answer for m in b.box()), what="the reply at B")
    copy = b.get(f"/api/persons/{detail['other_copy_id']}")
    assert copy["provenance"]["handling_code"] == "H1"
    assert copy["provenance"]["origin_node"] == "UA"
    assert "court" in copy["provenance"]["handling_text"]

    # A withdraws: gone from the Secretariat, hit closed at both, B's copy gone.
    assert _gs_count(nodes, records, records.c.origin_node == "UA") == 1
    a.post(f"/api/exchange/records/{suspect}/withdraw", json={"reason": "closed case"})
    nodes.wait(
        lambda: _gs_count(nodes, records, records.c.origin_node == "UA") == 0,
        what="the record gone from the Secretariat",
    )
    assert _gs_count(nodes, secretariat_hits, secretariat_hits.c.status == "closed") == 1
    nodes.wait(lambda: _hits(b)[0]["status"] == "closed", what="the hit closed at B")
    nodes.wait(
        lambda: b.request("GET", f"/api/persons/{detail['other_copy_id']}").status_code == 404,
        what="B's copy gone",
    )
