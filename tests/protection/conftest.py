"""A small world for victim protection: two units, two agencies, a case with its victims."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from interlink import protection, records
from interlink.access import Actor, Role
from interlink.access.accounts import add_user
from interlink.domain import ProvenanceIn, model
from interlink.node import Node
from interlink.protection.agencies import Service
from interlink.store.db import transaction
from tests.conftest import PASSWORD, People

KYIV, LVIV = "UA-KYIV", "UA-LVIV"
AGENCY, OTHER_AGENCY = "UA-WELFARE-KYIV", "UA-WELFARE-LVIV"
# Synthetic contact details: the test looks for these strings where they must never appear.
PHONE, EMAIL, ADDRESS = "+380441234567", "olena.test@example.org", "Khreshchatyk 99, Kyiv"


def person(name: str, role: str = "victim", **extra: object) -> model.Person:
    return model.Person.model_validate({"names": [{"full": name}], "role": role, **extra})


@dataclass
class World:
    node: Node
    people: People
    on_case: Actor  # investigator of Kyiv assigned to the case
    colleague: Actor  # investigator of Kyiv, not on the case
    recorder: Actor  # investigator of Kyiv who recorded the victims, not on the case
    supervisor: Actor
    welfare: Actor  # welfare officer of AGENCY
    other_welfare: Actor  # welfare officer of OTHER_AGENCY
    case_id: str
    adult_id: str  # consented adult victim, with protected fields
    child_id: str  # child victim, no consent asked
    refusing_id: str  # adult who refused consent
    suspect_id: str

    def actor(self, role: Role, unit: str = KYIV) -> Actor:
        return self.people.actor(role, unit)


def _user(node: Node, name: str, role: Role, unit: str) -> Actor:
    with transaction(node.engine) as conn:
        return add_user(conn, name, role, unit, PASSWORD).actor()


@pytest.fixture
def world(node: Node, people: People) -> World:
    return make_world(node, people)


def make_world(node: Node, people: People) -> World:
    """The world: agencies, investigators, a case with an adult, a child, a refusing adult."""
    admin = people.actor(Role.ADMINISTRATOR)
    for code, area in ((AGENCY, "Kyiv"), (OTHER_AGENCY, "Lviv")):
        protection.agencies.add(
            node,
            admin,
            code=code,
            name=f"Welfare {area}",
            services=[Service.SHELTER, Service.COUNSELLING],
            area=area,
            contact=f"duty desk, {area}",
        )
    recorder = people.actor(Role.INVESTIGATOR)
    on_case = _user(node, "investigator.on.case", Role.INVESTIGATOR, KYIV)
    colleague = _user(node, "investigator.colleague", Role.INVESTIGATOR, KYIV)
    supervisor = people.actor(Role.SUPERVISOR)
    prov = ProvenanceIn()
    adult = records.create(
        node,
        recorder,
        person("Olena Testenko", phones=[PHONE], emails=[EMAIL], addresses=[ADDRESS]),
        prov,
    )
    child = records.create(node, recorder, person("Maria Testova", gender="female"), prov)
    refusing = records.create(node, recorder, person("Iryna Probna"), prov)
    suspect = records.create(node, recorder, person("Ivan Pidozra", role="suspect"), prov)
    case = records.create(
        node,
        recorder,
        model.Case(
            reference="KY-2026-7",
            title="Recruitment through a false job offer",
            records=[adult.id, child.id, refusing.id, suspect.id],
        ),
        prov,
    )
    protection.teams.assign(node, supervisor, case.id, on_case.id or "")
    ctx = protection.VictimContext
    protection.victims.set_context(
        node,
        recorder,
        adult.id,
        ctx(
            forms=["sexual_exploitation"], age_at_exploitation=24, consent="given", languages=["uk"]
        ),
    )
    protection.victims.set_context(
        node, recorder, child.id, ctx(forms=["forced_begging"], age_band="9-17")
    )
    protection.victims.set_context(
        node,
        recorder,
        refusing.id,
        ctx(forms=["forced_labour"], age_at_exploitation=31, consent="refused"),
    )
    return World(
        node=node,
        people=people,
        on_case=on_case,
        colleague=colleague,
        recorder=recorder,
        supervisor=supervisor,
        welfare=_user(node, "welfare.kyiv", Role.WELFARE_OFFICER, AGENCY),
        other_welfare=_user(node, "welfare.lviv", Role.WELFARE_OFFICER, OTHER_AGENCY),
        case_id=case.id,
        adult_id=adult.id,
        child_id=child.id,
        refusing_id=refusing.id,
        suspect_id=suspect.id,
    )
