"""Referrals of victims to welfare agencies, the anonymous notification, and the portal.

An adult is referred only with recorded informed consent; without it the agency receives an
anonymous notification (age band and forms of exploitation: no personal data, not even the
record id). A child is always referred, consent or not. A referral carries a small, fixed
set of data (``carries``): that is all the agency ever sees of the victim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from interlink.access import Actor, Capability, Role, audit, has_capability
from interlink.domain.codes import VICTIM_ROLES
from interlink.node import Node
from interlink.protection.common import add_working_days, public_holidays, require, victim_in
from interlink.protection.context import Consent, VictimContext
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.store import protection as store
from interlink.store.db import reading, transaction


class State(StrEnum):
    IDENTIFIED = "identified"
    REFERRED = "referred"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    SUPPORT_UNDER_WAY = "support_under_way"
    CLOSED = "closed"


AGENCY, POLICE = "agency", "police"
# Which side may move a referral from one state to the next.
TRANSITIONS: dict[tuple[State, State], frozenset[str]] = {
    (State.IDENTIFIED, State.REFERRED): frozenset({POLICE}),
    (State.REFERRED, State.ACCEPTED): frozenset({AGENCY}),
    (State.REFERRED, State.DECLINED): frozenset({AGENCY}),
    (State.ACCEPTED, State.SUPPORT_UNDER_WAY): frozenset({AGENCY}),
    (State.ACCEPTED, State.CLOSED): frozenset({AGENCY, POLICE}),
    (State.SUPPORT_UNDER_WAY, State.CLOSED): frozenset({AGENCY, POLICE}),
    (State.DECLINED, State.CLOSED): frozenset({POLICE}),
}
# States with a time limit (a decision, then the start of support) and so with a due date.
WAITING = (State.REFERRED, State.ACCEPTED)
VICTIMS = frozenset(r.value for r in VICTIM_ROLES)
MAX_TEXT = 2000


@dataclass(frozen=True)
class Outcome:
    """What ``refer`` did: a referral, or an anonymous notification instead."""

    referral_id: str | None
    notification_id: str | None

    @property
    def referred(self) -> bool:
        return self.referral_id is not None


def _text(field: str, value: str | None, *, required: bool = False) -> str | None:
    if value is None or not value.strip():
        if required:
            raise Invalid(f"{field}: required", field=field)
        return None
    if len(value) > MAX_TEXT:
        raise Invalid(f"{field}: at most {MAX_TEXT} characters", field=field)
    return value.strip()


def _due(node: Node, state: State, at: datetime) -> date | None:
    s = node.settings
    days = {State.REFERRED: s.referral_decision_days, State.ACCEPTED: s.referral_support_days}
    if state not in days:
        return None
    return add_working_days(at.date(), days[state], public_holidays(s))


def refer(
    node: Node,
    actor: Actor,
    victim_id: str,
    agency_unit: str,
    *,
    name_to_use: str | None = None,
    needs: str | None = None,
) -> Outcome:
    """Refer a victim (children always; adults with consent) or notify anonymously."""
    require(actor, Capability.REFER)
    name_to_use = _text("name_to_use", name_to_use)
    needs = _text("needs", needs)
    now = datetime.now(UTC)
    with transaction(node.engine) as conn:
        rec = victim_in(conn, actor, victim_id, change=True)
        if store.get_agency(conn, agency_unit) is None:
            raise Invalid(f"agency: no welfare agency {agency_unit}", field="agency")
        profile = store.get_profile(conn, victim_id)
        ctx = VictimContext.model_validate(profile.context) if profile else VictimContext()
        child = ctx.child_reason() is not None
        if not child and ctx.consent != Consent.GIVEN:
            note = store.Notification(
                store.new_id(),
                agency_unit,
                now,
                rec.provenance.owning_unit,
                {
                    "age_band": ctx.age_band.value if ctx.age_band else None,
                    "forms": [f.value for f in ctx.forms],
                },
            )
            store.insert_notification(conn, note)
            audit.write(
                conn,
                node.audit_key,
                actor,
                "welfare_notification",
                record_kind="person",
                record_id=victim_id,
                details={"agency": agency_unit, "consent": ctx.consent.value},
            )
            return Outcome(None, note.id)
        gender = getattr(rec.facts, "gender", None)
        carries: dict[str, Any] = {
            "name_to_use": name_to_use,
            "child": child,
            "age_band": ctx.age_band.value if ctx.age_band else None,
            "gender": gender.value if gender is not None else None,
            "languages": ctx.languages,
            "forms": [f.value for f in ctx.forms],
            "needs": needs,
            "police_contact": f"{actor.username} ({actor.unit})",
        }
        ref = store.Referral(
            id=store.new_id(),
            victim_id=victim_id,
            agency_unit=agency_unit,
            owning_unit=rec.provenance.owning_unit,
            state=State.REFERRED.value,
            child=child,
            consent=ctx.consent.value if not child else f"child:{ctx.consent.value}",
            carries=carries,
            created_at=now,
            created_by=actor.username,
            state_since=now,
            due=_due(node, State.REFERRED, now),
        )
        store.insert_referral(conn, ref)
        # Identified: when the person was recorded as a victim (or last became one).
        became = [c for c in store.role_history(conn, victim_id) if c.to_role in VICTIMS]
        identified, by = rec.provenance.recorded_at, rec.provenance.recorded_by
        if became:
            identified, by = became[-1].changed_at, became[-1].changed_by
        identified = min(now, identified)
        store.add_event(
            conn,
            ref.id,
            store.Event(identified, by, rec.provenance.owning_unit, None, "identified", None),
        )
        store.add_event(
            conn,
            ref.id,
            store.Event(now, actor.username, actor.unit, "identified", "referred", None),
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "referral_create",
            record_kind="person",
            record_id=victim_id,
            details={"referral": ref.id, "agency": agency_unit, "child": child},
        )
    return Outcome(ref.id, None)


def _side(conn: Connection, actor: Actor, ref: store.Referral) -> str:
    """Whether the actor acts for the agency or the police on this referral; 404 if neither."""
    if actor.role == Role.WELFARE_OFFICER:
        if (
            has_capability(actor, Capability.WELFARE_PORTAL)
            and actor.unit == ref.agency_unit
            and ref.state != State.IDENTIFIED.value
        ):
            return AGENCY
        raise NotFound(f"no referral {ref.id}")
    try:
        victim_in(conn, actor, ref.victim_id)
    except NotFound:
        raise NotFound(f"no referral {ref.id}") from None
    return POLICE


def _locked(conn: Connection, actor: Actor, referral_id: str) -> tuple[store.Referral, str]:
    ref = store.get_referral(conn, referral_id, for_update=True)
    if ref is None:
        raise NotFound(f"no referral {referral_id}")
    return ref, _side(conn, actor, ref)


def move(node: Node, actor: Actor, referral_id: str, to: State, note: str | None = None) -> None:
    """Move a referral to its next state (dated, by whom); a decline needs its reason."""
    note = _text("note", note, required=to == State.DECLINED)
    now = datetime.now(UTC)
    with transaction(node.engine) as conn:
        ref, side = _locked(conn, actor, referral_id)
        if side == POLICE:
            require(actor, Capability.REFER)
        allowed = TRANSITIONS.get((State(ref.state), to))
        if allowed is None:
            raise Invalid(f"state: a referral {ref.state} cannot become {to.value}", "state")
        if side not in allowed:
            raise Forbidden(f"state: only the {' or '.join(sorted(allowed))} may do that")
        store.set_state(conn, ref.id, to.value, now, _due(node, to, now))
        store.add_event(
            conn, ref.id, store.Event(now, actor.username, actor.unit, ref.state, to.value, note)
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "referral_update",
            record_kind="person",
            record_id=ref.victim_id,
            details={"referral": ref.id, "from": ref.state, "to": to.value},
        )


def add_note(node: Node, actor: Actor, referral_id: str, text: str) -> None:
    """A note on a referral, which both the agency and the police can read."""
    note = _text("note", text, required=True)
    with transaction(node.engine) as conn:
        ref, side = _locked(conn, actor, referral_id)
        if side == POLICE:
            require(actor, Capability.REFER)
        store.add_event(
            conn,
            ref.id,
            store.Event(datetime.now(UTC), actor.username, actor.unit, None, None, note),
        )
        audit.write(
            conn,
            node.audit_key,
            actor,
            "referral_note",
            record_kind="person",
            record_id=ref.victim_id,
            details={"referral": ref.id},
        )


@dataclass(frozen=True)
class ReferralView:
    """A referral as its reader may see it: the agency never gets the victim's record id."""

    id: str
    agency_unit: str
    state: str
    child: bool
    carries: dict[str, Any]
    created_at: datetime
    state_since: datetime
    due: date | None
    overdue: bool
    events: list[store.Event]
    victim_id: str | None  # police only


