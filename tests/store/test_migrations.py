"""Schema from empty on both databases, idempotent, and the same as the declared tables."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

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


def test_revision_0014_writes_the_search_keys_of_stored_persons_again(node, people) -> None:
    """Keys written by an earlier rule of `identity.names` are replaced by today's, so that a
    query made today finds the stored person."""
    from alembic import command

    from interlink import records
    from interlink.access.roles import Role
    from interlink.domain import model
    from interlink.domain.provenance import ProvenanceIn
    from interlink.identity.index import KIND, person_keys
    from interlink.store.migrate import alembic_config

    person = model.Person(names=[{"full": "Lê Văn Thành"}], birth_date="1990-05-04")
    stored = records.create(node, people.actor(Role.INVESTIGATOR), person, ProvenanceIn())
    with node.engine.begin() as conn:  # as the rule before revision 0014 wrote them
        conn.execute(text("DELETE FROM identifiers WHERE kind = :k"), {"k": KIND})
        conn.execute(
            text("INSERT INTO identifiers (kind, value, record_id) VALUES (:k, :v, :r)"),
            {"k": KIND, "v": "token|thanh", "r": stored.id},
        )
    config = alembic_config()
    with node.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0013")
    assert upgrade(node.engine) == ("0013", head_revision())
    with node.engine.connect() as conn:
        keys = conn.execute(
            text("SELECT value FROM identifiers WHERE kind = :k AND record_id = :r"),
            {"k": KIND, "r": stored.id},
        ).scalars()
        assert set(keys) == person_keys(person)
        assert "token|le" in set(person_keys(person))
