"""The transport between two in-process nodes: a message sent is delivered once, received
and read receipts come back, every bad delivery is refused, logged and stores nothing."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from sqlalchemy import func, select

from interlink import exchange
from interlink.exchange import crypto
from interlink.exchange.keys import b64, init_keys, load_keys, unb64
from interlink.exchange.messages import Body, Draft, Kind
from interlink.records.errors import Forbidden, Invalid
from interlink.store import exchange as store
from interlink.store.db import reading
from interlink.store.schema import audit_log, exchange_messages, exchange_refusals


def count(node, table, *where) -> int:
    with reading(node.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def status_of(side, mid) -> dict[str, str]:
    return {s["recipient"]: s["status"] for s in exchange.status(side.node, side.ncb, str(mid))}


def test_message_delivered_once_with_receipts(pair) -> None:
    a, b = pair.a, pair.b
    mid = exchange.send(
        a.node,
        a.ncb,
        Draft(kind=Kind.MESSAGE, recipients=["DE"], subject="hello", body=Body(text="t")),
    )
    assert status_of(a, mid) == {"DE": "queued"}
    pair.deliver(a)
    assert status_of(a, mid) == {"DE": "delivered"}
    inbox = exchange.list_box(b.node, b.ncb, "inbox").items
    assert [(m.id, m.sender, m.subject) for m in inbox] == [(str(mid), "UA", "hello")]
    pair.deliver(b)  # B's "received" receipt
    assert status_of(a, mid) == {"DE": "received"}
    opened = exchange.show(b.node, b.ncb, str(mid))
    assert opened.message.body["text"] == "t"
    exchange.show(b.node, b.ncb, str(mid))  # a second opening sends no second receipt
    pair.deliver(b)
    assert status_of(a, mid) == {"DE": "read"}
    assert count(b.node, exchange_messages, exchange_messages.c.direction == "out") == 2


def test_redelivery_is_a_duplicate_and_stores_nothing_twice(pair) -> None:
    a, b = pair.a, pair.b
    mid = exchange.send(a.node, a.ncb, Draft(kind=Kind.MESSAGE, recipients=["DE"]))
    with reading(a.node.engine) as conn:
        packet = json.loads(store.packet_of(conn, str(mid)) or "")
    keys = load_keys(a.node.settings.keys_dir)
    first = b.client.post(
        "/api/exchange/inbox", content=crypto.sign_attempt(packet, keys, datetime.now(UTC))
    )
    assert first.json()["status"] == "accepted"
    again = b.client.post(
        "/api/exchange/inbox",
        content=crypto.sign_attempt(packet, keys, datetime.now(UTC)),
    )
    assert (again.status_code, again.json()["status"]) == (200, "duplicate")
    assert count(b.node, exchange_messages, exchange_messages.c.direction == "in") == 1
    pair.deliver(a)  # the worker's own post is a duplicate too: delivered, not failed
    assert status_of(a, mid) == {"DE": "delivered"}
    assert count(b.node, exchange_messages, exchange_messages.c.direction == "in") == 1


def _packet(pair, **draft) -> tuple[dict, bytes]:
    a = pair.a
    mid = exchange.send(a.node, a.ncb, Draft(kind=Kind.MESSAGE, recipients=["DE"], **draft))
    with reading(a.node.engine) as conn:
        packet = json.loads(store.packet_of(conn, str(mid)) or "")
    return packet, crypto.sign_attempt(
        packet, load_keys(a.node.settings.keys_dir), datetime.now(UTC)
    )


def _refused(pair, data: bytes, reason: str, status: int) -> None:
    b = pair.b
    before_in = count(b.node, exchange_messages)
    before_refusals = count(b.node, exchange_refusals, exchange_refusals.c.reason == reason)
    r = b.client.post(
        "/api/exchange/inbox", content=data, headers={"content-type": "application/json"}
    )
    assert (r.status_code, r.json()["reason"]) == (status, reason), r.text
    assert count(b.node, exchange_messages) == before_in  # nothing stored
    assert (
        count(b.node, exchange_refusals, exchange_refusals.c.reason == reason)
        == before_refusals + 1
    )
    assert count(b.node, audit_log, audit_log.c.action == "exchange_refuse") >= 1


def test_tampered_body_refused(pair) -> None:
    packet, _ = _packet(pair, body=Body(text="original"))
    raw = bytearray(unb64(packet["ciphertext"]))
    raw[0] ^= 1
    signed = json.loads(
        crypto.sign_attempt(packet, load_keys(pair.a.node.settings.keys_dir), datetime.now(UTC))
    )
    signed["ciphertext"] = b64(bytes(raw))
    _refused(pair, crypto.canonical(signed), "bad_signature", 403)


def test_wrong_signature_refused(pair, tmp_path) -> None:
    packet, _ = _packet(pair)
    other = init_keys(tmp_path / "intruder")
    _refused(pair, crypto.sign_attempt(packet, other, datetime.now(UTC)), "bad_signature", 403)


def test_unknown_sender_refused(pair) -> None:
    packet, _ = _packet(pair)
    packet["envelope"]["sender"] = "FR"
    data = crypto.sign_attempt(packet, load_keys(pair.a.node.settings.keys_dir), datetime.now(UTC))
    _refused(pair, data, "unknown_sender", 403)


def test_replayed_message_refused(pair) -> None:
    _, data = _packet(pair)
    assert pair.b.client.post("/api/exchange/inbox", content=data).status_code == 200
    _refused(pair, data, "replay", 409)
    assert count(pair.b.node, exchange_messages, exchange_messages.c.direction == "in") == 1


def test_message_for_another_node_refused(pair) -> None:
    packet, _ = _packet(pair)
    packet["envelope"]["recipients"] = ["FR"]
    data = crypto.sign_attempt(packet, load_keys(pair.a.node.settings.keys_dir), datetime.now(UTC))
    _refused(pair, data, "not_recipient", 403)


def test_stale_delivery_refused(pair) -> None:
    packet, _ = _packet(pair)
    old = datetime.now(UTC) - timedelta(minutes=10)
    data = crypto.sign_attempt(packet, load_keys(pair.a.node.settings.keys_dir), old)
    _refused(pair, data, "clock_skew", 403)


def test_garbage_refused(pair) -> None:
    _refused(pair, b"{not json", "malformed", 400)


def test_a_node_without_its_keys_asks_a_real_sender_to_retry(pair) -> None:
    """Losing its own keys is the receiver's fault: a well-signed message from a known node
    is answered 503 (the sender retries later), while junk is still refused as junk."""
    b = pair.b
    _, data = _packet(pair)
    for name in os.listdir(b.node.settings.keys_dir):
        os.rename(b.node.settings.keys_dir / name, b.node.settings.keys_dir / f"{name}.away")
    load_keys.cache_clear()  # as a node started after the keys went
    before = count(b.node, exchange_messages)
    r = b.client.post("/api/exchange/inbox", content=data)
    assert r.status_code == 503 and r.json().get("reason") == "busy", (r.status_code, r.text)
    assert count(b.node, exchange_messages) == before
    _refused(pair, b"{not json", "malformed", 400)


def test_refusal_marks_the_outbox_row_failed(pair) -> None:
    a, b = pair.a, pair.b
    mid = exchange.send(a.node, a.ncb, Draft(kind=Kind.MESSAGE, recipients=["DE"]))
    init_keys(a.node.settings.keys_dir, force=True)  # B no longer knows A's signing key
    pair.deliver(a)
    [row] = exchange.status(a.node, a.ncb, str(mid))
    assert row["status"] == "failed" and "bad_signature" in row["last_error"]
    assert count(b.node, exchange_messages) == 0


def test_unreachable_recipient_is_retried(pair) -> None:
    a = pair.a
    mid = exchange.send(a.node, a.ncb, Draft(kind=Kind.MESSAGE, recipients=["DE"]))
    d = exchange.Deliverer(a.node, concurrency=1)  # a real client: nothing at de.test
    try:
        assert d.run_once().retried == 1
    finally:
        d.close()
    [row] = exchange.status(a.node, a.ncb, str(mid))
    assert (row["status"], row["attempts"]) == ("queued", 1)
    time.sleep(0.05)  # the retry is due after 0.01 s (with jitter)
    pair.deliver(a)
    assert status_of(a, mid) == {"DE": "delivered"}


def test_unknown_recipient_and_rights(pair) -> None:
    a = pair.a
    with pytest.raises(Invalid, match="recipients: no node FR"):
        exchange.send(a.node, a.ncb, Draft(kind=Kind.MESSAGE, recipients=["FR"]))
    with pytest.raises(Forbidden):
        exchange.send(a.node, a.admin, Draft(kind=Kind.MESSAGE, recipients=["DE"]))
    with pytest.raises(Invalid, match="kind"):
        exchange.send(a.node, a.ncb, Draft(kind=Kind.RECEIPT, recipients=["DE"]))
    assert count(a.node, exchange_messages) == 0


def test_all_means_every_national_node(pair) -> None:
    mid = exchange.send(pair.a.node, pair.a.ncb, Draft(kind=Kind.MESSAGE, recipients=["all"]))
    assert status_of(pair.a, mid) == {"DE": "queued"}
    assert isinstance(mid, UUID)
