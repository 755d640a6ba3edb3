"""Persistence of victim protection: case teams, victim profiles, role history, welfare
agencies, referrals and anonymous notifications. The only module with their SQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, delete, exists, insert, or_, select, update

from interlink.store.db import chunks
from interlink.store.schema import (
    case_assignments,
    identifiers,
    records,
    referral_events,
    referrals,
    refs,
    role_changes,
    units,
    users,
    victim_profiles,
    welfare_agencies,
    welfare_notifications,
)

HIGH = "high"


def new_id() -> str:
    return str(uuid.uuid4())


# -- access conditions (used by the records' visibility filter) ---------------------------


def not_high_risk() -> ColumnElement[bool]:
    """SQL: the record is not a victim at high intimidation risk."""
    profiles = victim_profiles.alias("risk_profiles")
    return ~exists().where(profiles.c.record_id == records.c.id, profiles.c.risk_level == HIGH)


def on_case_team(user_id: str | None) -> ColumnElement[bool]:
    """SQL: the user is assigned to a case whose ``records`` list holds the record."""
    if user_id is None:
        return exists().where(records.c.id.is_(None))
    # Aliases of their own: an outer query with ``refs`` in its FROM must not capture them.
    case_refs = refs.alias("case_team_refs")
    team = case_assignments.alias("case_team")
    return exists().where(
        case_refs.c.target_id == records.c.id,
        case_refs.c.field == "records",
        team.c.case_id == case_refs.c.record_id,
        team.c.user_id == user_id,
    )


def case_team_condition(user_id: str | None, username: str) -> ColumnElement[bool]:
    """SQL twin of ``policy.Scope.CASE_TEAM`` (the unit is compared by the caller)."""
    return or_(on_case_team(user_id), and_(records.c.recorded_by == username, not_high_risk()))


def victim_access(conn: Connection, record_id: str) -> tuple[frozenset[str], bool]:
    """Who is on a case the record is on (user ids), and whether it is at high risk."""
    team = conn.execute(
        select(case_assignments.c.user_id)
        .join(refs, refs.c.record_id == case_assignments.c.case_id)
        .where(refs.c.target_id == record_id, refs.c.field == "records")
    ).scalars()
    risk = conn.execute(
        select(victim_profiles.c.risk_level).where(victim_profiles.c.record_id == record_id)
    ).scalar()
    return frozenset(team), risk == HIGH


# -- contact records of victims ------------------------------------------------------------------

# The kinds a contact link joins a person to: where they live and how to reach them.
CONTACT_KINDS = ("address", "phone", "handle")
# Identifier kinds that are contact details (the network's shared phones, e-mails, addresses).
CONTACT_KEY_KINDS = ("phone", "email", "handle", "address")


def victims_of_contacts(conn: Connection, contact_ids: Sequence[str]) -> dict[str, set[str]]:
    """Of these address, phone and handle records, those a link joins to a victim: the ids of
    the victims each is joined to (a contact link goes from the person to the record)."""
    found: dict[str, set[str]] = {}
    wanted = sorted({str(i) for i in contact_ids})
    if not wanted:
        return found
    src, tgt, victim = refs.alias("vc_source"), refs.alias("vc_target"), records.alias("vc_victim")
    for part in chunks(wanted):
        rows = conn.execute(
            select(tgt.c.target_id, victim.c.id)
            .select_from(
                tgt.join(
                    src, and_(src.c.record_id == tgt.c.record_id, src.c.field == "source")
                ).join(victim, victim.c.id == src.c.target_id)
            )
            .where(
                tgt.c.field == "target",
                tgt.c.target_id.in_(list(part)),
                victim.c.subject_category == "victim",
            )
        )
        for contact, victim_id in rows:
            found.setdefault(str(contact), set()).add(str(victim_id))
    return found


def protected_keys(conn: Connection, keys: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of these (kind, value) identifiers, those that are a victim's contact details: held by
    a victim's record, or by a contact record linked to a victim."""
    wanted = sorted({(k, v) for k, v in keys if k in CONTACT_KEY_KINDS})
    found: set[tuple[str, str]] = set()
    holders: dict[str, set[tuple[str, str]]] = {}  # contact record id -> its keys
    for part in chunks(wanted):
        by_kind: dict[str, list[str]] = {}
        for kind, value in part:
            by_kind.setdefault(kind, []).append(value)
        cond = or_(
            *(and_(identifiers.c.kind == k, identifiers.c.value.in_(v)) for k, v in by_kind.items())
        )
        held = identifiers.join(records, records.c.id == identifiers.c.record_id)
        # Two narrow questions rather than every holder: a phone shared by thousands of
        # persons is held by few victims and fewer contact records.
        by_victims = conn.execute(
            select(identifiers.c.kind, identifiers.c.value)
            .distinct()
            .select_from(held)
            .where(cond, records.c.subject_category == "victim")
        )
        found.update((kind, value) for kind, value in by_victims)
        by_contacts = conn.execute(
            select(identifiers.c.kind, identifiers.c.value, identifiers.c.record_id)
            .select_from(held)
            .where(cond, records.c.kind.in_(sorted(CONTACT_KINDS)))
        )
        for kind, value, rid in by_contacts:
            holders.setdefault(str(rid), set()).add((kind, value))
    for rid in victims_of_contacts(conn, sorted(holders)):
        found |= holders[rid]
    return found


