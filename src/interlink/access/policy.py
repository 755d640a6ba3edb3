"""The access policy: the one place that decides who may do what to which record.

A decision depends on the actor's role, whether the record belongs to the actor's unit,
the record's handling code and its data-subject category. The rules are data (RULES), so
that the same table answers one question about one record (``permits``) and filters a
whole query in the database (``grants``) — the two can never disagree.

Refusals that would reveal a record's existence are 404, not 403 (``Visibility``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from interlink.access.roles import Action, Actor, Capability, Role
from interlink.domain.codes import HandlingCode, SubjectCategory


class Scope(StrEnum):
    OWN_UNIT = "own_unit"
    ANY_UNIT = "any_unit"


ALL_CODES = frozenset(HandlingCode)
# H2 is not to be passed on without the owner's permission and H3 carries restrictions in
# words that the node cannot check: both stay within the owning unit.
SHAREABLE_CODES = frozenset({HandlingCode.H0, HandlingCode.H1})
ALL_SUBJECTS = frozenset(SubjectCategory)
NOT_VICTIMS = ALL_SUBJECTS - {SubjectCategory.VICTIM}

READING = frozenset({Action.READ, Action.SEARCH})
WRITING = frozenset({Action.CREATE, Action.UPDATE})


@dataclass(frozen=True)
class Grant:
    """Actors of ``role`` may do ``actions`` to records in ``scope`` with these codes, subjects."""

    role: Role
    actions: frozenset[Action]
    scope: Scope
    codes: frozenset[HandlingCode]
    subjects: frozenset[SubjectCategory]


def _grants(
    role: Role,
    actions: frozenset[Action],
    *clauses: tuple[Scope, frozenset[HandlingCode], frozenset[SubjectCategory]],
) -> list[Grant]:
    return [Grant(role, actions, scope, codes, subjects) for scope, codes, subjects in clauses]


_R = Role
_READ_NATIONAL = (Scope.ANY_UNIT, SHAREABLE_CODES, NOT_VICTIMS)
RULES: tuple[Grant, ...] = tuple(
    # Investigators work their unit's cases, victims included, and read what other units share.
    _grants(_R.INVESTIGATOR, READING, _READ_NATIONAL, (Scope.OWN_UNIT, ALL_CODES, ALL_SUBJECTS))
    + _grants(_R.INVESTIGATOR, WRITING, (Scope.OWN_UNIT, ALL_CODES, ALL_SUBJECTS))
    # Supervisors do what their investigators do, and delete and export their unit's records.
    + _grants(_R.SUPERVISOR, READING, _READ_NATIONAL, (Scope.OWN_UNIT, ALL_CODES, ALL_SUBJECTS))
    + _grants(_R.SUPERVISOR, WRITING | {Action.DELETE}, (Scope.OWN_UNIT, ALL_CODES, ALL_SUBJECTS))
    + _grants(_R.SUPERVISOR, frozenset({Action.EXPORT}), (Scope.OWN_UNIT, ALL_CODES, NOT_VICTIMS))
    # Analysts read and export what is shared and their own unit's records, never victims.
    + _grants(
        _R.ANALYST,
        READING | {Action.EXPORT},
        _READ_NATIONAL,
        (Scope.OWN_UNIT, ALL_CODES, NOT_VICTIMS),
    )
    # NCB officers record what comes from abroad and prepare what goes out; never victims.
    + _grants(
        _R.NCB_OFFICER,
        READING | {Action.EXPORT},
        _READ_NATIONAL,
        (Scope.OWN_UNIT, ALL_CODES, NOT_VICTIMS),
    )
    + _grants(_R.NCB_OFFICER, WRITING, (Scope.OWN_UNIT, ALL_CODES, NOT_VICTIMS))
    # The data-protection officer oversees everything and erases what is past review.
    + _grants(
        _R.DATA_PROTECTION_OFFICER,
        READING | {Action.DELETE},
        (Scope.ANY_UNIT, ALL_CODES, ALL_SUBJECTS),
    )
    # Welfare officers reach victims only through referrals; administrators manage accounts.
)

# Every law-enforcement role checks documents against the register; the NCB, which receives
# the reports of issuing authorities and of INTERPOL, and supervisors keep it current.
# Identity decisions (two persons confirmed the same, or different) go to the roles that may
# update records — investigators, NCB officers, supervisors — because a decision changes
# what every later search and batch run says about both records, and it also needs the
# right to update each of them (``identity.decisions``). Analysts and the data-protection
# officer read but do not change records, so they do not decide either.
CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.INVESTIGATOR: frozenset(
        {Capability.IMPORT, Capability.REGISTER_CHECK, Capability.IDENTITY_DECIDE}
    ),
    Role.ANALYST: frozenset({Capability.REGISTER_CHECK}),
    Role.NCB_OFFICER: frozenset(
        {
            Capability.IMPORT,
            Capability.REGISTER_IMPORT,
            Capability.REGISTER_CHECK,
            Capability.IDENTITY_DECIDE,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Capability.IMPORT,
            Capability.REVIEW,
            Capability.REGISTER_IMPORT,
            Capability.REGISTER_CHECK,
            Capability.IDENTITY_DECIDE,
        }
    ),
    Role.DATA_PROTECTION_OFFICER: frozenset(
        {Capability.READ_AUDIT, Capability.VERIFY_AUDIT, Capability.REVIEW}
    ),
    Role.WELFARE_OFFICER: frozenset(),
    Role.ADMINISTRATOR: frozenset({Capability.MANAGE_USERS, Capability.VERIFY_AUDIT}),
}


@dataclass(frozen=True)
class RecordMeta:
    """What the policy needs to know about a record (columns of the records table)."""

    owning_unit: str
    handling_code: HandlingCode
    subject_category: SubjectCategory


def grants(actor: Actor, action: Action) -> list[Grant]:
    """The grants that let ``actor`` do ``action``; empty means never."""
    return [g for g in RULES if g.role == actor.role and action in g.actions]


def _matches(grant: Grant, actor: Actor, meta: RecordMeta) -> bool:
    if grant.scope == Scope.OWN_UNIT and meta.owning_unit != actor.unit:
        return False
    return meta.handling_code in grant.codes and meta.subject_category in grant.subjects


def permits(actor: Actor, action: Action, meta: RecordMeta) -> bool:
    return any(_matches(g, actor, meta) for g in grants(actor, action))


def has_capability(actor: Actor, capability: Capability) -> bool:
    return capability in CAPABILITIES.get(actor.role, frozenset())


class Visibility(StrEnum):
    """The answer to "may this actor do this to that record", as the API reports it."""

    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"  # the actor may see the record but not do this: 403
    NOT_FOUND = "not_found"  # the actor may not even see it: 404


def decide(actor: Actor, action: Action, meta: RecordMeta) -> Visibility:
    if permits(actor, action, meta):
        return Visibility.ALLOWED
    if action != Action.READ and permits(actor, Action.READ, meta):
        return Visibility.FORBIDDEN
    return Visibility.NOT_FOUND
