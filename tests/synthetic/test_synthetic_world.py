"""The demo world: valid records, references in order, and the stories the demo needs."""

from __future__ import annotations

import collections
import uuid
from datetime import date
from typing import TypeVar

from interlink.domain import KINDS, codes, model
from interlink.domain.codes import HandlingCode, LinkRole, OrganizationKind, PersonRole
from interlink.domain.values import detect_script
from interlink.synthetic import (
    REFERENCE_DATE,
    USER_ROLES,
    DemoRecord,
    demo_units,
    demo_users,
    demo_world,
)
from interlink.synthetic.world import welfare_unit

F = TypeVar("F", bound=model.Facts)


def of(world: list[DemoRecord], cls: type[F]) -> list[tuple[DemoRecord, F]]:
    return [(r, r.facts) for r in world if isinstance(r.facts, cls)]


def facts_of(world: list[DemoRecord], cls: type[F]) -> list[F]:
    return [f for _, f in of(world, cls)]


def test_same_seed_same_world_other_seed_other_world(world: list[DemoRecord]) -> None:
    small = list(demo_world(persons=300, countries=2, seed=4))
    assert small == list(demo_world(persons=300, countries=2, seed=4))
    other = list(demo_world(persons=300, countries=2, seed=5))
    assert {r.id for r in small}.isdisjoint({r.id for r in other})
    assert [r.facts for r in small[:50]] != [r.facts for r in other[:50]]
    assert len({r.id for r in world}) == len(world)


def test_records_are_validated_model_instances(world: list[DemoRecord]) -> None:
    for record in world[::5]:
        facts = record.facts
        assert type(facts).model_validate(facts.model_dump()) == facts
        assert isinstance(record.id, uuid.UUID)


def test_references_are_yielded_before_use_and_stay_in_the_country(world: list[DemoRecord]) -> None:
    seen: dict[uuid.UUID, DemoRecord] = {}
    for record in world:
        for field, target in model.references(record.facts):
            assert target in seen, (record, field)
            assert seen[target].unit[:2] == record.unit[:2]
        seen[record.id] = record
    for link in facts_of(world, model.Link):
        sources, targets = model.LINK_ENDS[link.link_kind]
        assert getattr(type(seen[link.source].facts), "kind", None) in sources
        assert getattr(type(seen[link.target].facts), "kind", None) in targets


def test_event_references_point_at_the_right_kinds(world: list[DemoRecord]) -> None:
    by_id = {r.id: r.facts for r in world}
    for incident in facts_of(world, model.ExploitationIncident):
        for v in incident.victims:
            victim = by_id[v]
            assert isinstance(victim, model.Person) and victim.role in codes.VICTIM_ROLES
        assert all(isinstance(by_id[o], model.Organization) for o in incident.organizations)
    for marriage in facts_of(world, model.Marriage):
        assert all(isinstance(by_id[p], model.Person) for p in marriage.spouses)
        if marriage.intermediary:
            assert isinstance(by_id[marriage.intermediary], model.Organization)
    for crossing in facts_of(world, model.BorderCrossing):
        assert isinstance(by_id[crossing.person], model.Person)
        if crossing.document:
            assert isinstance(by_id[crossing.document], model.Document)


def test_units_and_users() -> None:
    units = demo_units(6, seed=0)
    per_country = collections.Counter(country for _, _, country in units)
    assert len(per_country) == 6 and all(2 <= n <= 3 for n in per_country.values())
    assert ("UA-NCB", "National Central Bureau, Kyiv", "UA") in units
    assert any(code == "UA-THB-KYIV" for code, _, _ in units)
    users = demo_users(units)
    assert {role for _, role, unit in users if unit == "UA-NCB"} == set(USER_ROLES) - {
        "welfare_officer"
    }
    assert ("ua.investigator", "investigator", "UA-NCB") in users
    # The welfare officer works for the country's welfare agency, which is a unit of its own.
    assert ("ua.welfare_officer", "welfare_officer", welfare_unit("UA")) in users
    assert len({name for name, _, _ in users}) == len(users)
    agencies = {welfare_unit(country) for country in per_country}
    assert {unit for _, _, unit in users} == {code for code, _, _ in units} | agencies
    assert demo_units(["GR", "JP"])[0][0] == "GR-NCB"


def test_each_country_is_owned_by_its_units(world: list[DemoRecord]) -> None:
    units = {code for code, _, _ in demo_units(6, seed=0)}
    owners = {r.unit for r in world}
    assert owners <= units
    assert {u[:2] for u in owners} == {u[:2] for u in units}


