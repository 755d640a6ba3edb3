"""Shared helpers of the protection area: working days and public holidays, capability
checks, victim lookup."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection

from interlink.access import Action, Actor, Capability, has_capability, permits
from interlink.domain.codes import SubjectCategory
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.records.service import locked_for, readable_in
from interlink.settings import Settings
from interlink.store.records import StoredRecord


def add_working_days(start: date, days: int, holidays: Collection[date] = frozenset()) -> date:
    """``days`` working days (Monday to Friday, not a public holiday) after ``start``."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            left -= 1
    return day


HOLIDAYS_FILE = "holidays.txt"  # in the data directory, unless INTERLINK_HOLIDAYS_FILE says


def public_holidays(settings: Settings) -> frozenset[date]:
    """The node's public holidays: ``INTERLINK_HOLIDAYS`` and the holidays file. A bad line of
    the file is an error naming the file and the line, not a silently shorter limit."""
    path = settings.holidays_file or settings.data_dir / HOLIDAYS_FILE
    found = set(settings.holidays)
    if settings.holidays_file is not None or path.exists():
        try:
            stat = path.stat()
        except OSError:
            raise Invalid(f"holidays_file: {path} cannot be read", field="holidays_file") from None
        found |= _holidays_in(str(path), (stat.st_mtime_ns, stat.st_size))
    return frozenset(found)


@lru_cache(maxsize=8)
def _holidays_in(path: str, _stamp: tuple[int, int]) -> frozenset[date]:
    """The dates of a holidays file (read again when it changes: ``_stamp``)."""
    found: set[date] = set()
    text = Path(path).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        try:
            found.add(date.fromisoformat(entry))
        except ValueError:
            raise Invalid(
                f"holidays_file: {path} line {number}: '{entry[:40]}' is not a date (YYYY-MM-DD)",
                field="holidays_file",
            ) from None
    return frozenset(found)


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
