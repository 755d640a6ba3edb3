"""Batch re-linking of the international database: the hits a report would make, never a
duplicate; on SQLite and PostgreSQL with Splink on DuckDB."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select

from interlink.access import Role
from interlink.access.accounts import add_user, ensure_unit
from interlink.exchange import relink
from interlink.exchange.messages import Kind
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid
from interlink.settings import Settings
from interlink.store.db import reading, transaction
from interlink.store.schema import secretariat_hits
from tests.conftest import PASSWORD
from tests.exchange.secretariat_support import (
    capturing,
    deliver,
    identity,
    person_facts,
    report_draft,
    shared_person,
)


@pytest.fixture
def gs(database_url: str, tmp_path) -> Node:
    node = Node(
        Settings(data_dir=tmp_path / "gs", database_url=database_url, node_role="secretariat")
    )
    yield node
    node.engine.dispose()


def _officer(node: Node, role: Role = Role.SUPERVISOR):
    with transaction(node.engine) as conn:
        ensure_unit(conn, "GS-OPS", "Operations", "FR")
        return add_user(conn, f"gs.{role.value}", role, "GS-OPS", PASSWORD).actor()


def _hit_count(node: Node) -> int:
    with reading(node.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(secretariat_hits)).scalar_one())


def test_relink_finds_a_lost_hit_once_and_tells_both_owners(gs: Node) -> None:
    people = [identity(s) for s in (19, 21, 23, 24, 25)]
    with capturing():
        for who in people:
            deliver(gs, "UA", report_draft(shared_person("UA", person_facts(who))))
        for who in people[:2]:
            deliver(gs, "MD", report_draft(shared_person("MD", person_facts(who, birth="year"))))
    assert _hit_count(gs) == 2
    with transaction(gs.engine) as conn:  # as if the reports had come before a model change
        conn.execute(delete(secretariat_hits))
    supervisor = _officer(gs)
    with capturing() as box:
        done = relink.relink(gs, supervisor)
        told = sorted(d.recipients[0] for _, d in box.of_kind(Kind.HIT))
    assert done.persons == 7 and done.hits_changed == 2
    assert _hit_count(gs) == 2
    assert told == ["MD", "MD", "UA", "UA"]
    with capturing() as box:
        again = relink.relink(gs, supervisor)
        assert box.sent == []  # nothing new: no duplicate, nobody told twice
    assert again.hits_changed == 0 and _hit_count(gs) == 2


def test_relink_is_the_secretariats_and_its_officers(gs: Node, node: Node, people) -> None:
    with pytest.raises(Forbidden):
        relink.relink(gs, _officer(gs, Role.ANALYST))
    with pytest.raises(Invalid, match="Secretariat"):
        relink.relink(node, people.actor(Role.SUPERVISOR))
