"""Identity decisions on both databases: decide, replace, undo, groups, access and audit."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from interlink import records
from interlink.access import Role, audit
from interlink.domain import ProvenanceIn, model
from interlink.identity import decisions
from interlink.identity.decisions import Verdict
from interlink.store import decisions as store
from interlink.store.db import reading, transaction
from interlink.store.schema import audit_log, identity_decisions

NAMES = ("Олег Петренко", "PETRENKO, Oleg", "Oleh Petrenko", "Maria Popescu")
WHY = "same passport number, photo matches"


def person(node, actor, name: str, code: str = "H1", **extra: object) -> str:
    facts = model.Person.model_validate({"names": [{"full": name}], **extra})
    return records.create(node, actor, facts, ProvenanceIn(handling_code=code)).id


@pytest.fixture
def inv(people):
    return people.actor(Role.INVESTIGATOR)


@pytest.fixture
def four(node, inv) -> list[str]:
    return [person(node, inv, name) for name in NAMES]


def test_decide_same_links_without_touching_the_records(node, inv, four) -> None:
    a, b = four[0], four[1]
    made = decisions.decide(node, inv, b, a, "same", f"  {WHY}  ")
    assert (made.left_id, made.right_id) == tuple(sorted((a, b)))
    assert made.verdict is Verdict.SAME and made.active
    assert made.reason == WHY and made.decided_by == inv.id
    assert made.decided_at.tzinfo is not None
    for rid in (a, b):
        assert records.read(node, inv, rid).version == 1  # linked, never merged
        assert decisions.decisions_for(node, inv, rid) == [made]
    assert made.other(a) == b and made.other(b) == a


def test_a_new_decision_replaces_the_earlier_one_for_the_pair(node, inv, four) -> None:
    a, b = four[0], four[1]
    first = decisions.decide(node, inv, a, b, "different", "different birth years")
    second = decisions.decide(node, inv, b, a, Verdict.SAME, "the birth year was a typo")
    assert second.id != first.id and second.verdict is Verdict.SAME
    with reading(node.engine) as conn:
        earlier = store.get(conn, first.id)
        assert earlier is not None
        assert (earlier.undo_reason, earlier.undone_by) == ("superseded", inv.id)
        assert earlier.undone_at is not None
        assert decisions.verdicts(conn, [a], [b]) == {decisions.pair_key(a, b): Verdict.SAME}
    third = decisions.decide(node, inv, a, b, "different", "DNA says otherwise")
    assert [d.id for d in decisions.decisions_for(node, inv, a)] == [third.id]
    with reading(node.engine) as conn:
        assert decisions.verdicts(conn, [b], [a]) == {decisions.pair_key(a, b): Verdict.DIFFERENT}
        rows = conn.execute(select(identity_decisions)).all()
    assert len(rows) == 3 and sum(r.undone_at is None for r in rows) == 1


def test_undo_keeps_the_decision_marked_undone(node, inv, four) -> None:
    a, b = four[0], four[1]
    made = decisions.decide(node, inv, a, b, "same", WHY)
    done = decisions.undo(node, inv, made.id, "  wrong pair  ")
    assert done.id == made.id and not done.active
    assert (done.undone_by, done.undo_reason) == (inv.id, "wrong pair")
    assert (done.reason, done.decided_by) == (WHY, inv.id)
    assert decisions.decisions_for(node, inv, a) == []
    with reading(node.engine) as conn:
        assert decisions.verdicts(conn, [a], [b]) == {}
        assert decisions.same_person_group(conn, a) == {a}
    with pytest.raises(records.Conflict):
        decisions.undo(node, inv, made.id, "again")
    with pytest.raises(records.NotFound):
        decisions.undo(node, inv, str(uuid.uuid4()), "no such")
    with pytest.raises(records.NotFound):
        decisions.undo(node, inv, "not-an-id", "no such")
    # After an undo the pair can be decided again.
    again = decisions.decide(node, inv, a, b, "different", "checked again")
    assert again.active


def test_same_person_group_is_transitive_over_active_same_decisions(node, inv, four) -> None:
    a, b, c, d = four
    decisions.decide(node, inv, a, b, "same", WHY)
    bc = decisions.decide(node, inv, c, b, "same", WHY)
    decisions.decide(node, inv, c, d, "different", "another woman")
    with reading(node.engine) as conn:
        for rid in (a, b, c):
            assert decisions.same_person_group(conn, rid) == {a, b, c}
        assert decisions.same_person_group(conn, d) == {d}
    decisions.undo(node, inv, bc.id, "not the same after all")
    with reading(node.engine) as conn:
        assert decisions.same_person_group(conn, a) == {a, b}
        assert decisions.same_person_group(conn, c) == {c}


def test_verdicts_answers_a_batch_of_pairs_in_one_lookup(node, inv, four) -> None:
    a, b, c, d = four
    decisions.decide(node, inv, a, b, "same", WHY)
    decisions.decide(node, inv, c, a, "different", "another man")
    decisions.decide(node, inv, c, d, "same", WHY)  # not between the asked sets
    with reading(node.engine) as conn:
        found = decisions.verdicts(conn, [a], [b, c, d, str(uuid.uuid4())])
        assert found == {
            decisions.pair_key(a, b): Verdict.SAME,
            decisions.pair_key(a, c): Verdict.DIFFERENT,
        }
        assert decisions.verdicts(conn, [], [a, b]) == {}
        assert decisions.verdicts(conn, [a, d], iter([c])) == {
            decisions.pair_key(a, c): Verdict.DIFFERENT,
            decisions.pair_key(c, d): Verdict.SAME,
        }


@pytest.mark.parametrize(
    ("verdict", "reason", "field"),
    [("maybe", WHY, "verdict"), ("same", " a ", "reason"), ("same", "ok\x00", "reason")],
)
def test_bad_input_is_invalid(node, inv, four, verdict, reason, field) -> None:
    with pytest.raises(records.Invalid) as caught:
        decisions.decide(node, inv, four[0], four[1], verdict, reason)
    assert caught.value.field == field


def test_a_record_twice_or_a_record_that_is_no_person_is_refused(node, inv, four) -> None:
    a = four[0]
    with pytest.raises(records.Invalid) as caught:
        decisions.decide(node, inv, a, a.upper(), "same", WHY)
    assert caught.value.field == "other_id"
    org = records.create(
        node, inv, model.Organization.model_validate({"names": ["Acme Ltd"]}), ProvenanceIn()
    ).id
    for other in (org, str(uuid.uuid4()), "not-an-id"):
        with pytest.raises(records.NotFound):
            decisions.decide(node, inv, a, other, "same", WHY)
    with pytest.raises(records.NotFound):
        decisions.decisions_for(node, inv, org)
    with reading(node.engine) as conn:
        assert conn.execute(select(identity_decisions)).all() == []


def test_access_is_the_records_policy(node, people, inv) -> None:
    kyiv_shared = person(node, inv, NAMES[0], "H0")
    kyiv_own = person(node, inv, NAMES[1], "H2")
    kyiv_other = person(node, inv, NAMES[2], "H0")
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    lviv_own = person(node, lviv, NAMES[3])
    # No capability: 403 before anything is looked up.
    for role in (Role.ANALYST, Role.DATA_PROTECTION_OFFICER):
        with pytest.raises(records.Forbidden):
            decisions.decide(node, people.actor(role), kyiv_shared, kyiv_other, "same", WHY)
    # Visible but not theirs to change: 403; out of sight: 404.
    with pytest.raises(records.Forbidden):
        decisions.decide(node, lviv, lviv_own, kyiv_shared, "same", WHY)
    with pytest.raises(records.NotFound):
        decisions.decide(node, lviv, lviv_own, kyiv_own, "same", WHY)
    with pytest.raises(records.NotFound):  # out of sight outweighs not theirs
        decisions.decide(node, lviv, kyiv_shared, kyiv_own, "same", WHY)
    made = decisions.decide(node, inv, kyiv_shared, kyiv_own, "same", WHY)
    shared_pair = decisions.decide(node, inv, kyiv_shared, kyiv_other, "different", "other man")
    # Lviv sees the shared record's decisions only where it sees the other record too.
    assert decisions.decisions_for(node, lviv, kyiv_shared) == [shared_pair]
    with pytest.raises(records.NotFound):
        decisions.decisions_for(node, lviv, kyiv_own)
    # Undoing needs the same rights; a decision naming a hidden record is not found.
    with pytest.raises(records.NotFound) as caught:
        decisions.undo(node, lviv, made.id, "not mine")
    assert kyiv_own not in caught.value.message
    with pytest.raises(records.Forbidden):
        decisions.undo(node, lviv, shared_pair.id, "not mine")
    with pytest.raises(records.Forbidden):
        decisions.undo(node, people.actor(Role.ANALYST), made.id, "not mine")
    # A supervisor of the unit may.
    sup = people.actor(Role.SUPERVISOR)
    assert not decisions.undo(node, sup, made.id, "reviewed").active


def _entries(node, *actions: str) -> list[dict]:
    with reading(node.engine) as conn:
        rows = conn.execute(
            select(audit_log).where(audit_log.c.action.in_(actions)).order_by(audit_log.c.seq)
        ).all()
    return [dict(r._mapping) for r in rows]


def test_every_decide_and_undo_is_audited_with_ids_never_names(node, inv, four) -> None:
    a, b = four[0], four[1]
    first = decisions.decide(node, inv, a, b, "different", "Petrenko born 1974, not 1980")
    second = decisions.decide(node, inv, a, b, "same", "Oleg Petrenko's passport: typo")
    decisions.undo(node, inv, second.id, "Петренко: wrong file")
    decisions.decisions_for(node, inv, a, purpose="case 2026/17")
    entries = _entries(node, "identity_decide", "identity_undo", "identity_decisions")
    seen = [(e["action"], e["record_id"], json.loads(e["details"])) for e in entries]
    left, right = sorted((a, b))
    assert [(action, rid) for action, rid, _ in seen] == [
        ("identity_decide", left),
        ("identity_decide", right),
        ("identity_undo", left),  # the first, superseded by the second
        ("identity_undo", right),
        ("identity_decide", left),
        ("identity_decide", right),
        ("identity_undo", left),
        ("identity_undo", right),
        ("identity_decisions", a),
    ]
    assert seen[0][2] == {"decision_id": first.id, "other_id": right, "verdict": "different"}
    assert seen[2][2] == {
        "decision_id": first.id,
        "other_id": right,
        "verdict": "different",
        "superseded_by": second.id,
    }
    assert seen[-1][2] == {"decisions": [], "returned": []}
    assert entries[-1]["purpose"] == "case 2026/17"
    assert {e["actor_id"] for e in entries} == {inv.id}
    text = json.dumps([{k: str(v) for k, v in e.items()} for e in entries], ensure_ascii=False)
    for word in ("Petrenko", "Петренко", "PETRENKO", "Oleg", "passport", "typo"):
        assert word not in text
    with reading(node.engine) as conn:
        assert audit.verify(conn, node.audit_key).ok


def test_failed_decisions_write_nothing(node, people, inv, four) -> None:
    before = _entries(node, "identity_decide", "identity_undo")
    with pytest.raises(records.NotFound):
        decisions.decide(node, inv, four[0], str(uuid.uuid4()), "same", WHY)
    with pytest.raises(records.Forbidden):
        decisions.decide(node, people.actor(Role.ANALYST), four[0], four[1], "same", WHY)
    assert _entries(node, "identity_decide", "identity_undo") == before


def test_deleting_a_record_removes_its_decisions(node, people, inv, four) -> None:
    a, b, c, _ = four
    decisions.decide(node, inv, a, b, "same", WHY)
    kept = decisions.decide(node, inv, a, c, "different", "other man")
    records.delete(node, people.actor(Role.SUPERVISOR), b, reason="duplicate entry")
    assert decisions.decisions_for(node, inv, a) == [kept]
    with reading(node.engine) as conn:
        assert decisions.same_person_group(conn, a) == {a}
        remaining = conn.execute(select(identity_decisions.c.id)).scalars().all()
    assert remaining == [kept.id]


def test_the_store_holds_one_active_decision_per_pair(node, inv, four) -> None:
    a, b = sorted(four[:2])
    made = decisions.decide(node, inv, a, b, "same", WHY)
    row = {
        "id": str(uuid.uuid4()),
        "left_id": a,
        "right_id": b,
        "verdict": "different",
        "reason": "bypassing the service",
        "decided_by": inv.id,
        "decided_at": made.decided_at,
    }
    with pytest.raises(IntegrityError), transaction(node.engine) as conn:
        conn.execute(insert(identity_decisions).values(**row))
    with pytest.raises(IntegrityError), transaction(node.engine) as conn:
        conn.execute(insert(identity_decisions).values(**{**row, "right_id": a}))
    assert store.pair(b, a) == store.pair(a, b) == (a, b)
