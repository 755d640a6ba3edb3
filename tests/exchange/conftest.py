"""Two nodes in one process for the fast tests of the transport: A ("UA", SQLite) sends to B
("DE", on the test's backend — SQLite or PostgreSQL). A's deliveries reach B's app through
Starlette's TestClient, so the HTTP layer runs but no process is started. The tests with
real node processes are in tests/e2e/test_exchange_*.py."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from interlink.access import Role
from interlink.access.accounts import ensure_unit
from interlink.access.roles import Actor
from interlink.api.app import create_app
from interlink.exchange import Deliverer
from interlink.exchange.directory import own_entry
from interlink.exchange.keys import init_keys
from interlink.node import Node
from interlink.settings import Settings
from interlink.store import exchange as store
from interlink.store.db import transaction


@dataclass
class Side:
    node: Node
    client: TestClient
    ncb: Actor
    admin: Actor

    @property
    def id(self) -> str:
        return self.node.settings.node_id


def _side(settings: Settings, unit: str, country: str) -> Side:
    node = Node(settings)
    init_keys(settings.keys_dir)
    with transaction(node.engine) as conn:
        ensure_unit(conn, unit, f"{country} unit", country)
    # Actors without accounts: the service layer takes an Actor; no password hashing needed.
    ncb = Actor(str(uuid.uuid4()), f"ncb.{country.lower()}", Role.NCB_OFFICER, unit)
    admin = Actor(str(uuid.uuid4()), f"admin.{country.lower()}", Role.ADMINISTRATOR, unit)
    client = TestClient(create_app(node=node), base_url=f"http://{country.lower()}.test")
    return Side(node, client, ncb, admin)


def introduce(a: Side, b: Side) -> None:
    """Each side's directory holds the other's entry (as `interlink nodes add` does)."""
    for me, other in ((a, b), (b, a)):
        entry = own_entry(other.node)
        with transaction(me.node.engine) as conn:
            store.put_node(
                conn,
                store.NodeEntry(
                    entry.id,
                    entry.role,
                    str(other.client.base_url),
                    entry.signing_key,
                    entry.encryption_key,
                ),
                datetime.now(UTC),
                "test",
            )


@dataclass
class Pair:
    a: Side
    b: Side

    def deliverer(self, side: Side) -> Deliverer:
        """A delivery worker of ``side`` whose HTTP client reaches the other side's app."""
        other = self.b if side is self.a else self.a
        d = Deliverer(side.node, concurrency=1)
        d.client.close()
        d.client = other.client
        return d

    def deliver(self, side: Side) -> None:
        d = self.deliverer(side)
        try:
            while d.run_once().attempts:
                pass
        finally:
            d.pool.shutdown()


@pytest.fixture
def pair(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Pair]:
    template: Path = request.getfixturevalue("sqlite_template")
    a_db = tmp_path / "a.db"
    shutil.copyfile(template, a_db)
    a = _side(
        Settings(
            data_dir=tmp_path / "a",
            database_url=f"sqlite:///{a_db}",
            node_country="UA",
            public_url="http://ua.test",
            exchange_retry_base_seconds=0.01,
        ),
        "UA-KYIV",
        "UA",
    )
    b = _side(
        Settings(
            data_dir=tmp_path / "b",
            database_url=database_url,
            node_country="DE",
            public_url="http://de.test",
        ),
        "DE-BKA",
        "DE",
    )
    introduce(a, b)
    yield Pair(a, b)
    for side in (a, b):
        side.client.close()
        side.node.engine.dispose()
