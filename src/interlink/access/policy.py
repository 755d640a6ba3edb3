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
    # Victims (issue 7): in the actor's unit, and the actor is assigned to a case that lists
    # the record — or recorded it, unless the victim is at high intimidation risk.
    CASE_TEAM = "case_team"
    # In the actor's unit, unless the victim is at high intimidation risk.
    OWN_UNIT_UNLESS_HIGH_RISK = "own_unit_unless_high_risk"


ALL_CODES = frozenset(HandlingCode)
# H2 is not to be passed on without the owner's permission and H3 carries restrictions in
# words that the node cannot check: both stay within the owning unit.
SHAREABLE_CODES = frozenset({HandlingCode.H0, HandlingCode.H1})
ALL_SUBJECTS = frozenset(SubjectCategory)
NOT_VICTIMS = ALL_SUBJECTS - {SubjectCategory.VICTIM}
VICTIMS = frozenset({SubjectCategory.VICTIM})

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
_OWN_NOT_VICTIMS = (Scope.OWN_UNIT, ALL_CODES, NOT_VICTIMS)
_VICTIMS_ON_CASE = (Scope.CASE_TEAM, ALL_CODES, VICTIMS)
_VICTIMS_SUPERVISED = (Scope.OWN_UNIT_UNLESS_HIGH_RISK, ALL_CODES, VICTIMS)
RULES: tuple[Grant, ...] = tuple(
    # Investigators work their unit's records and read what other units share. A victim
    # only for those on a case the victim is on (and the one who recorded the victim,
    # unless at high intimidation risk): docs/victims.md.
    _grants(_R.INVESTIGATOR, READING, _READ_NATIONAL, _OWN_NOT_VICTIMS, _VICTIMS_ON_CASE)
    + _grants(_R.INVESTIGATOR, WRITING, _OWN_NOT_VICTIMS, _VICTIMS_ON_CASE)
    # Supervisors do what their investigators do, and delete and export their unit's records.
    # They see every victim of their unit, except one at high risk on a case not theirs.
    + _grants(
        _R.SUPERVISOR,
        READING,
        _READ_NATIONAL,
        _OWN_NOT_VICTIMS,
        _VICTIMS_SUPERVISED,
        _VICTIMS_ON_CASE,
    )
    + _grants(
        _R.SUPERVISOR,
        WRITING | {Action.DELETE},
        _OWN_NOT_VICTIMS,
        _VICTIMS_SUPERVISED,
        _VICTIMS_ON_CASE,
    )
    + _grants(_R.SUPERVISOR, frozenset({Action.EXPORT}), _OWN_NOT_VICTIMS)
    # Analysts read and export what is shared and their own unit's records, never victims.
    + _grants(_R.ANALYST, READING | {Action.EXPORT}, _READ_NATIONAL, _OWN_NOT_VICTIMS)
    # NCB officers record what comes from abroad and prepare what goes out; never victims.
    + _grants(_R.NCB_OFFICER, READING | {Action.EXPORT}, _READ_NATIONAL, _OWN_NOT_VICTIMS)
    + _grants(_R.NCB_OFFICER, WRITING, _OWN_NOT_VICTIMS)
    # The data-protection officer oversees everything and erases what is past review.
    + _grants(
        _R.DATA_PROTECTION_OFFICER,
        READING | {Action.DELETE},
        (Scope.ANY_UNIT, ALL_CODES, ALL_SUBJECTS),
    )
    # Welfare officers reach victims only through referrals (interlink.protection.referrals,
    # which shows them what a referral carries and nothing else); administrators manage
    # accounts. Neither has a grant on records.
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


def _extend(extra: dict[Role, frozenset[Capability]]) -> None:
    """Add one area's capabilities (each area declares its own block below, with its why)."""
    for role, granted in extra.items():
        CAPABILITIES[role] = CAPABILITIES.get(role, frozenset()) | granted


# The Secretariat (issue 6): the NCB and supervisors report to the international database and
# (at the Secretariat) publish notices and re-link it; everyone who works cases sees the hits
# on their node's records and the notices, which are how the other countries' work reaches them.
_SECRETARIAT_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.INVESTIGATOR: frozenset({Capability.READ_HITS, Capability.READ_NOTICES}),
    Role.ANALYST: frozenset({Capability.READ_HITS, Capability.READ_NOTICES}),
    Role.NCB_OFFICER: frozenset(
        {
            Capability.REPORT_TO_SECRETARIAT,
            Capability.READ_HITS,
            Capability.READ_NOTICES,
            Capability.PUBLISH_NOTICE,
            Capability.SECRETARIAT_RELINK,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Capability.REPORT_TO_SECRETARIAT,
            Capability.READ_HITS,
            Capability.READ_NOTICES,
            Capability.PUBLISH_NOTICE,
            Capability.SECRETARIAT_RELINK,
        }
    ),
    Role.DATA_PROTECTION_OFFICER: frozenset({Capability.READ_HITS, Capability.READ_NOTICES}),
}
_extend(_SECRETARIAT_CAPABILITIES)

# Exchange between nodes (issue 6). The NCB is the country's one point of contact abroad (as
# in INTERPOL practice): its officers send messages and records to other nodes and read what
# arrives. Supervisors read the inbox and outbox to oversee what their country exchanges but
# do not send: what leaves the country goes through the NCB. Investigators neither send nor
# read: they ask their NCB, which keeps one accountable channel and keeps H2/H3 material
# received from abroad within the NCB's unit. The data-protection officer reads, to oversee
# disclosures. Administrators keep the directory of nodes and their keys.
_EXCHANGE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.NCB_OFFICER: frozenset({Capability.SEND_MESSAGES, Capability.READ_MESSAGES}),
    Role.SUPERVISOR: frozenset({Capability.READ_MESSAGES}),
    Role.DATA_PROTECTION_OFFICER: frozenset({Capability.READ_MESSAGES}),
    Role.ADMINISTRATOR: frozenset({Capability.MANAGE_NODES}),
}
_extend(_EXCHANGE_CAPABILITIES)


