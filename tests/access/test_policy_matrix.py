"""The access policy as a matrix: every role x action x own/other unit x code x subject.

The expected answers are written out here from the rules as a data-protection officer
would state them, independently of the RULES table they check.
"""

from __future__ import annotations

import itertools

import pytest

from interlink import records
from interlink.access import Action, Actor, Role, permits
from interlink.access.policy import RecordMeta, Visibility, decide
from interlink.domain import ProvenanceIn, model
from interlink.domain.codes import HandlingCode, SubjectCategory
from interlink.store.records import ListFilter

OWN, OTHER = "UA-KYIV", "UA-LVIV"


def expected(
    role: Role,
    action: Action,
    own: bool,
    code: HandlingCode,
    subject: SubjectCategory,
    *,
    on_case: bool = False,
    recorder: bool = False,
    high_risk: bool = False,
) -> bool:
    victim = subject == SubjectCategory.VICTIM
    shared = code in (HandlingCode.H0, HandlingCode.H1)
    reads = action in (Action.READ, Action.SEARCH)
    if role in (Role.INVESTIGATOR, Role.SUPERVISOR):
        if victim:
            # A victim: only in the owning unit; investigators on one of its cases (or who
            # recorded it, unless at high risk); supervisors too, and every supervisor of the
            # unit unless at high risk. Never exported.
            on_team = own and (on_case or (recorder and not high_risk))
            if action == Action.CREATE:  # whoever creates a record is the one who recorded it
                on_team = own
            reach = on_team or (role == Role.SUPERVISOR and own and not high_risk)
            if reads or action in (Action.CREATE, Action.UPDATE):
                return reach
            if action == Action.DELETE:
                return reach and role == Role.SUPERVISOR
            return False
        if reads:
            return own or shared
        if action in (Action.CREATE, Action.UPDATE):
            return own
        if action == Action.DELETE:
            return own and role == Role.SUPERVISOR
        if action == Action.EXPORT:
            return own and role == Role.SUPERVISOR
    if role in (Role.ANALYST, Role.NCB_OFFICER):
        if reads or action == Action.EXPORT:
            return not victim and (own or shared)
        if action in (Action.CREATE, Action.UPDATE):
            return role == Role.NCB_OFFICER and own and not victim
        return False
    if role == Role.DATA_PROTECTION_OFFICER:
        return reads or action == Action.DELETE
    return False  # welfare officers (through referrals only) and administrators


MATRIX = list(itertools.product(Role, Action, (True, False), HandlingCode, SubjectCategory))
# For victims: the actor on a case of the victim's, the one who recorded it, and high risk.
VICTIM_SITUATIONS = list(itertools.product((False, True), (False, True), (False, True)))


@pytest.mark.parametrize("role", list(Role))
def test_every_decision_matches_the_stated_rules(role: Role) -> None:
    actor = Actor(id="u", username="u", role=role, unit=OWN)
    wrong = []
    for r, action, own, code, subject in MATRIX:
        if r != role:
            continue
        for on_case, recorder, high in VICTIM_SITUATIONS:
            meta = RecordMeta(
                OWN if own else OTHER,
                code,
                subject,
                case_team=frozenset({"u"} if on_case else set()),
                high_risk=high,
                recorded_by="u" if recorder else "someone.else",
            )
            want = expected(
                role,
                action,
                own,
                code,
                subject,
                on_case=on_case,
                recorder=recorder,
                high_risk=high,
            )
            if permits(actor, action, meta) != want:
                wrong.append(
                    (action.value, own, code.value, subject.value, on_case, recorder, high)
                )
    assert wrong == []


def test_hidden_records_are_404_and_read_only_ones_403() -> None:
    analyst = Actor(id="a", username="a", role=Role.ANALYST, unit=OWN)
    shared = RecordMeta(OTHER, HandlingCode.H0, SubjectCategory.SUSPECT)
    hidden = RecordMeta(OTHER, HandlingCode.H2, SubjectCategory.SUSPECT)
    assert decide(analyst, Action.UPDATE, shared) == Visibility.FORBIDDEN
    assert decide(analyst, Action.UPDATE, hidden) == Visibility.NOT_FOUND
    assert decide(analyst, Action.READ, hidden) == Visibility.NOT_FOUND


SUBJECT_ROLES = {
    SubjectCategory.VICTIM: "victim",
    SubjectCategory.SUSPECT: "suspect",
    SubjectCategory.OTHER_PERSON: "witness",
}


def test_database_filter_agrees_with_the_decisions(node, people) -> None:
    """What a role sees in lists is exactly what it may read, record by record."""
    made: dict[str, tuple[bool, HandlingCode, SubjectCategory]] = {}
    for unit, code, subject in itertools.product((OWN, OTHER), HandlingCode, SubjectCategory):
        owner = people.actor(Role.INVESTIGATOR, unit)
        prov = ProvenanceIn(
            handling_code=code, handling_text="owner only" if code == HandlingCode.H3 else None
        )
        if subject == SubjectCategory.NON_PERSON:
            facts: model.Facts = model.Organization(names=[f"Org {unit} {code}"])
        else:
            facts = model.Person.model_validate(
                {"names": [{"full": f"P {unit} {code}"}], "role": SUBJECT_ROLES[subject]}
            )
        rec = records.create(node, owner, facts, prov)
        made[rec.id] = (unit == OWN, code, subject)
    for role in Role:
        actor = people.actor(role, OWN)
        # The investigator of OWN is the one who recorded OWN's records.
        recorder = actor == people.actor(Role.INVESTIGATOR, OWN)
        want = {
            rid
            for rid, (own, code, subject) in made.items()
            if expected(role, Action.SEARCH, own, code, subject, recorder=recorder and own)
        }
        got: set[str] = set()
        for kind in ("person", "organization"):
            page = records.list_records(node, actor, ListFilter(kind=kind), limit=500)
            got |= {r.id for r in page.items}
        assert got == want, role
