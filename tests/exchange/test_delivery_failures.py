"""What happens when a message cannot be delivered or processed: a handler failing with an
unexpected error makes a dead letter at the receiver (kept, audited, shown to an
administrator, answered as a permanent refusal), so the sender marks it failed instead of
retrying for ever; a transient failure is given up after the bounded attempts. Several
messages posted in one batch are each answered on their own; one receipt acknowledges them
all."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from interlink import exchange
from interlink.exchange import crypto, handlers
from interlink.exchange.keys import load_keys
from interlink.exchange.messages import Body, Draft, Kind
from interlink.records.errors import Forbidden
from interlink.store import exchange as store
from interlink.store.db import reading
from interlink.store.schema import audit_log, exchange_messages


def count(node, table, *where) -> int:
    with reading(node.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def status_of(side, mid) -> dict[str, str]:
    return {s["recipient"]: s["status"] for s in exchange.status(side.node, side.ncb, str(mid))}


def send(side, text: str):
    draft = Draft(kind=Kind.MESSAGE, recipients=["DE"], subject=text, body=Body(text=text))
    return exchange.send(side.node, side.ncb, draft)


@pytest.fixture
def breaking_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    """A handler with a bug: it fails on messages whose text is "boom"."""

    def broken(received: handlers.Received) -> None:
        if received.message.body.text == "boom":
            raise KeyError("a bug in a handler")

    kept = list(handlers.HANDLERS.get(Kind.MESSAGE, []))
    monkeypatch.setitem(handlers.HANDLERS, Kind.MESSAGE, [*kept, broken])


@pytest.mark.usefixtures("breaking_handler")
def test_unprocessable_message_is_a_dead_letter_and_fails_at_the_sender(pair) -> None:
    a, b = pair.a, pair.b
    good, bad, also_good = send(a, "fine"), send(a, "boom"), send(a, "also fine")
    pair.deliver(a)  # the three in one batch
    assert status_of(a, good) == status_of(a, also_good) == {"DE": "delivered"}
    [row] = exchange.status(a.node, a.ncb, str(bad))
    assert row["status"] == "failed" and "dead_letter" in row["last_error"]
    assert row["attempts"] == 1  # not retried
    assert [f["message_id"] for f in exchange.failed_deliveries(a.node, a.ncb)] == [str(bad)]
    # B kept the good ones, not the bad one, which an administrator sees with its incident.
    inbox = {m.id for m in exchange.list_box(b.node, b.ncb, "inbox").items}
    assert inbox == {str(good), str(also_good)}
    [dead] = exchange.dead_letters(b.node, b.admin)
    assert (dead["message_id"], dead["sender"], dead["kind"]) == (str(bad), "UA", "message")
    assert dead["error"] == "KeyError" and len(dead["error_id"]) == 12
    with pytest.raises(Forbidden):
        exchange.dead_letters(b.node, b.ncb)
    assert count(b.node, audit_log, audit_log.c.action == "exchange_dead_letter") == 1
    # Posted again: the same permanent answer, nothing stored twice, the handler not rerun.
    with reading(a.node.engine) as conn:
        packet = json.loads(store.packet_of(conn, str(bad)) or "")
    data = crypto.sign_attempt(packet, load_keys(a.node.settings.keys_dir), datetime.now(UTC))
    r = b.client.post("/api/exchange/inbox", content=data)
    assert (r.status_code, r.json()["reason"]) == (422, "dead_letter")
    assert dead["error_id"] in r.json()["detail"]
    assert len(exchange.dead_letters(b.node, b.admin)) == 1
    assert count(b.node, audit_log, audit_log.c.action == "exchange_dead_letter") == 1
    # One receipt acknowledges both good messages.
    pair.deliver(b)
    assert status_of(a, good) == status_of(a, also_good) == {"DE": "received"}
    assert count(b.node, exchange_messages, exchange_messages.c.kind == "receipt") == 1


def test_transient_failures_are_given_up_after_the_bounded_attempts(pair) -> None:
    a = pair.a
    a.node.settings.exchange_max_attempts = 3
    mid = send(a, "to a node that never answers")
    d = exchange.Deliverer(a.node, concurrency=1)  # a real client: nothing at de.test
    try:
        outcomes = []
        for _ in range(3):
            outcomes.append(d.run_once())
            time.sleep(0.1)  # the retry is due after 0.01-0.04 s (with jitter)
    finally:
        d.close()
    assert [(o.retried, o.failed) for o in outcomes] == [(1, 0), (1, 0), (0, 1)]
    [row] = exchange.status(a.node, a.ncb, str(mid))
    assert row["status"] == "failed" and row["attempts"] == 3
    assert row["last_error"].startswith("gave up after 3 attempts")
    [failed] = exchange.failed_deliveries(a.node, a.ncb)
    assert (failed["message_id"], failed["recipient"]) == (str(mid), "DE")
    pair.deliver(a)  # nothing is posted again
    assert status_of(a, mid) == {"DE": "failed"}


def test_a_batch_answers_each_packet(pair) -> None:
    a, b = pair.a, pair.b
    first, second = send(a, "one"), send(a, "two")
    keys = load_keys(a.node.settings.keys_dir)
    with reading(a.node.engine) as conn:
        packets = [json.loads(store.packet_of(conn, str(m)) or "") for m in (first, second)]
    now = datetime.now(UTC)
    signed = [json.loads(crypto.sign_attempt(p, keys, now)) for p in packets]
    broken = dict(signed[1])
    broken["signature"] = signed[0]["signature"]
    r = b.client.post("/api/exchange/inbox/batch", json={"packets": [signed[0], broken]})
    assert r.status_code == 200
    [one, two] = r.json()["results"]
    assert (one["code"], one["status"], one["id"]) == (200, "accepted", str(first))
    assert (two["code"], two["reason"]) == (403, "bad_signature")
    r = b.client.post("/api/exchange/inbox/batch", content=b'{"packets": 3}')
    assert (r.status_code, r.json()["reason"]) == (400, "malformed")
    assert {m.id for m in exchange.list_box(b.node, b.ncb, "inbox").items} == {str(first)}