def test_everyone_and_everything_is_there(world: list[DemoRecord]) -> None:
    persons = facts_of(world, model.Person)
    assert 1800 <= len(persons) <= 2300
    assert {p.role for p in persons} == set(PersonRole)
    kinds = {o.organization_kind for o in facts_of(world, model.Organization)}
    assert kinds == set(OrganizationKind)
    links = facts_of(world, model.Link)
    assert {link.role for link in links} == set(LinkRole)
    assert {link.link_kind for link in links} == set(codes.LinkKind)
    forms = {f for i in facts_of(world, model.ExploitationIncident) for f in i.forms}
    assert forms == set(codes.ExploitationForm)
    assert {type(r.facts) for r in world} == {k.facts for k in KINDS}


def test_names_in_several_scripts_and_aliases(world: list[DemoRecord]) -> None:
    names = [n for p in facts_of(world, model.Person) for n in p.names]
    assert len({detect_script(n.full or "") for n in names}) >= 6
    kinds = collections.Counter(n.kind for n in names)
    assert kinds[codes.NameKind.ALIAS] > 50 and kinds[codes.NameKind.MARRIED] > 5


def _under_18(birth: str | None, on: date) -> bool:
    if not birth or len(birth) != 10:
        return False
    born = date.fromisoformat(birth)
    return (on.year - born.year - ((on.month, on.day) < (born.month, born.day))) < 18


def test_child_victims_and_urgent_child_cases(world: list[DemoRecord]) -> None:
    children = [
        p
        for p in facts_of(world, model.Person)
        if p.role in codes.VICTIM_ROLES and _under_18(p.birth_date, REFERENCE_DATE)
    ]
    assert len(children) > 20
    cases = facts_of(world, model.Case)
    assert any(c.child_involved for c in cases)
    assert all(c.priority == codes.CasePriority.URGENT for c in cases if c.child_involved)


def test_planted_patterns(world: list[DemoRecord]) -> None:
    persons = {r.id: p for r, p in of(world, model.Person)}
    phone_users = collections.Counter(ph for p in persons.values() for ph in p.phones)
    assert phone_users.most_common(1)[0][1] >= 6  # one phone, many victims
    documents = facts_of(world, model.Document)
    numbers = collections.Counter(d.number for d in documents)
    assert numbers.most_common(1)[0][1] >= 3  # one document number, several holders
    assert {codes.DocumentStatus.FORGED, codes.DocumentStatus.STOLEN} <= {
        d.status for d in documents
    }
    illegal = [
        c.person
        for c in facts_of(world, model.BorderCrossing)
        if c.outcome == codes.CrossingOutcome.ILLEGAL_ENTRY
    ]
    by_address = collections.Counter(a for pid in illegal for a in persons[pid].addresses)
    assert by_address.most_common(1)[0][1] >= 6  # one address behind many illegal entries
    marriages = facts_of(world, model.Marriage)
    assert {m.status for m in marriages} >= {
        codes.MarriageStatus.SUSPECTED_BOGUS,
        codes.MarriageStatus.CONFIRMED_BOGUS,
    }
    serial, count = collections.Counter(s for m in marriages for s in m.spouses).most_common(1)[0]
    assert count >= 4  # one person married several times, always to foreign nationals
    partners = [
        persons[s] for m in marriages if serial in m.spouses for s in m.spouses if s != serial
    ]
    assert all(p.nationalities[0] != persons[serial].nationalities[0] for p in partners)


def test_the_same_suspect_recorded_in_several_countries(world: list[DemoRecord]) -> None:
    countries_by_number = collections.defaultdict(set)
    for record, person in of(world, model.Person):
        for number in person.document_numbers:
            countries_by_number[number].add(record.unit[:2])
    assert sum(len(c) > 1 for c in countries_by_number.values()) >= 5


def test_external_refs_are_unique_per_kind(world: list[DemoRecord]) -> None:
    refs = [(type(r.facts).__name__, r.external_ref) for r in world if r.external_ref]
    assert len(refs) == len(set(refs))


def test_provenance_varies(world: list[DemoRecord]) -> None:
    provenance = [r.provenance for r in world]
    assert {p.reliability for p in provenance} == set(codes.Reliability)
    assert {p.assessment for p in provenance} == set(codes.Assessment)
    assert {p.handling_code for p in provenance} == set(HandlingCode)
    assert all(p.handling_text for p in provenance if p.handling_code == HandlingCode.H3)
    assert any(p.review_date for p in provenance)
    assert any(r.external_ref for r in world)


def test_small_worlds_still_work() -> None:
    for persons, countries in ((10, 1), (50, 3), (0, 2)):
        records = list(demo_world(persons=persons, countries=countries, seed=1))
        assert facts_of(records, model.Person)
