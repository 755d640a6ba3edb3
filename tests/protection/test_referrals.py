"""Referrals: consent, children, states and who may move them, the portal, time limits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from interlink import protection
from interlink.protection import State
from interlink.protection.common import add_working_days
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.store.db import reading, transaction
from interlink.store.schema import referrals, welfare_notifications
from tests.protection.conftest import ADDRESS, AGENCY, EMAIL, OTHER_AGENCY, PHONE, World


def test_adult_without_consent_is_not_referred_the_agency_is_notified_anonymously(
    world: World,
) -> None:
    w = world
    out = protection.referrals.refer(w.node, w.on_case, w.refusing_id, AGENCY, needs="shelter")
    assert not out.referred and out.notification_id
    with reading(w.node.engine) as conn:
        assert conn.execute(select(referrals)).all() == []
        rows = conn.execute(select(welfare_notifications)).all()
    assert len(rows) == 1
    stored = str(tuple(rows[0]))
    assert w.refusing_id not in stored and "Iryna" not in stored
    portal = protection.referrals.portal(w.node, w.welfare)
    assert portal.referrals == []
    assert [n.summary for n in portal.notifications] == [
        {"age_band": "30-38", "forms": ["forced_labour"]}
    ]


def test_child_is_referred_without_consent(world: World) -> None:
    w = world
    out = protection.referrals.refer(w.node, w.on_case, w.child_id, AGENCY, name_to_use="Masha")
    assert out.referred
    view = protection.referrals.get(w.node, w.welfare, out.referral_id or "")
    assert view.child and view.state == "referred"
    assert view.carries["age_band"] == "9-17" and view.carries["name_to_use"] == "Masha"
    assert view.victim_id is None  # the agency never learns the record id
    assert [(e.from_state, e.to_state) for e in view.events] == [
        (None, "identified"),
        ("identified", "referred"),
    ]
    assert view.due == add_working_days(view.created_at.date(), 5)


def test_the_referral_carries_no_protected_field(world: World) -> None:
    w = world
    out = protection.referrals.refer(w.node, w.on_case, w.adult_id, AGENCY, needs="shelter")
    view = protection.referrals.get(w.node, w.welfare, out.referral_id or "")
    text = repr(view)
    for value in (PHONE, EMAIL, ADDRESS, "Olena", "Testenko"):
        assert value not in text


def test_portal_shows_only_the_agency_s_referrals(world: World) -> None:
    w = world
    mine = protection.referrals.refer(w.node, w.on_case, w.adult_id, AGENCY).referral_id
    theirs = protection.referrals.refer(w.node, w.on_case, w.child_id, OTHER_AGENCY).referral_id
    assert [r.id for r in protection.referrals.portal(w.node, w.welfare).referrals] == [mine]
    with pytest.raises(NotFound):
        protection.referrals.get(w.node, w.welfare, theirs or "")
    with pytest.raises(NotFound):
        protection.referrals.move(w.node, w.welfare, theirs or "", State.ACCEPTED)
    # Police who may not see the victim do not see its referral either.
    with pytest.raises(NotFound):
        protection.referrals.get(w.node, w.colleague, mine or "")


def test_states_each_dated_and_by_whom(world: World) -> None:
    w = world
    rid = protection.referrals.refer(w.node, w.on_case, w.adult_id, AGENCY).referral_id or ""
    with pytest.raises(Forbidden, match="agency"):
        protection.referrals.move(w.node, w.on_case, rid, State.ACCEPTED)  # the agency decides
    with pytest.raises(Invalid, match="note"):
        protection.referrals.move(w.node, w.welfare, rid, State.DECLINED)  # say why
    protection.referrals.move(w.node, w.welfare, rid, State.ACCEPTED)
    with pytest.raises(Invalid, match="cannot become"):
        protection.referrals.move(w.node, w.welfare, rid, State.REFERRED)
    protection.referrals.add_note(w.node, w.welfare, rid, "First meeting on Monday.")
    protection.referrals.move(w.node, w.welfare, rid, State.SUPPORT_UNDER_WAY)
    protection.referrals.move(w.node, w.on_case, rid, State.CLOSED, "Support completed.")
    police = protection.referrals.get(w.node, w.on_case, rid)
    assert police.victim_id == w.adult_id
    assert [(e.to_state, e.by, e.note) for e in police.events[2:]] == [
        ("accepted", w.welfare.username, None),
        (None, w.welfare.username, "First meeting on Monday."),
        ("support_under_way", w.welfare.username, None),
        ("closed", w.on_case.username, "Support completed."),
    ]
    assert all(e.at for e in police.events)


def test_overdue_referral_is_in_the_queues(world: World) -> None:
    w = world
    rid = protection.referrals.refer(w.node, w.on_case, w.adult_id, AGENCY).referral_id
    assert protection.referrals.overdue(w.node, w.on_case) == []
    with transaction(w.node.engine) as conn:
        conn.execute(
            update(referrals)
            .where(referrals.c.id == rid)
            .values(due=date.today() - timedelta(days=1))
        )
    assert [r.id for r in protection.referrals.overdue(w.node, w.on_case)] == [rid]
    assert [r.id for r in protection.referrals.overdue(w.node, w.welfare)] == [rid]
    assert protection.referrals.overdue(w.node, w.other_welfare) == []
    assert protection.referrals.overdue(w.node, w.colleague) == []  # cannot see the victim


def test_working_days_skip_weekends() -> None:
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 1) == date(2026, 11, 30)
    assert add_working_days(friday, 5) == date(2026, 12, 4)


def test_public_holidays_are_not_working_days(tmp_path) -> None:
    from interlink.protection.common import public_holidays
    from interlink.settings import Settings

    friday = date(2026, 12, 18)
    # Christmas on Friday 25 and New Year's Day on Friday 1: five working days end on the 29th.
    christmas = [date(2026, 12, 25), date(2027, 1, 1)]
    assert add_working_days(friday, 5) == date(2026, 12, 25)
    assert add_working_days(friday, 5, frozenset(christmas)) == date(2026, 12, 28)
    assert add_working_days(friday, 10, frozenset(christmas)) == date(2027, 1, 5)
    # From the setting and from the data directory's file, with comments.
    (tmp_path / "holidays.txt").write_text("# public holidays\n2026-12-25  # Christmas\n\n")
    settings = Settings(data_dir=tmp_path, holidays=[date(2027, 1, 1)])
    assert public_holidays(settings) == frozenset(christmas)
    (tmp_path / "holidays.txt").write_text("2026-12-25\n25.12.2027\n")
    with pytest.raises(Invalid, match=r"holidays.txt line 2: '25.12.2027' is not a date"):
        public_holidays(settings)


def test_a_referral_s_time_limit_skips_the_public_holidays(world: World) -> None:
    w = world
    today = date.today()
    plain = add_working_days(today, w.node.settings.referral_decision_days)
    w.node.settings.holidays = [today + timedelta(days=d) for d in range(1, 8)]
    rid = protection.referrals.refer(w.node, w.on_case, w.adult_id, AGENCY).referral_id
    due = protection.referrals.get(w.node, w.on_case, rid).due
    assert due is not None and due > plain
    assert due == add_working_days(today, 5, frozenset(w.node.settings.holidays))