# -- case teams ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    case_id: str
    user_id: str
    username: str
    role: str
    assigned_at: datetime
    assigned_by: str


def assign(conn: Connection, case_id: str, user_id: str, by: str, at: datetime) -> bool:
    """Put a user on a case; False when they were on it already."""
    found = conn.execute(
        select(case_assignments.c.user_id).where(
            case_assignments.c.case_id == case_id, case_assignments.c.user_id == user_id
        )
    ).first()
    if found:
        return False
    conn.execute(
        insert(case_assignments).values(
            case_id=case_id, user_id=user_id, assigned_at=at, assigned_by=by
        )
    )
    return True


def unassign(conn: Connection, case_id: str, user_id: str) -> bool:
    res = conn.execute(
        delete(case_assignments).where(
            case_assignments.c.case_id == case_id, case_assignments.c.user_id == user_id
        )
    )
    return bool(res.rowcount)


def team(conn: Connection, case_id: str) -> list[Assignment]:
    rows = conn.execute(
        select(case_assignments, users.c.username, users.c.role)
        .join(users, users.c.id == case_assignments.c.user_id)
        .where(case_assignments.c.case_id == case_id)
        .order_by(case_assignments.c.assigned_at)
    )
    return [
        Assignment(r.case_id, r.user_id, r.username, r.role, r.assigned_at, r.assigned_by)
        for r in rows
    ]


def cases_of(conn: Connection, record_id: str) -> list[str]:
    """The cases whose ``records`` list holds the record."""
    return list(
        conn.execute(
            select(refs.c.record_id).where(refs.c.target_id == record_id, refs.c.field == "records")
        ).scalars()
    )


def user_unit_role(conn: Connection, user_id: str) -> tuple[str, str] | None:
    row = conn.execute(select(users.c.unit_code, users.c.role).where(users.c.id == user_id)).first()
    return (row.unit_code, row.role) if row else None


# -- victim profiles and role history ----------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    record_id: str
    context: dict[str, Any]
    risk_level: str
    risk_reasons: list[str]
    updated_at: datetime
    updated_by: str


def get_profile(conn: Connection, record_id: str) -> Profile | None:
    r = conn.execute(
        select(victim_profiles).where(victim_profiles.c.record_id == record_id)
    ).first()
    if r is None:
        return None
    return Profile(
        r.record_id, dict(r.context), r.risk_level, list(r.risk_reasons), r.updated_at, r.updated_by
    )


