"""The demo's victims-first part: welfare agencies, victim contexts, a case team, referrals.

Loaded after the demo records (``interlink.demo``), through the same services a user calls
(so it is audited and checked like real work), in the first country's first anti-trafficking
unit: its investigator is put on the unit's cases with victims, the victims get an HTCDS
context, and they are referred to the country's agency in every state — one of them
overdue — so that the welfare officer's portal and the work queues have something to show.
A handful of service calls: the demo stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Connection

from interlink import records
from interlink.access.accounts import ensure_unit, get_user
from interlink.access.roles import Actor
from interlink.domain import model
from interlink.node import Node
from interlink.protection import referrals, teams, victims
from interlink.protection.agencies import Service
from interlink.protection.context import (
    Consent,
    ExploitationForm,
    MeansOfControl,
    RecruiterRelation,
    RecruitmentMethod,
    RiskLevel,
    VictimContext,
    Vulnerability,
)
from interlink.protection.referrals import State
from interlink.store import protection as store
from interlink.store.db import transaction
from interlink.store.records import ListFilter

CASES = 3  # cases the demo investigator is put on
VICTIMS = 6  # victims given a context and referred (or notified about)
_SERVICES = sorted(
    s.value for s in (Service.SHELTER, Service.COUNSELLING, Service.LEGAL, Service.CHILD_PROTECTION)
)
# What the demo victims went through, in turn (HTCDS / CTDC terms).
_STORIES: tuple[
    tuple[ExploitationForm, MeansOfControl, RecruitmentMethod, RecruiterRelation], ...
] = (
    (
        ExploitationForm.SEXUAL_EXPLOITATION,
        MeansOfControl.DEBT_BONDAGE,
        RecruitmentMethod.ROMANCE,
        RecruiterRelation.INTIMATE_PARTNER,
    ),
    (
        ExploitationForm.FORCED_LABOUR,
        MeansOfControl.WITHHOLDS_DOCUMENTS,
        RecruitmentMethod.FALSE_JOB_OFFER,
        RecruiterRelation.FRIEND,
    ),
    (
        ExploitationForm.FORCED_BEGGING,
        MeansOfControl.THREATS,
        RecruitmentMethod.SOLD_BY_FAMILY,
        RecruiterRelation.FAMILY,
    ),
    (
        ExploitationForm.DOMESTIC_SERVITUDE,
        MeansOfControl.RESTRICTS_MOVEMENT,
        RecruitmentMethod.ONLINE,
        RecruiterRelation.UNKNOWN,
    ),
)


def ensure_agencies(conn: Connection, agencies: Sequence[tuple[str, str]]) -> None:
    """The demo's welfare agencies, (unit code, country) each a unit of its own, unless present."""
    now = datetime.now(UTC)
    for code, country in agencies:
        if store.get_agency(conn, code) is not None:
            continue
        name = f"Victim support centre ({country})"
        ensure_unit(conn, code, name, country)
        agency = store.Agency(code, name, _SERVICES, f"all of {country}", "duty desk (demo)")
        store.add_agency(conn, agency, "demo", now)


def _actor(node: Node, username: str) -> Actor | None:
    with transaction(node.engine) as conn:
        user = get_user(conn, username)
    return user.actor() if user else None


def _age(person: model.Facts, today: date) -> int | None:
    born = getattr(person, "birth_date", None)
    year = str(born)[:4] if born else ""
    return today.year - int(year) if year.isdigit() else None


