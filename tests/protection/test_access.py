"""Who sees a victim: every role, own and other unit, the case team, high risk, masking."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from interlink import protection, records
from interlink.access import Role
from interlink.records.errors import Invalid, NotFound
from interlink.records.protected import MASK
from interlink.store.db import reading
from interlink.store.records import ListFilter
from interlink.store.schema import audit_log
from tests.protection.conftest import ADDRESS, EMAIL, KYIV, LVIV, PHONE, World


def sees(w: World, actor, record_id: str) -> bool:
    """Both ways a user would find out: opening the record, and the list of persons."""
    try:
        records.read(w.node, actor, record_id)
        read = True
    except NotFound:
        read = False
    page = records.list_records(w.node, actor, ListFilter(kind="person"), limit=500)
    listed = record_id in {r.id for r in page.items}
    assert read == listed, "a list must never show what a read refuses, nor hide what it shows"
    return read


def test_every_role_and_unit_on_a_victim(world: World) -> None:
    w = world
    expected = {
        "investigator on the case": (w.on_case, True),
        "investigator who recorded it": (w.recorder, True),
        "investigator of the unit, not on the case": (w.colleague, False),
        "supervisor of the unit": (w.supervisor, True),
        "data-protection officer": (w.actor(Role.DATA_PROTECTION_OFFICER), True),
        "analyst of the unit": (w.actor(Role.ANALYST), False),
        "NCB officer of the unit": (w.actor(Role.NCB_OFFICER), False),
        "administrator": (w.actor(Role.ADMINISTRATOR), False),
        "welfare officer of the agency referred to": (w.welfare, False),
        "welfare officer of an agency not referred to": (w.other_welfare, False),
        "investigator of another unit": (w.actor(Role.INVESTIGATOR, LVIV), False),
        "supervisor of another unit": (w.actor(Role.SUPERVISOR, LVIV), False),
    }
    protection.referrals.refer(w.node, w.on_case, w.adult_id, "UA-WELFARE-KYIV")
    got = {who: sees(w, actor, w.adult_id) for who, (actor, _) in expected.items()}
    assert got == {who: want for who, (_, want) in expected.items()}
    # The suspect of the same case is the unit's as before.
    assert sees(w, w.colleague, w.suspect_id)


def test_high_risk_narrows_to_the_case_team(world: World) -> None:
    w = world
    protection.victims.set_risk(
        w.node, w.on_case, w.adult_id, protection.RiskLevel.HIGH, ["threats by the recruiter"]
    )
    assert sees(w, w.on_case, w.adult_id)
    assert not sees(w, w.supervisor, w.adult_id)  # not on the case
    assert not sees(w, w.recorder, w.adult_id)  # recording it is not enough any more
    assert sees(w, w.actor(Role.DATA_PROTECTION_OFFICER), w.adult_id)
    protection.teams.assign(w.node, w.supervisor, w.case_id, w.supervisor.id or "")
    assert sees(w, w.supervisor, w.adult_id)
    # Taking the investigator off the case takes the victim out of their sight.
    protection.teams.assign(w.node, w.supervisor, w.case_id, w.on_case.id or "", on=False)
    assert not sees(w, w.on_case, w.adult_id)


def test_high_risk_needs_reasons(world: World) -> None:
    with pytest.raises(Invalid, match="risk_reasons"):
        protection.victims.set_risk(
            world.node, world.on_case, world.adult_id, protection.RiskLevel.HIGH, []
        )


def test_protected_fields_masked_until_unmasked_with_a_reason(world: World) -> None:
    w = world
    rec = records.read(w.node, w.on_case, w.adult_id)
    assert rec.facts.phones == [MASK] and rec.facts.emails == [MASK]  # type: ignore[attr-defined]
    assert rec.facts.addresses == [MASK]  # type: ignore[attr-defined]
    listed = records.list_records(w.node, w.on_case, ListFilter(kind="person")).items
    assert all(MASK in r.facts.phones for r in listed if r.id == w.adult_id)  # type: ignore[attr-defined]
    found = records.search(
        w.node, w.on_case, records.SearchQuery(name="Olena Testenko"), purpose="case work"
    )
    assert [r.facts.phones for r in found] == [[MASK]]  # type: ignore[attr-defined]
    with pytest.raises(Invalid, match="unmask_reason"):
        records.read(w.node, w.on_case, w.adult_id, unmask_reason="  ")
    clear = records.read(w.node, w.on_case, w.adult_id, unmask_reason="arrange a safe meeting")
    assert clear.facts.phones == [PHONE]  # type: ignore[attr-defined]
    assert clear.facts.addresses == [ADDRESS]  # type: ignore[attr-defined]
    assert clear.facts.emails == [EMAIL]  # type: ignore[attr-defined]
    # Per request: the next read is masked again; the unmasking is in the audit log.
    assert records.read(w.node, w.on_case, w.adult_id).facts.phones == [MASK]  # type: ignore[attr-defined]
    with reading(w.node.engine) as conn:
        rows = conn.execute(
            select(audit_log.c.actor, audit_log.c.purpose, audit_log.c.details).where(
                audit_log.c.action == "unmask", audit_log.c.record_id == w.adult_id
            )
        ).all()
    assert [(r.actor, r.purpose) for r in rows] == [(w.on_case.username, "arrange a safe meeting")]
    assert json.loads(rows[0].details)["fields"] == ["addresses", "phones", "emails"]


def test_a_masked_form_sent_back_keeps_the_stored_values(world: World) -> None:
    w = world
    masked = records.read(w.node, w.on_case, w.adult_id)
    records.update(
        w.node,
        w.on_case,
        w.adult_id,
        changes={"phones": masked.facts.phones, "notes": "seen at the shelter"},  # type: ignore[attr-defined]
    )
    clear = records.read(w.node, w.on_case, w.adult_id, unmask_reason="check the update")
    assert clear.facts.phones == [PHONE]  # type: ignore[attr-defined]
    assert clear.facts.notes == "seen at the shelter"  # type: ignore[attr-defined]


def test_a_role_changes_only_with_a_reason_kept_in_the_history(world: World) -> None:
    w = world
    with pytest.raises(Invalid, match="role"):
        records.update(w.node, w.recorder, w.suspect_id, changes={"role": "possible_victim"})
    with pytest.raises(Invalid, match="reason"):
        protection.victims.change_role(
            w.node, w.recorder, w.suspect_id, protection.victims.PersonRole.VICTIM, " "
        )
    protection.victims.change_role(
        w.node,
        w.recorder,
        w.suspect_id,
        protection.victims.PersonRole.POSSIBLE_VICTIM,
        "debt bondage indicators in the interview",
    )
    history = protection.victims.role_history(w.node, w.on_case, w.suspect_id)
    assert [(h.from_role, h.to_role, h.reason, h.changed_by) for h in history] == [
        (
            "suspect",
            "possible_victim",
            "debt bondage indicators in the interview",
            w.recorder.username,
        )
    ]
    # Now a possible victim: out of the analyst's sight, like every victim.
    assert not sees(w, w.actor(Role.ANALYST, KYIV), w.suspect_id)