def profiles(conn: Connection, record_ids: Sequence[str]) -> dict[str, Profile]:
    if not record_ids:
        return {}
    rows = conn.execute(
        select(victim_profiles).where(victim_profiles.c.record_id.in_(list(record_ids)))
    )
    return {
        r.record_id: Profile(
            r.record_id,
            dict(r.context),
            r.risk_level,
            list(r.risk_reasons),
            r.updated_at,
            r.updated_by,
        )
        for r in rows
    }


def put_profile(conn: Connection, profile: Profile) -> None:
    values = {
        "context": profile.context,
        "risk_level": profile.risk_level,
        "risk_reasons": profile.risk_reasons,
        "updated_at": profile.updated_at,
        "updated_by": profile.updated_by,
    }
    res = conn.execute(
        update(victim_profiles)
        .where(victim_profiles.c.record_id == profile.record_id)
        .values(**values)
    )
    if not res.rowcount:
        conn.execute(insert(victim_profiles).values(record_id=profile.record_id, **values))


@dataclass(frozen=True)
class RoleChange:
    from_role: str
    to_role: str
    reason: str
    changed_at: datetime
    changed_by: str


def add_role_change(conn: Connection, record_id: str, change: RoleChange) -> None:
    conn.execute(insert(role_changes).values(id=new_id(), record_id=record_id, **change.__dict__))


def role_history(conn: Connection, record_id: str) -> list[RoleChange]:
    rows = conn.execute(
        select(role_changes)
        .where(role_changes.c.record_id == record_id)
        .order_by(role_changes.c.changed_at)
    )
    return [RoleChange(r.from_role, r.to_role, r.reason, r.changed_at, r.changed_by) for r in rows]


# -- welfare agencies --------------------------------------------------------------------------


@dataclass(frozen=True)
class Agency:
    unit_code: str
    name: str
    services: list[str]
    area: str
    contact: str


def _agency_query() -> Any:
    return select(welfare_agencies, units.c.name).join(
        units, units.c.code == welfare_agencies.c.unit_code
    )


def _agency(r: Any) -> Agency:
    return Agency(r.unit_code, r.name, list(r.services), r.area, r.contact)


def add_agency(conn: Connection, agency: Agency, by: str, at: datetime) -> None:
    conn.execute(
        insert(welfare_agencies).values(
            unit_code=agency.unit_code,
            services=agency.services,
            area=agency.area,
            contact=agency.contact,
            created_at=at,
            created_by=by,
        )
    )


def get_agency(conn: Connection, unit_code: str) -> Agency | None:
    r = conn.execute(_agency_query().where(welfare_agencies.c.unit_code == unit_code)).first()
    return _agency(r) if r else None


def list_agencies(conn: Connection) -> list[Agency]:
    return [_agency(r) for r in conn.execute(_agency_query().order_by(units.c.name))]


# -- referrals ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Referral:
    id: str
    victim_id: str
    agency_unit: str
    owning_unit: str
    state: str
    child: bool
    consent: str
    carries: dict[str, Any]
    created_at: datetime
    created_by: str
    state_since: datetime
    due: date | None


@dataclass(frozen=True)
class Event:
    at: datetime
    by: str
    by_unit: str | None
    from_state: str | None
    to_state: str | None
    note: str | None


def _referral(r: Any) -> Referral:
    return Referral(
        r.id,
        r.victim_id,
        r.agency_unit,
        r.owning_unit,
        r.state,
        bool(r.child),
        r.consent,
        dict(r.carries),
        r.created_at,
        r.created_by,
        r.state_since,
        r.due,
    )


def insert_referral(conn: Connection, ref: Referral) -> None:
    conn.execute(insert(referrals).values(**ref.__dict__))


def get_referral(
    conn: Connection, referral_id: str, *, for_update: bool = False
) -> Referral | None:
    q = select(referrals).where(referrals.c.id == referral_id)
    if for_update and conn.dialect.name == "postgresql":
        q = q.with_for_update()
    r = conn.execute(q).first()
    return _referral(r) if r else None


