"""The home page's work queue: what the signed-in user should do first.

Cases involving children come first, then by priority. Later work adds hits, messages
and referrals awaiting action as further sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interlink import media, protection, records
from interlink.access.policy import has_capability
from interlink.access.roles import Action, Actor, Capability
from interlink.domain import model
from interlink.domain.codes import CasePriority, CaseStatus
from interlink.node import Node
from interlink.records import review
from interlink.records.service import access_clauses
from interlink.store.records import ListFilter

PRIORITY_ORDER = {
    CasePriority.URGENT: 0,
    CasePriority.HIGH: 1,
    CasePriority.NORMAL: 2,
    CasePriority.LOW: 3,
}
QUEUE_PURPOSE = "work queue"
MAX_CASES = 200


@dataclass(frozen=True)
class CaseItem:
    id: str
    reference: str
    title: str
    priority: str
    status: str
    child_involved: bool
    # The case's priority (interlink.protection.priority): score, reasons, child, overdue.
    score: int = 0
    reasons: tuple[str, ...] = ()
    child: bool = False
    overdue: bool = False


@dataclass
class WorkQueue:
    cases: list[CaseItem] = field(default_factory=list)
    cases_shown: bool = False
    due: list[review.DueRecord] = field(default_factory=list)
    due_shown: bool = False


def open_cases(node: Node, actor: Actor) -> list[CaseItem]:
    """The open cases of the actor's unit, children first, then by priority (audited list)."""
    page = records.list_records(
        node,
        actor,
        ListFilter(kind="case", owning_unit=actor.unit),
        limit=MAX_CASES,
        purpose=QUEUE_PURPOSE,
    )
    open_ = [
        r
        for r in page.items
        if isinstance(r.facts, model.Case) and r.facts.status != CaseStatus.CLOSED
    ]
    scored = protection.priorities(node, open_)
    # Child-exploitation media (issue 8): a series with an unidentified victim, or unmatched
    # material, is shown as a reason (once, if the protection score already names it).
    media_reasons = media.safeguarding_reasons(node, [r.id for r in open_])
    items = [
        CaseItem(
            r.id,
            r.facts.reference,
            r.facts.title,
            r.facts.priority.value,
            r.facts.status.value,
            r.facts.child_involved,
            scored[r.id].score,
            _with(tuple(x.text for x in scored[r.id].reasons), media_reasons.get(r.id, [])),
            scored[r.id].child,
            scored[r.id].overdue,
        )
        for r in open_
        if isinstance(r.facts, model.Case)
    ]
    # A child victim's case first (its score outweighs everything else), then by score.
    return sorted(
        items,
        key=lambda c: (-c.score, PRIORITY_ORDER[CasePriority(c.priority)], c.reference),
    )


def _with(texts: tuple[str, ...], more: list[str]) -> tuple[str, ...]:
    return texts + tuple(t for t in more if t not in texts)


def work_queue(node: Node, actor: Actor) -> WorkQueue:
    queue = WorkQueue()
    if actor.unit and access_clauses(actor, Action.SEARCH):
        queue.cases, queue.cases_shown = open_cases(node, actor), True
    if has_capability(actor, Capability.REVIEW):
        queue.due, queue.due_shown = review.due(node, actor, limit=50), True
    return queue
