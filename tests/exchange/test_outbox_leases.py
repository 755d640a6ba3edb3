"""Two delivery workers never claim the same outbox row; an expired lease is claimed again."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from interlink import exchange
from interlink.exchange.keys import init_keys
from interlink.exchange.messages import Draft, Kind
from interlink.store import exchange as store
from interlink.store.db import transaction


def prepared(node, tmp_path, messages: int) -> None:
    init_keys(node.settings.keys_dir)
    other = init_keys(tmp_path / "de-keys")
    with transaction(node.engine) as conn:
        store.put_node(
            conn,
            store.NodeEntry(
                "DE",
                "national",
                "http://127.0.0.1:9",
                other.signing_public,
                other.encryption_public,
            ),
            datetime.now(UTC),
            "test",
        )
        for _ in range(messages):
            exchange.queue(conn, node, Draft(kind=Kind.MESSAGE, recipients=["DE"]))


def test_racing_workers_claim_disjoint_rows(node, tmp_path) -> None:
    prepared(node, tmp_path, 60)
    workers = [exchange.Deliverer(node, concurrency=1) for _ in range(3)]
    claimed: dict[int, list] = {}
    start = threading.Barrier(3)

    def run(i: int) -> None:
        start.wait()
        got: list = []
        while True:  # until nothing is left to claim (a lost race claims nothing)
            batch = workers[i].claim(5)
            got += batch
            with transaction(node.engine) as conn:
                if not batch and not store.due(conn, datetime.now(UTC), 1):
                    break
        claimed[i] = got

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for w in workers:
        w.close()
    everything = [row for rows in claimed.values() for row in rows]
    assert len(everything) == len(set(everything)) == 60


def test_expired_lease_is_claimed_again(node, tmp_path) -> None:
    node.settings.exchange_lease_seconds = 0.2
    prepared(node, tmp_path, 1)
    first, second = exchange.Deliverer(node), exchange.Deliverer(node)
    try:
        assert len(first.claim(10)) == 1  # and then the worker "dies"
        assert second.claim(10) == []
        time.sleep(0.3)
        assert len(second.claim(10)) == 1
        with transaction(node.engine) as conn:
            assert store.due(conn, datetime.now(UTC), 10) == []  # leased again
    finally:
        first.close()
        second.close()
