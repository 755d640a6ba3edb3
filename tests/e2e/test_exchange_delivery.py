"""Delivery between real node processes: a recipient down when a message is sent gets it,
once, when it comes up; a sender killed in the middle of delivering loses and doubles
nothing; receipts come back. One pair runs the recipient on PostgreSQL.

The two tests of a backend share one pair of node processes (starting a node is what costs
time here); each test stops and starts what it needs and looks only at its own messages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from interlink.store.schema import exchange_outbox
from tests.e2e.nodes import Nodes

pytestmark = pytest.mark.slow


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def pair(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Nodes]:
    postgres: tuple[str, ...] = ()
    if request.param == "postgresql":
        request.getfixturevalue("postgres_server")  # skips (or fails in CI) without a server
        postgres = ("DE",)
    with Nodes(tmp_path_factory.mktemp("pair"), "UA", "DE", postgres=postgres) as nodes:
        # Small batches: the killed sender below has 15 requests to make, not 2.
        nodes.A.env["INTERLINK_EXCHANGE_BATCH_SIZE"] = "10"
        yield nodes


def running(node, up: bool) -> None:
    """Start or stop ``node`` unless it is so already."""
    if up and not node.running:
        node.start()
    elif not up and node.running:
        node.stop()


def test_recipient_down_then_up_gets_it_exactly_once(pair: Nodes) -> None:
    a, b = pair.A, pair.B
    before = set(_inbox_ids(b)) if b.running else set()  # the other test's messages
    running(b, False)
    running(a, True)
    mid = a.send(["DE"], subject="while you were away", text="first contact")
    # B is down: A keeps the message queued and retries.
    pair.wait(lambda: a.get(f"/api/messages/{mid}/status")[0]["attempts"] >= 2, what="retries")
    assert a.status(mid) == {"DE": "queued"}
    b.start()
    pair.wait(lambda: a.status(mid) == {"DE": "received"}, what="received receipt")
    inbox = [i for i in b.box() if i["id"] not in before]
    assert [m["id"] for m in inbox] == [mid]
    assert b.get(f"/api/messages/{mid}")["body"]["text"] == "first contact"
    pair.wait(lambda: a.status(mid) == {"DE": "read"}, what="read receipt")


def test_sender_killed_while_delivering_loses_and_doubles_nothing(pair: Nodes) -> None:
    a, b = pair.A, pair.B
    # B down while A writes: A then has 150 messages to post when B comes up, in batches of
    # 10, and is killed in the middle of them.
    before = set(_inbox_ids(b, start=True))
    running(b, False)
    running(a, True)
    a.headers()  # sign in once, before the threads share the token
    with ThreadPoolExecutor(8) as pool:
        sent = list(pool.map(lambda i: a.send(["DE"], subject=f"message {i}"), range(150)))
    b.start()
    # Watched in A's own database, not through B's API: listing B's inbox takes long enough
    # for A to deliver everything before the kill on a quiet machine.
    pair.wait(lambda: _queued(a) <= 145, what="the first deliveries")
    a.stop(kill=True)  # SIGKILL while its worker is posting: some leases are left behind
    assert _queued(a) > 0, "everything was delivered before the kill: the test proved nothing"
    a.start()
    pair.wait(
        lambda: all(s["status"] in ("delivered", "received") for m in sent for s in statuses(a, m)),
        timeout=120,
        what="every message delivered",
    )
    counts = Counter(m["id"] for m in b.box() if m["id"] not in before)
    assert set(counts) == set(sent)
    assert max(counts.values()) == 1


def _inbox_ids(node, *, start: bool = False) -> list[str]:
    """The ids in ``node``'s inbox (started first when ``start``)."""
    if start:
        running(node, True)
    return [m["id"] for m in node.box()]


def _queued(node) -> int:
    with node.db() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(exchange_outbox)
                .where(exchange_outbox.c.status == "queued")
            ).scalar_one()
        )


def statuses(node, message_id: str) -> list[dict]:
    return list(node.get(f"/api/messages/{message_id}/status"))
