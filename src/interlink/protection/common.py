"""Shared helpers of the protection area: working days, capability checks, victim lookup."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Connection

from interlink.access import Action, Actor, Capability, has_capability, permits
from interlink.domain.codes import SubjectCategory
from interlink.records.errors import Forbidden, NotFound
from interlink.records.service import locked_for, readable_in
from interlink.store.records import StoredRecord


def add_working_days(start: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``start``; public holidays not counted."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def require(actor: Actor, capability: Capability) -> None:
    if not has_capability(actor, capability):
        raise Forbidden(f"your role may not do this ({capability.value})")


def victim_in(
    conn: Connection, actor: Actor, victim_id: str, *, change: bool = False
) -> StoredRecord:
    """The victim's record if the actor may read it (or change it); 404 otherwise."""
    rec = (
        locked_for(conn, actor, Action.UPDATE, victim_id, "person")
        if change
        else readable_in(conn, actor, victim_id, "person")
    )
    if rec.subject_category != SubjectCategory.VICTIM.value:
        raise NotFound(f"no victim {victim_id}: the person is not recorded as a victim")
    return rec


def may_read(actor: Actor, meta: object) -> bool:
    return permits(actor, Action.READ, meta)  # type: ignore[arg-type]