def list_referrals(
    conn: Connection,
    *,
    agency_unit: str | None = None,
    owning_unit: str | None = None,
    victim_id: str | None = None,
    victim_ids: Sequence[str] | None = None,
) -> list[Referral]:
    q = select(referrals).order_by(referrals.c.created_at.desc())
    if agency_unit is not None:
        q = q.where(referrals.c.agency_unit == agency_unit)
    if owning_unit is not None:
        q = q.where(referrals.c.owning_unit == owning_unit)
    if victim_id is not None:
        q = q.where(referrals.c.victim_id == victim_id)
    if victim_ids is not None:
        q = q.where(referrals.c.victim_id.in_(list(victim_ids)))
    return [_referral(r) for r in conn.execute(q)]


def set_state(
    conn: Connection, referral_id: str, state: str, at: datetime, due: date | None
) -> None:
    conn.execute(
        update(referrals)
        .where(referrals.c.id == referral_id)
        .values(state=state, state_since=at, due=due)
    )


def backdate(conn: Connection, referral_id: str, by: timedelta) -> None:
    """Move a referral and its events ``by`` into the past (the demo's overdue referral)."""
    row = conn.execute(
        select(referrals.c.created_at, referrals.c.state_since, referrals.c.due).where(
            referrals.c.id == referral_id
        )
    ).first()
    if row is None:
        return
    conn.execute(
        update(referrals)
        .where(referrals.c.id == referral_id)
        .values(
            created_at=row.created_at - by,
            state_since=row.state_since - by,
            due=row.due - by if row.due else None,
        )
    )
    events_ = conn.execute(
        select(referral_events.c.id, referral_events.c.at).where(
            referral_events.c.referral_id == referral_id
        )
    ).all()
    for event_id, at in events_:
        conn.execute(
            update(referral_events).where(referral_events.c.id == event_id).values(at=at - by)
        )


def add_event(conn: Connection, referral_id: str, event: Event) -> None:
    conn.execute(
        insert(referral_events).values(id=new_id(), referral_id=referral_id, **event.__dict__)
    )


def events(conn: Connection, referral_id: str) -> list[Event]:
    rows = conn.execute(
        select(referral_events)
        .where(referral_events.c.referral_id == referral_id)
        .order_by(referral_events.c.at, referral_events.c.id)
    )
    return [Event(r.at, r.by, r.by_unit, r.from_state, r.to_state, r.note) for r in rows]


def overdue(conn: Connection, today: date, states: Sequence[str]) -> list[Referral]:
    rows = conn.execute(
        select(referrals)
        .where(referrals.c.due < today, referrals.c.state.in_(list(states)))
        .order_by(referrals.c.due)
    )
    return [_referral(r) for r in rows]


# -- anonymous notifications -------------------------------------------------------------------


@dataclass(frozen=True)
class Notification:
    id: str
    agency_unit: str
    at: datetime
    by_unit: str
    summary: dict[str, Any]


def insert_notification(conn: Connection, n: Notification) -> None:
    conn.execute(insert(welfare_notifications).values(**n.__dict__))


def notifications(conn: Connection, agency_unit: str) -> list[Notification]:
    rows = conn.execute(
        select(welfare_notifications)
        .where(welfare_notifications.c.agency_unit == agency_unit)
        .order_by(welfare_notifications.c.at.desc())
    )
    return [Notification(r.id, r.agency_unit, r.at, r.by_unit, dict(r.summary)) for r in rows]


# -- export check ------------------------------------------------------------------------------


def victims_listed_as_suspects(conn: Connection, flt: Any, visible: Any) -> list[tuple[str, str]]:
    """(record id, victim id) of every record of the export that lists a victim as a suspect."""
    from sqlalchemy.orm import aliased

    from interlink.store.records import _filtered

    victim = aliased(records)
    q = (
        select(records.c.id, refs.c.target_id)
        .join(refs, refs.c.record_id == records.c.id)
        .join(victim, victim.c.id == refs.c.target_id)
        .where(refs.c.field == "suspects", victim.c.subject_category == "victim", visible)
        .order_by(records.c.id)
    )
    return [(r[0], r[1]) for r in conn.execute(_filtered(q, flt))]
