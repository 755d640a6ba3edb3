"""Review: records past their date are listed, extended with a reason, or erased for good."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from interlink import records
from interlink.access import Role
from interlink.domain import ProvenanceIn, model
from interlink.records import review
from interlink.store.db import reading

NAME = "Zoryana Kvitka-Osnovyanenko"


def person(name: str = NAME, **extra: object) -> model.Person:
    return model.Person.model_validate({"names": [{"full": name}], **extra})


def make_due(node, record_id: str) -> None:
    past = (datetime.now(UTC) - timedelta(days=1)).date()
    with node.engine.begin() as conn:
        conn.execute(
            text("UPDATE records SET review_date = :d WHERE id = :i"), {"d": past, "i": record_id}
        )


def test_due_lists_only_what_the_reviewer_may_act_on(node, people) -> None:
    kyiv = people.actor(Role.INVESTIGATOR, "UA-KYIV")
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    a = records.create(node, kyiv, person("A A"), ProvenanceIn())
    b = records.create(node, lviv, person("B B"), ProvenanceIn())
    records.create(node, kyiv, person("C C"), ProvenanceIn())  # not due
    make_due(node, a.id)
    make_due(node, b.id)
    supervisor = people.actor(Role.SUPERVISOR, "UA-KYIV")
    dpo = people.actor(Role.DATA_PROTECTION_OFFICER, "UA-KYIV")
    assert [r.id for r in review.due(node, supervisor)] == [a.id]
    assert {r.id for r in review.due(node, dpo)} == {a.id, b.id}
    with pytest.raises(records.Forbidden):
        review.due(node, kyiv)


def test_extend_needs_a_reason_and_stays_within_the_period(node, people) -> None:
    rec = records.create(node, people.actor(Role.INVESTIGATOR), person(), ProvenanceIn())
    make_due(node, rec.id)
    supervisor = people.actor(Role.SUPERVISOR)
    with pytest.raises(records.Invalid, match="reason"):
        review.extend(node, supervisor, rec.id, reason=" ")
    with pytest.raises(records.Invalid, match="at most"):
        review.extend(
            node,
            supervisor,
            rec.id,
            reason="open case",
            until=date.today() + timedelta(days=365 * 20),
        )
    new_date = review.extend(node, supervisor, rec.id, reason="case still open")
    assert new_date > date.today()
    assert review.due(node, supervisor) == []


def test_erase_leaves_no_personal_data_behind(node, people, backend) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    gone = records.create(
        node, inv, person(document_numbers=["ZX9876543"], phones=["+380631112233"]), ProvenanceIn()
    )
    other = records.create(node, inv, person("Other Person"), ProvenanceIn())
    link = records.create(
        node,
        inv,
        model.Link(link_kind="person_person", source=gone.id, target=other.id, role="associate"),
        ProvenanceIn(),
    )
    case = records.create(
        node,
        inv,
        model.Case(reference="C-1", title="Case one", records=[gone.id, other.id]),
        ProvenanceIn(),
    )
    dpo = people.actor(Role.DATA_PROTECTION_OFFICER)
    changed = review.erase(node, dpo, gone.id, reason="retention period over")
    assert set(changed) == {link.id, case.id}
    with reading(node.engine) as conn:
        for table in ("records", "name_tokens", "identifiers", "refs"):
            column = "id" if table == "records" else "record_id"
            left = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE {column} = :i"), {"i": gone.id}
            ).scalar_one()
            assert left == 0, table
        assert (
            conn.execute(
                text("SELECT count(*) FROM records WHERE id = :i"), {"i": link.id}
            ).scalar_one()
            == 0
        )
        audit_text = " ".join(str(r) for r in conn.execute(text("SELECT * FROM audit_log")))
    assert "Kvitka" not in audit_text and "ZX9876543" not in audit_text
    kept = records.read(node, inv, case.id)
    assert [str(r) for r in kept.facts.records] == [other.id]
    if backend == "sqlite":
        db_file = Path(node.settings.sqlalchemy_url.removeprefix("sqlite:///"))
        for path in (db_file, db_file.with_name(db_file.name + "-wal")):
            if path.exists():
                data = path.read_bytes()
                assert b"Kvitka" not in data and b"ZX9876543" not in data, path.name


def test_erase_refuses_when_a_record_cannot_stand_without_it(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    a = records.create(node, inv, person("A A"), ProvenanceIn())
    b = records.create(node, inv, person("B B"), ProvenanceIn())
    marriage = records.create(node, inv, model.Marriage(spouses=[a.id, b.id]), ProvenanceIn())
    dpo = people.actor(Role.DATA_PROTECTION_OFFICER)
    with pytest.raises(records.Conflict, match=marriage.id):
        review.erase(node, dpo, a.id, reason="retention period over")
    assert records.read(node, inv, a.id).id == a.id  # nothing changed
