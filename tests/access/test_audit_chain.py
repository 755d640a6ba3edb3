"""Any entry edited, removed or reordered by hand is reported by the verification."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from interlink import records
from interlink.access import Role, audit
from interlink.domain import ProvenanceIn, model
from interlink.store.db import reading


@pytest.fixture
def logged(node, people):
    inv = people.actor(Role.INVESTIGATOR)
    for i in range(5):
        rec = records.create(
            node,
            inv,
            model.Person.model_validate({"names": [{"full": f"Person {i}"}]}),
            ProvenanceIn(),
        )
        records.read(node, inv, rec.id, purpose="check")
    return node


def verify(node) -> audit.Verification:
    with reading(node.engine) as conn:
        return audit.verify(conn, node.audit_key)


def tamper(node, sql: str) -> None:
    with node.engine.begin() as conn:
        conn.execute(text(sql))


def test_an_untouched_chain_verifies(logged) -> None:
    result = verify(logged)
    assert result.ok and result.checked == 10 and result.head_seq == 10


def test_an_edited_entry_is_found(logged) -> None:
    tamper(logged, "UPDATE audit_log SET purpose = 'innocent' WHERE seq = 4")
    assert verify(logged).problems == ["entry 4 was changed after it was written"]


def test_an_edited_actor_is_found(logged) -> None:
    tamper(logged, "UPDATE audit_log SET actor = 'someone.else' WHERE seq = 7")
    assert "entry 7 was changed after it was written" in verify(logged).problems


def test_a_removed_entry_is_found(logged) -> None:
    tamper(logged, "DELETE FROM audit_log WHERE seq = 5")
    problems = verify(logged).problems
    assert "entries 5..5 are missing (removed)" in problems


def test_reordered_entries_are_found(logged) -> None:
    tamper(logged, "UPDATE audit_log SET seq = 100 WHERE seq = 3")
    tamper(logged, "UPDATE audit_log SET seq = 3 WHERE seq = 4")
    tamper(logged, "UPDATE audit_log SET seq = 4 WHERE seq = 100")
    assert not verify(logged).ok


def test_entries_cut_from_the_end_are_found(logged) -> None:
    tamper(logged, "DELETE FROM audit_log WHERE seq > 8")
    assert any("removed from the end" in p for p in verify(logged).problems)


def test_a_rebuilt_tail_is_caught_by_the_head_noted_earlier(logged) -> None:
    noted = verify(logged)
    tamper(logged, "DELETE FROM audit_log WHERE seq > 8")
    with reading(logged.engine) as conn:
        last = conn.execute(text("SELECT seq, hash FROM audit_log WHERE seq = 8")).one()
    tamper(logged, f"UPDATE audit_head SET seq = {last.seq}, hash = '{last.hash}'")
    assert verify(logged).ok  # the chain alone cannot tell...
    with reading(logged.engine) as conn:
        result = audit.verify(conn, logged.audit_key, (noted.head_seq, noted.head_hash))
    assert not result.ok  # ...the head noted outside the database can


def test_a_chain_rebuilt_without_the_key_is_found(logged) -> None:
    """Recomputing hashes needs the HMAC key, which is not in the database."""
    import hashlib

    with reading(logged.engine) as conn:
        rows = conn.execute(text("SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq")).all()
    forged = hashlib.sha256(b"forged").hexdigest()
    tamper(logged, f"UPDATE audit_log SET purpose = 'x', hash = '{forged}' WHERE seq = 2")
    tamper(logged, f"UPDATE audit_log SET prev_hash = '{forged}' WHERE seq = 3")
    assert rows and not verify(logged).ok
