"""Reporting to the Secretariat (national side) and the hit notifications that come back."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from interlink import records
from interlink.access import Role
from interlink.domain import ProvenanceIn, model
from interlink.domain.codes import HandlingCode
from interlink.exchange import hits, reports
from interlink.exchange.messages import Body, Draft, Kind
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.store.db import reading
from interlink.store.schema import audit_log
from tests.exchange.secretariat_support import capturing, deliver, identity, person_facts


def _person(seed: int = 31, **extra: object) -> model.Person:
    data = person_facts(identity(seed))
    data.update(extra)
    return model.Person.model_validate(data)


def _audit(node, action: str) -> list[dict]:
    with reading(node.engine) as conn:
        rows = conn.execute(select(audit_log).where(audit_log.c.action == action)).all()
    return [dict(r._mapping) for r in rows]


def test_a_suspect_goes_with_its_organization_and_the_owners_rules(node, people) -> None:
    ncb = people.actor(Role.NCB_OFFICER)
    suspect = records.create(node, ncb, _person(), ProvenanceIn(handling_code=HandlingCode.H1))
    group = records.create(
        node, ncb, model.Organization(names=["Northern Star Travel"]), ProvenanceIn()
    )
    link = records.create(
        node,
        ncb,
        model.Link(
            link_kind="person_organization", source=suspect.id, target=group.id, role="recruiter"
        ),
        ProvenanceIn(),
    )
    rules = reports.dissemination(["md", "POL"], ["MD"])
    with capturing() as box:
        sent = reports.report(node, ncb, [suspect.id], rules)
    [(sender, draft)] = box.sent
    assert sender == "UA" and draft.kind == Kind.REPORT and draft.recipients == ["GS"]
    by_id = {str(r.record_id): r for r in draft.body.records}
    assert set(by_id) == {suspect.id, group.id, link.id} == set(sent.record_ids)
    person = by_id[suspect.id]
    assert person.owner == "UA" and person.handling_code == HandlingCode.H1
    assert person.dissemination.hit_countries == ["MD", "PL"]
    assert person.dissemination.detail_countries == ["MD"]
    assert draft.handling_code == HandlingCode.H1  # the most restrictive of what it carries
    [entry] = _audit(node, "report")
    details = json.loads(entry["details"])
    assert details["count"] == 3 and suspect.id in details["records"]
    assert "Northern" not in entry["details"]  # ids, never names


def test_a_victim_is_never_reported(node, people) -> None:
    ncb = people.actor(Role.INVESTIGATOR)
    victim = records.create(node, ncb, _person(role="victim"), ProvenanceIn())
    supervisor = people.actor(Role.SUPERVISOR)
    with capturing() as box, pytest.raises(Forbidden, match="victim"):
        reports.report(node, supervisor, [victim.id], reports.dissemination(None, None))
    assert box.sent == [] and _audit(node, "report") == []


def test_roles_without_the_right_cannot_report(node, people) -> None:
    ncb = people.actor(Role.NCB_OFFICER)
    rec = records.create(node, ncb, _person(), ProvenanceIn())
    with capturing() as box, pytest.raises(Forbidden):
        reports.report(
            node, people.actor(Role.ANALYST), [rec.id], reports.dissemination(None, None)
        )
    assert box.sent == []


def test_a_record_out_of_sight_is_not_found(node, people) -> None:
    lviv = people.actor(Role.NCB_OFFICER, "UA-LVIV")
    hidden = records.create(node, lviv, _person(), ProvenanceIn(handling_code=HandlingCode.H2))
    with capturing() as box, pytest.raises(NotFound):
        reports.report(
            node, people.actor(Role.NCB_OFFICER), [hidden.id], reports.dissemination(None, None)
        )
    with capturing() as box2, pytest.raises(NotFound):
        reports.report(
            node,
            people.actor(Role.NCB_OFFICER),
            [str(uuid.uuid4())],
            reports.dissemination(None, None),
        )
    assert box.sent == box2.sent == []


@pytest.mark.parametrize(
    ("hit", "detail", "field"),
    [
        (["Atlantis"], [], "hit_countries"),
        (None, ["ZZ"], "detail_countries"),
        (["MD"], ["PL"], "detail_countries"),
    ],
)
def test_bad_rules_name_their_field(hit, detail, field) -> None:
    with pytest.raises(Invalid) as caught:
        reports.dissemination(hit, detail)
    assert caught.value.field == field and field in caught.value.message


def test_hit_notifications_are_kept_listed_and_audited(node, people) -> None:
    ncb = people.actor(Role.NCB_OFFICER)
    rec = records.create(node, ncb, _person(), ProvenanceIn())
    hit_id = str(uuid.uuid4())
    data = {
        "hit": hit_id,
        "status": "open",
        "record": rec.id,
        "other_country": "MD",
        "band": "same",
        "probability": 0.99,
    }
    deliver(node, "GS", Draft(kind=Kind.HIT, recipients=["UA"], body=Body(data=data)))
    assert hits.unread_count(node, ncb) == 1
    [found] = hits.list_hits(node, ncb)
    assert found.hit_id == hit_id and found.other_country == "MD" and found.record_id == rec.id
    assert found.other_record is None  # MD did not allow details
    view = hits.read_hit(node, ncb, hit_id)
    assert view.other_copy_id is None
    assert hits.unread_count(node, ncb) == 0
    [entry] = _audit(node, "read_hit")
    assert entry["record_id"] == rec.id
    # The same hit closed later: one notification, now closed and unread news.
    deliver(
        node,
        "GS",
        Draft(
            kind=Kind.HIT,
            recipients=["UA"],
            body=Body(data={**data, "status": "closed", "reason": "withdrawn"}),
        ),
    )
    assert hits.list_hits(node, ncb) == []
    [closed] = hits.list_hits(node, ncb, status="closed")
    assert closed.hit_id == hit_id
    with pytest.raises(Forbidden):
        hits.list_hits(node, people.actor(Role.WELFARE_OFFICER))


def test_hits_from_anyone_but_the_secretariat_are_ignored(node, people) -> None:
    ncb = people.actor(Role.NCB_OFFICER)
    data = {
        "hit": str(uuid.uuid4()),
        "status": "open",
        "record": str(uuid.uuid4()),
        "other_country": "MD",
        "band": "same",
        "probability": 0.9,
    }
    deliver(node, "MD", Draft(kind=Kind.HIT, recipients=["UA"], body=Body(data=data)))
    assert hits.list_hits(node, ncb) == []


def test_details_of_a_hit_become_a_copy_with_the_owners_handling_code(node, people) -> None:
    from tests.exchange.secretariat_support import shared_person

    ncb = people.actor(Role.NCB_OFFICER)
    rec = records.create(node, ncb, _person(), ProvenanceIn())
    theirs = shared_person("MD", person_facts(identity(32)), code=HandlingCode.H1)
    data = {
        "hit": str(uuid.uuid4()),
        "status": "open",
        "record": rec.id,
        "other_country": "MD",
        "band": "same",
        "probability": 0.99,
        "other_record": str(theirs.record_id),
    }
    deliver(
        node, "GS", Draft(kind=Kind.HIT, recipients=["UA"], body=Body(records=[theirs], data=data))
    )
    view = hits.read_hit(node, ncb, data["hit"])
    assert view.other_copy_id is not None
    copy = records.read(node, ncb, view.other_copy_id)
    assert copy.provenance.origin_node == "MD" and copy.provenance.origin_id == str(
        theirs.record_id
    )
    assert copy.provenance.handling_code == HandlingCode.H1
    assert "court" in (copy.provenance.handling_text or "")
