"""A small generated data set whose every count is known (no real person in it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from interlink import records
from interlink.access import Role
from interlink.domain import model
from interlink.domain.provenance import ProvenanceIn
from interlink.node import Node

PROV = ProvenanceIn()


@dataclass
class World:
    ids: dict[str, str] = field(default_factory=dict)


def _person(given: str, **facts: object) -> model.Person:
    return model.Person(names=[model.PersonName(given=given, family="Testperson")], **facts)  # type: ignore[arg-type]


def build_world(node: Node, people: object) -> World:
    """Kyiv: three victims, two suspects, a witness; Lviv: one victim, one convicted."""
    kyiv = people.actor(Role.INVESTIGATOR, "UA-KYIV")  # type: ignore[attr-defined]
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")  # type: ignore[attr-defined]
    w = World()

    def add(name: str, actor: object, facts: model.Facts) -> str:
        rec = records.create(node, actor, facts, PROV)  # type: ignore[arg-type]
        w.ids[name] = rec.id
        return rec.id

    v13 = add(
        "v13",
        kyiv,
        _person("Ana", role="victim", gender="female", birth_date="2010-05-01", birth_country="MD"),
    )
    vm = add(
        "vm",
        kyiv,
        _person("Ion", role="victim", gender="male", birth_date="1990", nationalities=["MD"]),
    )
    add("vu", kyiv, _person("Eva", role="victim", gender="female"))
    a = add(
        "a", kyiv, _person("Suspa", role="suspect", categories=["exploitation_of_prostitution"])
    )
    b = add(
        "b", kyiv, _person("Suspb", role="suspect", categories=["procurement", "illegal_entry"])
    )
    add("w", kyiv, _person("Witt", role="witness"))
    v25 = add(
        "v25",
        lviv,
        _person(
            "Olha", role="victim", gender="female", birth_date="2000-01-01", birth_country="UA"
        ),
    )
    c = add("c", lviv, _person("Conv", role="convicted", categories=["forced_labour"]))
    org = add("org", kyiv, model.Organization(names=["Test Group"]))
    add(
        "l1",
        kyiv,
        model.Link(link_kind="person_organization", source=a, target=org, role="exploiter"),
    )
    add(
        "l2",
        lviv,
        model.Link(link_kind="person_organization", source=c, target=org, role="recruiter"),
    )
    add(
        "l3",
        lviv,
        model.Link(link_kind="person_organization", source=c, target=org, role="transporter"),
    )
    add(
        "i1",
        kyiv,
        model.ExploitationIncident(
            victims=[v13, vm], suspects=[a], start="2024-03-01", forms=["sexual"], country="UA"
        ),
    )
    add(
        "i2",
        kyiv,
        model.ExploitationIncident(
            victims=[vm], suspects=[a], start="2024-06", forms=["forced_labour"], country="UA"
        ),
    )
    add(
        "i3",
        lviv,
        model.ExploitationIncident(
            victims=[v25], suspects=[c], start="2025-06-01", forms=["forced_labour"], country="PL"
        ),
    )
    add("x1", kyiv, model.BorderCrossing(person=v13, date="2024-02-01", country="RO"))
    add(
        "x2",
        kyiv,
        model.BorderCrossing(person=v13, date="2024-02-15", country="UA", outcome="illegal_entry"),
    )
    add(
        "x3",
        lviv,
        model.BorderCrossing(person=v25, date="2025-05-20", country="PL", direction="entry"),
    )
    add(
        "m1",
        kyiv,
        model.Marriage(spouses=[a, b], date="2025-05-01", country="UA", status="suspected_bogus"),
    )
    add("m2", kyiv, model.Marriage(spouses=[a, vm]))
    add("d1", kyiv, model.Document(issuing_country="MD", number="AB123456", status="forged"))
    add(
        "d2",
        lviv,
        model.Document(
            issuing_country="UA", number="CD654321", document_kind="identity_card", status="genuine"
        ),
    )
    add(
        "k1",
        kyiv,
        model.Case(reference="K-1", title="Case one", priority="urgent", child_involved=True),
    )
    add("k2", lviv, model.Case(reference="L-1", title="Case two", status="closed"))
    return w
