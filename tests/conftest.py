"""Fixtures: a fresh node per test, on SQLite and on PostgreSQL.

PostgreSQL tests run when a server answers at INTERLINK_TEST_POSTGRES_URL (default
127.0.0.1:5432, trust auth). Each test run creates its own database and drops it at the
end. With INTERLINK_REQUIRE_POSTGRES=1 (as in CI) a missing server fails the run instead
of skipping those tests.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from interlink.access import Role
from interlink.access.accounts import add_user, ensure_unit
from interlink.access.roles import Actor
from interlink.node import Node
from interlink.settings import Settings
from interlink.store.db import make_engine, transaction
from interlink.store.migrate import upgrade
from interlink.store.schema import metadata

ADMIN_URL = os.environ.get(
    "INTERLINK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_POSTGRES = os.environ.get("INTERLINK_REQUIRE_POSTGRES") == "1"
PASSWORD = "test-password-123"


def _postgres_available() -> str | None:
    try:
        with psycopg.connect(ADMIN_URL, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A database of this test process's own on the PostgreSQL server; dropped afterwards."""
    problem = _postgres_available()
    if problem:
        message = f"PostgreSQL not reachable at {ADMIN_URL}: {problem}"
        if REQUIRE_POSTGRES:
            pytest.fail(message + " (INTERLINK_REQUIRE_POSTGRES=1)")
        pytest.skip(message)
    name = f"interlink_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN_URL.rsplit("/", 1)[0]
    url = f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "interlink.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def _clean_postgres(url: str) -> None:
    engine = make_engine(url)
    tables = ", ".join(t.name for t in metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} CASCADE"))
        conn.execute(
            text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, :h)"), {"h": "0" * 64}
        )
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if backend == "postgresql":
        url = str(request.getfixturevalue("postgres_server"))
        _clean_postgres(url)
        return url
    template: Path = request.getfixturevalue("sqlite_template")
    target = tmp_path / "interlink.db"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=database_url, node_country="UA")


@pytest.fixture
def node(settings: Settings) -> Iterator[Node]:
    n = Node(settings)
    yield n
    n.engine.dispose()


class People:
    """Users of two units, one per role, created on demand."""

    def __init__(self, node: Node) -> None:
        self.node = node
        with transaction(node.engine) as conn:
            ensure_unit(conn, "UA-KYIV", "Kyiv anti-trafficking unit", "UA")
            ensure_unit(conn, "UA-LVIV", "Lviv anti-trafficking unit", "UA")
        self._made: dict[tuple[Role, str], Actor] = {}

    def actor(self, role: Role, unit: str = "UA-KYIV") -> Actor:
        key = (role, unit)
        if key not in self._made:
            name = f"{role.value}.{unit.lower()}"
            with transaction(self.node.engine) as conn:
                user = add_user(conn, name, role, unit, PASSWORD)
            self._made[key] = user.actor()
        return self._made[key]


@pytest.fixture
def people(node: Node) -> People:
    return People(node)
