"""Records and refusals between three real nodes (UA, DE, FR): B's copy shows A's handling
code; B cannot pass A's H2 record on to C (refused and audited); A's withdrawal removes B's
copy; a tampered body, a wrong signature, an unknown sender, a replay and a message for
another node are each refused, logged and store nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import func, select

from interlink.exchange import crypto
from interlink.exchange.keys import b64, init_keys, load_keys, unb64
from interlink.store.schema import audit_log, exchange_messages, exchange_refusals
from tests.e2e.nodes import Nodes

pytestmark = pytest.mark.slow

PERSON = {
    "facts": {"names": [{"full": "Олег Петренко"}], "birth_date": "1974", "role": "suspect"},
    "provenance": {"reliability": "B", "assessment": "2", "handling_code": "H2"},
}


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nodes]:
    with Nodes(tmp_path_factory.mktemp("nodes"), "UA", "DE", "FR") as nodes:
        nodes.start()
        yield nodes


def copy_of(node, owner: str, record_id: str) -> dict | None:
    """B's copy of an owner's record, found as B's NCB officer finds it (records listing)."""
    items = node.get("/api/persons", params={"limit": 500})["items"]
    found = [r for r in items if r["provenance"].get("origin_id") == record_id]
    return found[0] if found else None


def test_h2_record_copy_not_passed_on_then_withdrawn(three: Nodes) -> None:
    a, b, c = three.A, three.B, three.C
    rec = a.post("/api/persons", json=PERSON)
    mid = a.send(["DE"], kind="message", subject="suspect", record_ids=[rec["id"]])
    three.wait(lambda: a.status(mid) == {"DE": "received"}, what="B has it")
    copy = three.wait(lambda: copy_of(b, "UA", rec["id"]), what="B's copy")
    assert copy["provenance"]["handling_code"] == "H2"
    assert copy["provenance"]["origin_node"] == "UA"
    # B forwards A's H2 record to C: refused, with the reason, and audited; nothing leaves B.
    r = b.request("POST", "/api/messages", json={"recipients": ["FR"], "record_ids": [copy["id"]]})
    assert r.status_code == 403 and "H2" in r.json()["detail"]
    with b.db() as conn:
        refused = (
            conn.execute(
                select(audit_log.c.details).where(
                    audit_log.c.action == "exchange_send", audit_log.c.outcome == "refused"
                )
            )
            .scalars()
            .all()
        )
        assert any(copy["id"] in d for d in refused)
    assert c.box() == []
    # A withdraws its record: B's copy is gone.
    a.post(f"/api/exchange/records/{rec['id']}/withdraw", json={"reason": "case closed"})
    three.wait(lambda: copy_of(b, "UA", rec["id"]) is None, what="the copy deleted at B")
    assert b.request("GET", f"/api/persons/{copy['id']}").status_code == 404


def _count(node, table, *where) -> int:
    with node.db() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def _sent_packet(three: Nodes, to: str) -> dict:
    """A packet A really sent to ``to`` (as stored in A's outbox: what goes on the wire)."""
    a = three.A
    mid = a.send([to], subject=f"to {to}")
    three.wait(lambda: a.status(mid)[to] != "queued", what="delivered")
    with a.db() as conn:
        text = conn.execute(
            select(exchange_messages.c.packet).where(exchange_messages.c.id == mid)
        ).scalar_one()
    return dict(json.loads(text))


@pytest.mark.parametrize(
    "case, reason",
    [
        ("tampered", "bad_signature"),
        ("wrong_signature", "bad_signature"),
        ("unknown_sender", "unknown_sender"),
        ("replay", "replay"),
        ("other_node", "not_recipient"),
    ],
)
def test_bad_deliveries_are_refused_logged_and_not_stored(
    three: Nodes, case: str, reason: str, tmp_path
) -> None:
    b = three.B
    keys = load_keys(three.A.data_dir / "keys")
    packet = _sent_packet(three, "FR" if case == "other_node" else "DE")
    data = crypto.sign_attempt(packet, keys, datetime.now(UTC))
    if case == "tampered":
        signed = json.loads(data)
        raw = bytearray(unb64(signed["ciphertext"]))
        raw[-1] ^= 0x01
        signed["ciphertext"] = b64(bytes(raw))
        data = crypto.canonical(signed)
    elif case == "wrong_signature":
        data = crypto.sign_attempt(packet, init_keys(tmp_path / "k"), datetime.now(UTC))
    elif case == "unknown_sender":
        packet["envelope"]["sender"] = "PL"
        data = crypto.sign_attempt(packet, keys, datetime.now(UTC))
    elif case == "replay":  # a fresh re-delivery is a duplicate; the same bytes again are not
        first = httpx.post(b.url + "/api/exchange/inbox", content=data)
        assert (first.status_code, first.json()["status"]) == (200, "duplicate")
    stored = _count(b, exchange_messages)
    refusals = _count(b, exchange_refusals, exchange_refusals.c.reason == reason)
    r = httpx.post(b.url + "/api/exchange/inbox", content=data)
    assert 400 <= r.status_code < 500 and r.json()["reason"] == reason, r.text
    assert _count(b, exchange_messages) == stored
    assert _count(b, exchange_refusals, exchange_refusals.c.reason == reason) == refusals + 1
    assert _count(b, audit_log, audit_log.c.action == "exchange_refuse") >= 1
