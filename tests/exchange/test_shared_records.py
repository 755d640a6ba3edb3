"""Records between national nodes: B's copy keeps A's handling code and origin; an H2 copy
cannot be passed on; H1 copies say they are not for court; updates and withdrawals reach
every holder; victims never leave as suspects."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from interlink import exchange, records
from interlink.domain import model
from interlink.domain.codes import HandlingCode
from interlink.domain.provenance import ProvenanceIn
from interlink.exchange import reports
from interlink.exchange.messages import Draft, Kind
from interlink.records.errors import Forbidden, Invalid
from interlink.store import exchange as store
from interlink.store import records as record_store
from interlink.store.db import reading, transaction
from interlink.store.schema import audit_log, exchange_messages


def person(name: str, **extra: object) -> model.Person:
    return model.Person.model_validate({"names": [{"full": name}], **extra})


def copy_at(side, owner: str, record_id: str):
    with reading(side.node.engine) as conn:
        ids = store.copies_of(conn, owner, record_id)
        return record_store.get(conn, ids[0]) if ids else None


def share(pair, code: HandlingCode, text: str | None = None, name: str = "Petro Marchenko"):
    a = pair.a
    rec = records.create(
        a.node,
        a.ncb,
        person(name, role="suspect"),
        ProvenanceIn(handling_code=code, handling_text=text),
    )
    mid = exchange.send(
        a.node, a.ncb, Draft(kind=Kind.MESSAGE, recipients=["DE"], subject="s"), record_ids=[rec.id]
    )
    pair.deliver(a)
    return rec, mid


def test_copy_keeps_origin_and_handling_code(pair) -> None:
    rec, _ = share(pair, HandlingCode.H3, "only for case 2026/117")
    copy = copy_at(pair.b, "UA", rec.id)
    assert copy is not None and copy.id != rec.id
    prov = copy.provenance
    assert (prov.origin_node, prov.origin_id, prov.owning_unit) == ("UA", rec.id, "DE-NCB")
    assert prov.handling_code == HandlingCode.H3 and prov.handling_text == "only for case 2026/117"
    assert copy.facts.names[0].full == "Petro Marchenko"
    # B's NCB officers of the NCB unit read it; B's officer of another unit does not see H3.
    ncb = pair.b.ncb.__class__(pair.b.ncb.id, "ncb.de2", pair.b.ncb.role, "DE-NCB")
    assert records.read(pair.b.node, ncb, copy.id).id == copy.id


def test_h1_copy_is_marked_not_for_court(pair) -> None:
    rec, _ = share(pair, HandlingCode.H1)
    copy = copy_at(pair.b, "UA", rec.id)
    assert "Not for use in court without the permission of the owner (UA)" in (
        copy.provenance.handling_text or ""
    )


def test_h2_copy_cannot_be_passed_on(pair) -> None:
    rec, _ = share(pair, HandlingCode.H2)
    b = pair.b
    copy = copy_at(b, "UA", rec.id)
    ncb = b.ncb.__class__(b.ncb.id, b.ncb.username, b.ncb.role, "DE-NCB")
    with pytest.raises(Forbidden, match="H2"):
        exchange.send(
            b.node, ncb, Draft(kind=Kind.MESSAGE, recipients=["UA"]), record_ids=[copy.id]
        )
    with reading(b.node.engine) as conn:
        refused = (
            conn.execute(
                select(audit_log.c.details).where(
                    audit_log.c.action == "exchange_send", audit_log.c.outcome == "refused"
                )
            )
            .scalars()
            .all()
        )
        assert len(refused) == 1 and copy.id in refused[0]
        assert store.count_messages(conn, "out") == 1  # only the receipt of A's message


def test_a_copy_of_h0_is_passed_on_under_its_owner(pair) -> None:
    rec, _ = share(pair, HandlingCode.H0)
    b = pair.b
    copy = copy_at(b, "UA", rec.id)
    ncb = b.ncb.__class__(b.ncb.id, b.ncb.username, b.ncb.role, "DE-NCB")
    mid = exchange.send(
        b.node, ncb, Draft(kind=Kind.MESSAGE, recipients=["UA"]), record_ids=[copy.id]
    )
    opened = exchange.show(b.node, ncb, str(mid))
    [sent] = opened.message.body["records"]
    assert (sent["owner"], sent["record_id"]) == ("UA", rec.id)


def test_update_and_withdrawal_reach_the_copy(pair) -> None:
    a, b = pair.a, pair.b
    rec, _ = share(pair, HandlingCode.H0)
    records.update(a.node, a.ncb, rec.id, changes={"names": [{"full": "Petro Marchenko-Ivanenko"}]})
    exchange.update(a.node, a.ncb, rec.id)
    pair.deliver(a)
    copy = copy_at(b, "UA", rec.id)
    assert copy.facts.names[0].full == "Petro Marchenko-Ivanenko"
    exchange.withdraw(a.node, a.ncb, rec.id, "the case was closed")
    pair.deliver(a)
    assert copy_at(b, "UA", rec.id) is None
    with reading(b.node.engine) as conn:
        actions = (
            conn.execute(select(audit_log.c.action).where(audit_log.c.record_id == copy.id))
            .scalars()
            .all()
        )
    assert actions == ["exchange_copy_store", "exchange_copy_update", "exchange_copy_withdrawn"]


def test_update_of_a_record_never_sent_is_refused(pair) -> None:
    rec = records.create(pair.a.node, pair.a.ncb, person("Ivan Sirko"), ProvenanceIn())
    with pytest.raises(Invalid, match="not sent"):
        exchange.update(pair.a.node, pair.a.ncb, rec.id)


def test_reply_threads_under_the_request(pair) -> None:
    a, b = pair.a, pair.b
    req = exchange.send(
        a.node, a.ncb, Draft(kind=Kind.REQUEST, recipients=["DE"], subject="details?")
    )
    pair.deliver(a)
    reply = exchange.send(
        b.node, b.ncb, Draft(kind=Kind.REPLY, recipients=["UA"], in_reply_to=req, subject="here")
    )
    pair.deliver(b)
    opened = exchange.show(a.node, a.ncb, str(req))
    assert [m.id for m in opened.replies] == [str(reply)]
    with pytest.raises(Invalid, match="in_reply_to"):
        exchange.send(b.node, b.ncb, Draft(kind=Kind.REPLY, recipients=["UA"]))


def test_an_update_carries_the_reported_rules_to_the_secretariat_only(pair) -> None:
    a = pair.a
    de = exchange.directory.own_entry(pair.b.node)
    with transaction(a.node.engine) as conn:  # a Secretariat in A's directory (never posted to)
        store.put_node(
            conn,
            store.NodeEntry(
                "GS", "secretariat", "http://gs.test", de.signing_key, de.encryption_key
            ),
            datetime.now(UTC),
            "test",
        )
    rec, _ = share(pair, HandlingCode.H0)
    reports.report(a.node, a.ncb, [rec.id], reports.dissemination(["DE", "MD"], ["MD"]))
    exchange.update(a.node, a.ncb, rec.id)
    with reading(a.node.engine) as conn:
        rows = conn.execute(
            select(exchange_messages.c.recipients, exchange_messages.c.body).where(
                exchange_messages.c.kind == "update"
            )
        ).all()
    sent = {tuple(json.loads(r.recipients)): json.loads(r.body) for r in rows}
    assert set(sent) == {("DE",), ("GS",)}
    to_gs, to_de = sent[("GS",)], sent[("DE",)]
    assert to_gs["data"] == {"dissemination": "carried"}
    assert to_gs["records"][0]["dissemination"] == {
        "hit_countries": ["DE", "MD"],
        "detail_countries": ["MD"],
    }
    # Another holder learns nothing of the owner's rules for the Secretariat.
    assert to_de["data"] == {}
    assert to_de["records"][0]["dissemination"] == {"hit_countries": None, "detail_countries": []}


def test_references_point_to_local_copies_or_are_marked_foreign(pair) -> None:
    a, b = pair.a, pair.b
    suspect = records.create(
        a.node, a.ncb, person("Petro Marchenko", role="suspect"), ProvenanceIn()
    )
    group = records.create(
        a.node, a.ncb, model.Organization(names=["Northern Star"]), ProvenanceIn()
    )
    link = records.create(
        a.node,
        a.ncb,
        model.Link(link_kind="person_organization", source=suspect.id, target=group.id),
        ProvenanceIn(),
    )
    # The link before the person in the message: B still stores the person first.
    exchange.send(
        a.node,
        a.ncb,
        Draft(kind=Kind.MESSAGE, recipients=["DE"], subject="s"),
        record_ids=[link.id, suspect.id],
    )
    pair.deliver(a)
    person_copy, link_copy = copy_at(b, "UA", suspect.id), copy_at(b, "UA", link.id)
    assert person_copy is not None and link_copy is not None
    # The person's id is B's copy; the organization, which B does not hold, stays A's id and
    # is named as a foreign reference where the copy says where it came from.
    assert str(link_copy.facts.source) == person_copy.id
    assert str(link_copy.facts.target) == group.id
    assert f"target={group.id}" in (link_copy.provenance.source or "")
    assert "not held here" in (link_copy.provenance.source or "")
    assert "not held here" not in (person_copy.provenance.source or "")