def populate(node: Node, units: Sequence[tuple[str, str, str]], agency: str) -> int:
    """Case team, victim contexts and referrals to ``agency`` in the first country's first
    anti-trafficking unit; how many victims were given a context (0 when there is none)."""
    country = units[0][2]
    unit = next((code for code, _, cc in units if cc == country and "-THB-" in code), None)
    if unit is None:
        return 0
    supervisor = _actor(node, f"{unit.lower()}.supervisor")
    investigator = _actor(node, f"{unit.lower()}.investigator")
    welfare = _actor(node, f"{country.lower()}.welfare_officer")
    if supervisor is None or investigator is None or welfare is None:
        return 0
    why = "demo: preparing the victims-first walkthrough"
    found = records.list_records(
        node, supervisor, ListFilter(kind="case", owning_unit=unit), limit=500, purpose=why
    ).items
    unit_victims = records.list_records(
        node,
        supervisor,
        ListFilter(kind="person", subject_category="victim", owning_unit=unit),
        limit=500,
        purpose=why,
    ).items
    by_id = {v.id: v for v in unit_victims}
    chosen: dict[str, model.Facts] = {}
    cases = 0
    for case in sorted(found, key=lambda r: r.id):
        on_case = [str(r) for r in getattr(case.facts, "records", []) if str(r) in by_id]
        if not on_case or cases >= CASES:
            continue
        teams.assign(node, supervisor, case.id, investigator.id or "")
        cases += 1
        for vid in on_case:
            chosen.setdefault(vid, by_id[vid].facts)
    today = date.today()
    # Adults and children both: consent matters for the one, not for the other.
    adults = [(v, f) for v, f in chosen.items() if (_age(f, today) or 30) >= 18]
    children = [(v, f) for v, f in chosen.items() if (_age(f, today) or 30) < 18]
    picked = (adults[:4] + children[:2] + adults[4:] + children[2:])[:VICTIMS]
    grown = [v for v, f in picked if (_age(f, today) or 30) >= 18]
    refusing = grown[-1] if len(grown) > 1 else None
    for i, (vid, facts) in enumerate(picked):
        form, control, method, relation = _STORIES[i % len(_STORIES)]
        age = _age(facts, today)
        child = age is not None and age < 18
        consent = Consent.NOT_ASKED if child else Consent.GIVEN
        if vid == refusing:
            consent = Consent.REFUSED
        context = VictimContext(
            forms=[form],
            means_of_control=[control],
            recruitment=method,
            recruiter_relation=relation,
            vulnerabilities=[Vulnerability.POVERTY]
            + ([Vulnerability.UNACCOMPANIED_MINOR] if child else []),
            age_at_exploitation=age if age is not None and 0 <= age < 120 else None,
            consent=consent,
            consent_date=None if child else today,
        )
        victims.set_context(node, investigator, vid, context)
        if i == 1:
            victims.set_risk(
                node, investigator, vid, RiskLevel.HIGH, ["the recruiter threatened her family"]
            )
        elif i == 2:
            victims.set_risk(
                node, investigator, vid, RiskLevel.MEDIUM, ["the group knows where she lives"]
            )
    _refer(node, investigator, welfare, [vid for vid, _ in picked], agency)
    return len(picked)


def _refer(
    node: Node, police: Actor, welfare: Actor, victim_ids: Sequence[str], agency: str
) -> None:
    """Referrals in every state: referred and overdue, accepted, support under way, declined,
    closed; an adult who refused consent gives an anonymous notification instead."""
    steps: list[list[tuple[State, str | None]]] = [
        [],  # referred, then made overdue below
        [(State.ACCEPTED, "We can take her on Monday.")],
        [(State.ACCEPTED, None), (State.SUPPORT_UNDER_WAY, "Shelter place and counselling.")],
        [(State.DECLINED, "No shelter place free; please try the regional centre.")],
        [(State.ACCEPTED, None), (State.CLOSED, "Support completed; she returned home.")],
    ]
    made = 0
    for vid in victim_ids:
        outcome = referrals.refer(
            node, police, vid, agency, name_to_use=None, needs="shelter and counselling"
        )
        if outcome.referral_id is None:  # no consent: the agency was notified anonymously
            continue
        for state, note in steps[made % len(steps)]:
            referrals.move(node, welfare, outcome.referral_id, state, note)
        if made == 0:
            with transaction(node.engine) as conn:
                store.backdate(conn, outcome.referral_id, timedelta(days=14))
        made += 1
