"""The records service on both databases: create, read, update, delete, search, audit."""

from __future__ import annotations

import pytest

from interlink import records
from interlink.access import Role, audit
from interlink.domain import ProvenanceIn, model
from interlink.store.db import reading


def person(name: str, **extra: object) -> model.Person:
    return model.Person.model_validate({"names": [{"full": name}], **extra})


def test_create_read_update_delete(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    sup = people.actor(Role.SUPERVISOR)
    created = records.create(
        node,
        inv,
        person("Олег Петренко", birth_date="1974-08"),
        ProvenanceIn(reliability="B", assessment="2"),
    )
    assert created.provenance.owning_unit == "UA-KYIV"
    assert created.provenance.evaluation == "B2"
    assert created.provenance.recorded_by == inv.username
    read = records.read(node, inv, created.id)
    assert read.facts == created.facts
    updated = records.update(node, inv, created.id, changes={"gender": "male"})
    assert updated.version == 2 and updated.facts.gender == "male"
    assert updated.facts.birth_date == "1974-08"
    with pytest.raises(records.Forbidden):
        records.delete(node, inv, created.id, reason="duplicate")
    records.delete(node, sup, created.id, reason="duplicate")
    with pytest.raises(records.NotFound):
        records.read(node, inv, created.id)


def test_search_by_name_in_any_script_order_and_prefix(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    rec = records.create(node, inv, person("Олег Петренко"), ProvenanceIn())
    records.create(node, inv, person("Maria Popescu"), ProvenanceIn())
    for query, prefix in (
        ("PETRENKO, Oleg", False),
        ("oleg petrenko", False),
        ("petr", True),
        ("Ole Petr", True),
    ):
        found = records.search(
            node, inv, records.SearchQuery(name=query, prefix=prefix), purpose="case 2026/17"
        )
        assert [r.id for r in found] == [rec.id], query
    none = records.search(node, inv, records.SearchQuery(name="petr"), purpose="case 2026/17")
    assert none == []


def test_search_needs_a_purpose(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    with pytest.raises(records.Invalid, match="purpose"):
        records.search(node, inv, records.SearchQuery(name="x"), purpose=" ")


def test_search_by_document_number_and_phone(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    rec = records.create(
        node,
        inv,
        person("A B", document_numbers=["ab-123 456"], phones=["+380 50 123 4567"]),
        ProvenanceIn(),
    )
    by_doc = records.search(
        node, inv, records.SearchQuery(document_number="AB123456"), purpose="p1"
    )
    by_phone = records.search(node, inv, records.SearchQuery(phone="+380501234567"), purpose="p1")
    assert [r.id for r in by_doc] == [rec.id] == [r.id for r in by_phone]


def test_h2_record_of_another_unit_is_not_found(node, people) -> None:
    kyiv = people.actor(Role.INVESTIGATOR, "UA-KYIV")
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    secret = records.create(node, kyiv, person("Ivan Franko"), ProvenanceIn(handling_code="H2"))
    shared = records.create(node, kyiv, person("Ivan Sirko"), ProvenanceIn(handling_code="H0"))
    with pytest.raises(records.NotFound):
        records.read(node, lviv, secret.id, purpose="curious")
    assert records.read(node, lviv, shared.id).id == shared.id
    with reading(node.engine) as conn:  # the refused read is kept, not rolled back
        refused = conn.exec_driver_sql(
            "SELECT actor, outcome, purpose, record_kind FROM audit_log WHERE action = 'read' "
            "ORDER BY seq"
        ).first()
    assert refused is not None and tuple(refused) == (lviv.username, "refused", "curious", None)
    with pytest.raises(records.Forbidden):
        records.update(node, lviv, shared.id, changes={"gender": "male"})
    found = records.search(node, lviv, records.SearchQuery(name="ivan", prefix=True), purpose="p1")
    assert [r.id for r in found] == [shared.id]


def test_references_must_exist_and_fit(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    a = records.create(node, inv, person("A A"), ProvenanceIn())
    org = records.create(node, inv, model.Organization(names=["Golden Bride Ltd"]), ProvenanceIn())
    with pytest.raises(records.Invalid, match="spouses"):
        records.create(node, inv, model.Marriage(spouses=[a.id, org.id]), ProvenanceIn())
    b = records.create(node, inv, person("B B"), ProvenanceIn())
    marriage = records.create(
        node, inv, model.Marriage(spouses=[a.id, b.id], intermediary=org.id), ProvenanceIn()
    )
    with pytest.raises(records.Conflict, match="referenced"):
        records.delete(node, people.actor(Role.SUPERVISOR), b.id, reason="test")
    assert marriage.kind == "marriage"


def test_every_action_is_audited_and_the_chain_holds(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    rec = records.create(node, inv, person("C C"), ProvenanceIn())
    records.read(node, inv, rec.id, purpose="check")
    records.search(node, inv, records.SearchQuery(name="c c"), purpose="case 9")
    with reading(node.engine) as conn:
        result = audit.verify(conn, node.audit_key)
        rows = conn.exec_driver_sql(
            "SELECT action, record_id, purpose, details FROM audit_log ORDER BY seq"
        ).all()
    assert result.ok and result.checked == 3
    assert [r[0] for r in rows] == ["create", "read", "search"]
    assert rows[2][2] == "case 9"
    assert all("C C" not in (r[3] or "") for r in rows)  # ids, never names


def test_stale_version_is_refused(node, people) -> None:
    inv = people.actor(Role.INVESTIGATOR)
    rec = records.create(node, inv, person("D D"), ProvenanceIn())
    records.update(node, inv, rec.id, changes={"gender": "female"}, expected_version=1)
    with pytest.raises(records.Conflict, match="version"):
        records.update(node, inv, rec.id, changes={"gender": "male"}, expected_version=1)
