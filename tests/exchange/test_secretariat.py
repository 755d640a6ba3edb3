"""The international database at the Secretariat: reports kept per owner, hits between
countries told as each owner's rules allow, updates re-evaluated, withdrawals removed."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from interlink.domain.codes import HandlingCode
from interlink.exchange import secretariat  # noqa: F401  (registers the handlers)
from interlink.exchange.messages import Body, Draft, Kind
from interlink.node import Node
from interlink.records.errors import Invalid
from interlink.settings import Settings
from interlink.store import secretariat as sql
from interlink.store.db import reading
from interlink.store.schema import identifiers, records, reported_records, secretariat_hits
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


def _count(node: Node, table, *where) -> int:
    with reading(node.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def _hits(node: Node) -> list[sql.Hit]:
    with reading(node.engine) as conn:
        return sql.list_hits(conn)


def test_same_person_in_two_scripts_is_one_hit_told_to_both(gs: Node) -> None:
    who = identity(11)
    ua = shared_person("UA", person_facts(who), detail_countries=["MD"], code=HandlingCode.H1)
    md = shared_person("MD", person_facts(who, script="native", birth="year"))
    with capturing() as box:
        deliver(gs, "UA", report_draft(ua))
        assert box.of_kind(Kind.HIT) == []  # nobody else has reported them yet
        deliver(gs, "MD", report_draft(md))
        told = {draft.recipients[0]: draft for _, draft in box.of_kind(Kind.HIT)}

    assert (
        _count(gs, records, records.c.origin_node == "UA", records.c.origin_id == str(ua.record_id))
        == 1
    )
    assert _count(gs, records, records.c.origin_node == "MD") == 1
    [hit] = _hits(gs)
    assert hit.status == "open" and hit.band in ("same", "possibly same")
    assert {hit.left_owner, hit.right_owner} == {"UA", "MD"}
    assert set(told) == {"UA", "MD"}
    # MD may see UA's details (UA allowed it): the copy carries UA's handling code.
    to_md = told["MD"]
    assert to_md.body.data["other_country"] == "UA"
    assert to_md.body.data["record"] == str(md.record_id)
    assert to_md.body.data["hit"] == hit.id
    assert to_md.body.data["other_record"] == str(ua.record_id)
    [copy] = to_md.body.records
    assert copy.owner == "UA" and copy.record_id == ua.record_id
    assert copy.handling_code == HandlingCode.H1 and to_md.handling_code == HandlingCode.H1
    # UA learns of the hit, the country and the reference, but not MD's details.
    to_ua = told["UA"]
    assert to_ua.body.data["other_country"] == "MD"
    assert to_ua.body.data["record"] == str(ua.record_id)
    assert to_ua.body.data["hit"] == hit.id
    assert "other_record" not in to_ua.body.data
    assert to_ua.body.records == []
    assert who.family.native not in (to_ua.body.text or "")


def test_a_country_left_out_of_the_rules_learns_nothing(gs: Node) -> None:
    who = identity(12)
    with capturing() as box:
        deliver(
            gs, "UA", report_draft(shared_person("UA", person_facts(who), hit_countries=["PL"]))
        )
        deliver(gs, "MD", report_draft(shared_person("MD", person_facts(who))))
        told = [d.recipients[0] for _, d in box.of_kind(Kind.HIT)]
    assert told == ["UA"]  # MD's rules let everyone know; UA's leave MD out
    [hit] = _hits(gs)
    assert hit.status == "open"


def test_persons_of_one_country_make_no_hit(gs: Node) -> None:
    who = identity(13)
    with capturing() as box:
        deliver(gs, "UA", report_draft(shared_person("UA", person_facts(who))))
        deliver(gs, "UA", report_draft(shared_person("UA", person_facts(who, birth="year"))))
    assert box.of_kind(Kind.HIT) == []
    assert _hits(gs) == []


def test_different_persons_make_no_hit(gs: Node) -> None:
    with capturing() as box:
        deliver(gs, "UA", report_draft(shared_person("UA", person_facts(identity(14)))))
        deliver(gs, "MD", report_draft(shared_person("MD", person_facts(identity(15)))))
    assert box.of_kind(Kind.HIT) == []


def test_reporting_again_or_updating_keeps_one_hit(gs: Node) -> None:
    who = identity(23)
    ua = shared_person("UA", person_facts(who))
    md = shared_person("MD", person_facts(who, script="native"))
    with capturing() as box:
        deliver(gs, "UA", report_draft(ua))
        deliver(gs, "MD", report_draft(md))
        box.take()
        deliver(gs, "MD", report_draft(md))  # reported again
        newer = md.model_copy(update={"version": 2})
        deliver(gs, "MD", Draft(kind=Kind.UPDATE, recipients=["GS"], body=Body(records=[newer])))
        assert box.of_kind(Kind.HIT) == []  # nothing new to tell
    assert _count(gs, secretariat_hits) == 1
    assert _count(gs, records, records.c.origin_node == "MD") == 1
    with reading(gs.engine) as conn:
        version = conn.execute(
            select(records.c.version).where(records.c.origin_node == "MD")
        ).scalar_one()
    assert version == 2


def test_an_update_that_no_longer_matches_closes_the_hit_and_tells_both(gs: Node) -> None:
    who = identity(17)
    ua = shared_person("UA", person_facts(who))
    md = shared_person("MD", person_facts(who))
    with capturing() as box:
        deliver(gs, "UA", report_draft(ua))
        deliver(gs, "MD", report_draft(md))
        box.take()
        other = md.model_copy(update={"facts": person_facts(identity(18)), "version": 2})
        deliver(gs, "MD", Draft(kind=Kind.UPDATE, recipients=["GS"], body=Body(records=[other])))
        closed = {d.recipients[0]: d.body.data for _, d in box.of_kind(Kind.HIT)}
    [hit] = _hits(gs)
    assert hit.status == "closed" and hit.closed_reason == "no longer matches"
    assert set(closed) == {"UA", "MD"}
    assert all(d["status"] == "closed" and d["hit"] == hit.id for d in closed.values())
    # Back to the old facts: the same hit opens again (one hit per pair).
    with capturing() as box:
        again = md.model_copy(update={"version": 3})
        deliver(gs, "MD", Draft(kind=Kind.UPDATE, recipients=["GS"], body=Body(records=[again])))
        reopened = [d.body.data for _, d in box.of_kind(Kind.HIT)]
    [hit2] = _hits(gs)
    assert hit2.id == hit.id and hit2.status == "open"
    assert {d["status"] for d in reopened} == {"open"}


def test_a_withdrawal_removes_the_record_and_closes_its_hits(gs: Node) -> None:
    who = identity(19)
    ua = shared_person("UA", person_facts(who))
    md = shared_person("MD", person_facts(who))
    with capturing() as box:
        deliver(gs, "UA", report_draft(ua))
        deliver(gs, "MD", report_draft(md))
        box.take()
        deliver(
            gs,
            "UA",
            Draft(
                kind=Kind.WITHDRAWAL,
                recipients=["GS"],
                body=Body(
                    data={
                        "records": [{"owner": "UA", "record_id": str(ua.record_id)}],
                        "reason": "closed",
                    }
                ),
            ),
        )
        closed = {d.recipients[0]: d.body.data for _, d in box.of_kind(Kind.HIT)}
    assert _count(gs, records, records.c.origin_node == "UA") == 0
    assert _count(gs, reported_records, reported_records.c.owner == "UA") == 0
    with reading(gs.engine) as conn:
        left = conn.execute(select(records.c.id)).scalars().all()
    assert _count(gs, identifiers, identifiers.c.record_id.notin_(left)) == 0  # no index rows left
    [hit] = _hits(gs)
    assert hit.status == "closed" and hit.closed_reason == "withdrawn"
    assert set(closed) == {"UA", "MD"} and closed["MD"]["status"] == "closed"
    # A later report of the same person by a third country does not meet the withdrawn one.
    with capturing() as box:
        deliver(gs, "PL", report_draft(shared_person("PL", person_facts(who))))
        told = sorted(d.recipients[0] for _, d in box.of_kind(Kind.HIT))
    assert told == ["MD", "PL"]


def test_a_node_cannot_report_another_countrys_record(gs: Node) -> None:
    forged = shared_person("UA", person_facts(identity(20)))
    with capturing(), pytest.raises(Invalid, match="only a record's owner"):
        deliver(gs, "MD", report_draft(forged))
    assert _count(gs, records) == 0


def test_invalid_facts_are_refused_whole(gs: Node) -> None:
    good = shared_person("UA", person_facts(identity(21)))
    bad = shared_person("UA", {"names": []})
    with capturing(), pytest.raises(Invalid, match="names"):
        deliver(gs, "UA", report_draft(good, bad))
    assert _count(gs, records) == 0
    assert _count(gs, reported_records) == 0


def test_an_update_of_a_record_never_reported_stores_nothing(gs: Node) -> None:
    stray = shared_person("UA", person_facts(identity(22)), record_id=str(uuid.uuid4()))
    with capturing():
        deliver(gs, "UA", Draft(kind=Kind.UPDATE, recipients=["GS"], body=Body(records=[stray])))
    assert _count(gs, records) == 0


def test_the_secretariat_refuses_a_victim_reported_as_a_suspect(gs: Node) -> None:
    victim = shared_person("UA", person_facts(identity(24)) | {"role": "victim"})
    with capturing(), pytest.raises(Invalid, match="victim"):
        deliver(gs, "UA", report_draft(victim))
    assert _count(gs, records) == 0


def test_an_update_carrying_the_rules_replaces_them_and_one_without_keeps_them(gs: Node) -> None:
    from interlink.exchange.secretariat import rules_of

    ua = shared_person("UA", person_facts(identity(23)), hit_countries=["DE"])
    with capturing():
        deliver(gs, "UA", report_draft(ua))
        newer = ua.model_copy(update={"version": 2})  # rules as an older node sends them
        deliver(gs, "UA", Draft(kind=Kind.UPDATE, recipients=["GS"], body=Body(records=[newer])))
    with reading(gs.engine) as conn:
        [rid] = sql.reported_by_origin(conn, "UA", [str(ua.record_id)]).values()
        kept = rules_of(conn, rid.record_id)
    assert kept is not None and kept.hit_countries == ["DE"] and kept.detail_countries == []
    carried = ua.model_copy(
        update={
            "version": 3,
            "dissemination": ua.dissemination.model_copy(
                update={"hit_countries": ["DE", "MD"], "detail_countries": ["MD"]}
            ),
        }
    )
    body = Body(records=[carried], data={"dissemination": "carried"})
    with capturing():
        deliver(gs, "UA", Draft(kind=Kind.UPDATE, recipients=["GS"], body=body))
    with reading(gs.engine) as conn:
        now = rules_of(conn, rid.record_id)
    assert now is not None and now.hit_countries == ["DE", "MD"] and now.detail_countries == ["MD"]