def _view(
    conn: Connection, ref: store.Referral, side: str, today: date, *, events: bool = True
) -> ReferralView:
    return ReferralView(
        ref.id,
        ref.agency_unit,
        ref.state,
        ref.child,
        ref.carries,
        ref.created_at,
        ref.state_since,
        ref.due,
        is_overdue(ref, today),
        store.events(conn, ref.id) if events else [],
        ref.victim_id if side == POLICE else None,
    )


def is_overdue(ref: store.Referral, today: date) -> bool:
    return ref.due is not None and ref.due < today and ref.state in {s.value for s in WAITING}


def get(node: Node, actor: Actor, referral_id: str) -> ReferralView:
    """One referral, for its agency's welfare officers or for police who may read the victim."""
    with transaction(node.engine) as conn:
        ref = store.get_referral(conn, referral_id)
        if ref is None:
            raise NotFound(f"no referral {referral_id}")
        side = _side(conn, actor, ref)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "referral_read",
            record_kind="person",
            record_id=ref.victim_id,
            details={"referral": ref.id},
        )
        return _view(conn, ref, side, datetime.now(UTC).date())


@dataclass(frozen=True)
class Portal:
    referrals: list[ReferralView]
    notifications: list[store.Notification]


def portal(node: Node, actor: Actor) -> Portal:
    """A welfare officer's agency: its referrals (not drafts) and anonymous notifications."""
    require(actor, Capability.WELFARE_PORTAL)
    if actor.unit is None:
        raise Forbidden("your account has no agency")
    today = datetime.now(UTC).date()
    with transaction(node.engine) as conn:
        refs = [
            r
            for r in store.list_referrals(conn, agency_unit=actor.unit)
            if r.state != State.IDENTIFIED.value
        ]
        audit.write(
            conn,
            node.audit_key,
            actor,
            "referral_list",
            details={"returned": [r.id for r in refs]},
        )
        views = [_view(conn, r, AGENCY, today, events=False) for r in refs]
        return Portal(views, store.notifications(conn, actor.unit))


def overdue(node: Node, actor: Actor, today: date | None = None) -> list[ReferralView]:
    """Referrals past their time limit that the actor follows: their agency's, or (police)
    those of victims they may see."""
    today = today or datetime.now(UTC).date()
    with reading(node.engine) as conn:
        late = store.overdue(conn, today, [s.value for s in WAITING])
        found = []
        for ref in late:
            if actor.role == Role.WELFARE_OFFICER:
                if ref.agency_unit == actor.unit:
                    found.append(_view(conn, ref, AGENCY, today, events=False))
                continue
            if not has_capability(actor, Capability.REFER) or ref.owning_unit != actor.unit:
                continue
            try:
                victim_in(conn, actor, ref.victim_id)
            except NotFound:
                continue
            found.append(_view(conn, ref, POLICE, today, events=False))
        return found