# Statistics (issue 10). Unit and national figures are counts without disclosure control:
# small cells can point to a person, so they go to the roles that analyse and direct the work
# (analysts, NCB officers, supervisors). Public releases and the statistical report to the
# Secretariat leave the node, so only the NCB and supervisors publish. Every other role —
# investigators, the data-protection officer, welfare officers, administrators — sees the
# public figures only (suppressed as in a release).
_STATS_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.ANALYST: frozenset({Capability.STATS_READ}),
    Role.NCB_OFFICER: frozenset({Capability.STATS_READ, Capability.STATS_PUBLISH}),
    Role.SUPERVISOR: frozenset({Capability.STATS_READ, Capability.STATS_PUBLISH}),
}
_extend(_STATS_CAPABILITIES)


# Victim protection (issue 7). Supervisors put investigators on cases, which is what opens
# a victim to them; investigators and supervisors refer victims to welfare agencies and
# follow the referrals; administrators keep the directory of agencies (an agency is a unit);
# welfare officers use their agency's portal and nothing else.
_PROTECTION_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.INVESTIGATOR: frozenset({Capability.REFER}),
    Role.SUPERVISOR: frozenset({Capability.REFER, Capability.ASSIGN_CASES}),
    Role.WELFARE_OFFICER: frozenset({Capability.WELFARE_PORTAL}),
    Role.ADMINISTRATOR: frozenset({Capability.MANAGE_AGENCIES}),
}
_extend(_PROTECTION_CAPABILITIES)


# Child-exploitation hashes (issue 8). Scanning a seized device and seeing what it matched is
# case work, so it belongs to the roles that work the unit's cases: investigators and
# supervisors (a scan also needs the right to read the case, through RULES). Hash sets and
# series records say nothing about a person, but they decide what counts as known material,
# so only supervisors and the NCB — which receives Project VIC and INTERPOL sets — load,
# withdraw and correct them. Sharing hashes with the Secretariat is the NCB's, as every
# exchange with other countries is; it sees sets and series to do so. Analysts, the
# data-protection officer and welfare officers have no part in it.
_MEDIA_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.INVESTIGATOR: frozenset({Capability.MEDIA_VIEW, Capability.MEDIA_SCAN}),
    Role.SUPERVISOR: frozenset(
        {
            Capability.MEDIA_VIEW,
            Capability.MEDIA_SCAN,
            Capability.MEDIA_HASHSETS,
            Capability.MEDIA_SERIES,
        }
    ),
    Role.NCB_OFFICER: frozenset(
        {
            Capability.MEDIA_VIEW,
            Capability.MEDIA_HASHSETS,
            Capability.MEDIA_SERIES,
            Capability.MEDIA_SHARE,
        }
    ),
}
_extend(_MEDIA_CAPABILITIES)

# Networks and patterns (issue 9). Reading a graph needs only the right to read records (the
# graph holds what the reader could open one by one, and each look is audited), and an alert
# is reviewed — or dismissed with a reason — by whoever of its unit may see all its records.
# Recomputing every alert from scratch and changing the thresholds decides what the whole
# node is alerted to: for the roles that direct and analyse the work.
_NETWORK_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.ANALYST: frozenset({Capability.NETWORK_ALERTS_MANAGE}),
    Role.SUPERVISOR: frozenset({Capability.NETWORK_ALERTS_MANAGE}),
}
_extend(_NETWORK_CAPABILITIES)


@dataclass(frozen=True)
class RecordMeta:
    """What the policy needs to know about a record (columns of the records table)."""

    owning_unit: str
    handling_code: HandlingCode
    subject_category: SubjectCategory
    # Victims only (interlink.store.protection.victim_access): who is assigned to a case the
    # record is on, whether it is at high intimidation risk, who recorded it.
    # Left at their defaults (not looked up), a victim counts as at high risk with nobody on
    # its cases: a view that did not ask sees less, never more.
    case_team: frozenset[str] = frozenset()
    high_risk: bool | None = None
    recorded_by: str | None = None


def grants(actor: Actor, action: Action) -> list[Grant]:
    """The grants that let ``actor`` do ``action``; empty means never."""
    return [g for g in RULES if g.role == actor.role and action in g.actions]


def _in_scope(scope: Scope, actor: Actor, meta: RecordMeta, action: Action) -> bool:
    if scope == Scope.ANY_UNIT:
        return True
    if meta.owning_unit != actor.unit:
        return False
    high_risk = meta.high_risk is not False  # unknown counts as high
    if scope == Scope.OWN_UNIT_UNLESS_HIGH_RISK:
        return not high_risk
    if scope == Scope.CASE_TEAM:
        if action == Action.CREATE:  # whoever creates a record is the one who recorded it
            return True
        on_team = actor.id is not None and actor.id in meta.case_team
        recorder = meta.recorded_by is not None and meta.recorded_by == actor.username
        return on_team or (recorder and not high_risk)
    return True


def _matches(grant: Grant, actor: Actor, meta: RecordMeta, action: Action) -> bool:
    if not _in_scope(grant.scope, actor, meta, action):
        return False
    return meta.handling_code in grant.codes and meta.subject_category in grant.subjects


def permits(actor: Actor, action: Action, meta: RecordMeta) -> bool:
    return any(_matches(g, actor, meta, action) for g in grants(actor, action))


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
