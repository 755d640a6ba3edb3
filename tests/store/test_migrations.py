"""Schema from empty on both databases, idempotent, and the same as the declared tables."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from interlink.store.db import make_engine
from interlink.store.migrate import current_revision, head_revision, upgrade
from interlink.store.schema import metadata
from tests.conftest import ADMIN_URL


@pytest.fixture
def empty_url(backend, request, tmp_path):
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    request.getfixturevalue("postgres_server")  # skips or fails when there is no server
    name = f"interlink_empty_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + "/" + name
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_from_empty_to_head_twice(empty_url) -> None:
    engine = make_engine(empty_url)
    try:
        assert current_revision(engine) is None
        assert upgrade(engine) == (None, head_revision())
        assert upgrade(engine) == (head_revision(), head_revision())
        tables = set(inspect(engine).get_table_names())
        assert set(metadata.tables) <= tables
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diffs == [], "schema.py and the migrations disagree: add a migration"
    finally:
        engine.dispose()
