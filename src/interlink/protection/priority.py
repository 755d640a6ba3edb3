"""Case priority: a score with its reasons, for every case; a child victim puts a case first.

The score is a sum of weights, each with the reason shown to the user, so that nobody has to
trust an opaque number. A child victim (under 18 at exploitation, or age unknown with signs of
a child) outweighs everything else together, so such a case is first in every work queue.
Reasons never name or identify the victim: they are shown to everyone who works the case.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select

from interlink.domain import model
from interlink.domain.codes import CasePriority, SubjectCategory
from interlink.protection.common import add_working_days, public_holidays
from interlink.protection.context import RiskLevel, VictimContext
from interlink.settings import Settings
from interlink.store import protection as store
from interlink.store.records import StoredRecord
from interlink.store.schema import records

CHILD = 1000
CASE_MARKED_CHILD = 1000
RISK_WEIGHTS = {RiskLevel.HIGH: 100, RiskLevel.MEDIUM: 30, RiskLevel.LOW: 10}
PRIORITY_WEIGHTS = {
    CasePriority.URGENT: 80,
    CasePriority.HIGH: 40,
    CasePriority.NORMAL: 10,
    CasePriority.LOW: 0,
}
MEDIA_WEIGHT = 50


class Level:
    CHILD = "child"
    URGENT = "urgent"
    NORMAL = "normal"


@dataclass(frozen=True)
class Reason:
    points: int
    text: str


@dataclass(frozen=True)
class Priority:
    case_id: str
    score: int
    level: str  # child, urgent or normal: which time limit applies
    reasons: list[Reason] = field(default_factory=list)
    due: date | None = None
    overdue: bool = False

    @property
    def child(self) -> bool:
        return self.level == Level.CHILD


def limit_days(settings: Settings, level: str) -> int:
    return {
        Level.CHILD: settings.case_days_child,
        Level.URGENT: settings.case_days_urgent,
    }.get(level, settings.case_days_normal)


def _media_reasons() -> Callable[..., Any] | None:
    """``interlink.media.safeguarding_reasons`` when the media area provides it (issue 8)."""
    try:
        media = importlib.import_module("interlink.media")
    except ImportError:
        return None
    found = getattr(media, "safeguarding_reasons", None)
    return found if callable(found) else None


def _media_texts(conn: Connection, case_ids: Sequence[str]) -> dict[str, list[str]]:
    """The media area's reasons per case (a series with an unidentified victim, unmatched
    material): ``safeguarding_reasons(conn, case_ids) -> {case_id: [text]}``."""
    fn = _media_reasons()
    if fn is None or not case_ids:
        return {}
    found = fn(conn, list(case_ids)) or {}
    return {str(k): [str(t) for t in v] for k, v in found.items()}


@dataclass(frozen=True)
class _Victim:
    child_reason: str | None
    risk: RiskLevel


def _victims(conn: Connection, ids: Sequence[str]) -> dict[str, _Victim]:
    """Each victim among ``ids``: why a child (or None) and the risk level, in two queries."""
    rows = conn.execute(
        select(records.c.id).where(
            records.c.id.in_(list(ids)), records.c.subject_category == SubjectCategory.VICTIM.value
        )
    ).scalars()
    victim_ids = list(rows)
    found = store.profiles(conn, victim_ids)
    out = {}
    for vid in victim_ids:
        p = found.get(vid)
        ctx = VictimContext.model_validate(p.context) if p else VictimContext()
        out[vid] = _Victim(ctx.child_reason(), RiskLevel(p.risk_level) if p else RiskLevel.NONE)
    return out


def score_case(
    settings: Settings,
    case: StoredRecord,
    victims: dict[str, _Victim],
    media: list[str],
    today: date,
) -> Priority:
    """The priority of one case, from its own facts and its victims' profiles."""
    assert isinstance(case.facts, model.Case)
    facts = case.facts
    reasons: list[Reason] = [
        Reason(PRIORITY_WEIGHTS[facts.priority], f"case priority {facts.priority.value}")
    ]
    mine = [victims[str(r)] for r in facts.records if str(r) in victims]
    child = False
    urgent = facts.priority in (CasePriority.URGENT, CasePriority.HIGH)
    if facts.child_involved:
        child = True
        reasons.append(Reason(CASE_MARKED_CHILD, "case marked as involving a child"))
    for v in mine:
        if v.child_reason:
            child = True
            reasons.append(Reason(CHILD, f"child victim ({v.child_reason})"))
        if v.risk in RISK_WEIGHTS:
            reasons.append(
                Reason(RISK_WEIGHTS[v.risk], f"victim at {v.risk.value} intimidation risk")
            )
            urgent = urgent or v.risk == RiskLevel.HIGH
    for text in media:
        reasons.append(Reason(MEDIA_WEIGHT, text))
        urgent = True
    level_ = Level.CHILD if child else Level.URGENT if urgent else Level.NORMAL
    due = None
    overdue = False
    if mine or child or urgent:
        last = case.provenance.updated_at
        start = last.date() if isinstance(last, datetime) else today
        due = add_working_days(start, limit_days(settings, level_), public_holidays(settings))
        overdue = due < today
    reasons.sort(key=lambda r: -r.points)
    return Priority(case.id, sum(r.points for r in reasons), level_, reasons, due, overdue)


def priorities(
    node: Any, cases: Sequence[StoredRecord], today: date | None = None
) -> dict[str, Priority]:
    """The priority of each case the caller has already read (through ``records``)."""
    from interlink.store.db import reading

    today = today or datetime.now().date()
    wanted = [c for c in cases if isinstance(c.facts, model.Case)]
    ids = sorted({str(r) for c in wanted for r in c.facts.records})  # type: ignore[attr-defined]
    with reading(node.engine) as conn:
        victims = {}
        for start in range(0, len(ids), 500):
            victims.update(_victims(conn, ids[start : start + 500]))
        media = _media_texts(conn, [c.id for c in wanted])
    return {c.id: score_case(node.settings, c, victims, media.get(c.id, []), today) for c in wanted}


def case_priority(node: Any, actor: Any, case_id: str) -> Priority:
    """One case's priority with its reasons (the case read through ``records``, audited)."""
    from interlink import records

    case = records.read(node, actor, case_id, kind="case", purpose="case priority")
    return priorities(node, [case])[case.id]
