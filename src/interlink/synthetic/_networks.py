"""Planted networks and patterns: generated records in which each alert pattern occurs once,
beside near misses that must not raise it (for the demo, the tests and the benchmarks).

Everything is generated; names come from the same lists as the rest of the demo. ``plant``
returns the records (in an order where every record comes after those it references) and
a map of what was planted where, so that a test can say which records an alert must name.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field

from interlink.domain import codes, model
from interlink.domain.provenance import ProvenanceIn
from interlink.synthetic._scenario import DemoRecord
from interlink.synthetic.people import IdentityFactory

NAMESPACE = uuid.UUID("6f1d6a34-1c5e-4f3e-9a2b-0b9d1e6c7a10")
PROV = ProvenanceIn(
    handling_code=codes.HandlingCode.H0,
    reliability=codes.Reliability.B,
    assessment=codes.Assessment.CORROBORATED,
)


@dataclass
class Planted:
    """Which records make each planted pattern (pattern → key → record ids) and the near
    misses (pattern → record ids that must raise nothing)."""

    records: list[DemoRecord] = field(default_factory=list)
    patterns: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    misses: dict[str, set[str]] = field(default_factory=dict)

    def plant(self, pattern: str, key: str, *ids: str) -> None:
        self.patterns.setdefault(pattern, {}).setdefault(key, set()).update(ids)

    def miss(self, pattern: str, *ids: str) -> None:
        self.misses.setdefault(pattern, set()).update(ids)


class _Builder:
    def __init__(self, seed: int, unit: str, country: str, tag: str) -> None:
        self.rng = random.Random(f"interlink-networks/{seed}/{tag}")
        self.factory = IdentityFactory(self.rng, [country])
        self.unit = unit
        self.country = country
        self.tag = tag
        self.n = 0
        self.out = Planted()

    def emit(self, facts: model.Facts, unit: str | None = None) -> str:
        self.n += 1
        rid = uuid.uuid5(NAMESPACE, f"{self.tag}/{self.n}")
        self.out.records.append(DemoRecord(rid, facts, PROV, unit or self.unit, None))
        return str(rid)

    def person(
        self,
        role: codes.PersonRole = codes.PersonRole.SUSPECT,
        *,
        documents: list[str] | None = None,
        phones: list[str] | None = None,
        addresses: list[str] | None = None,
        photo: str | None = None,
        nationality: str | None = None,
        unit: str | None = None,
    ) -> str:
        ident = self.factory.new(country=self.country, role=role)
        return self.emit(
            model.Person(
                names=[model.PersonName(full=ident.latin_names[0])],
                gender=ident.gender,
                birth_country=self.country,
                nationalities=[nationality or self.country],
                role=role,
                document_numbers=documents if documents is not None else [self._doc()],
                phones=phones or [],
                addresses=addresses or [],
                photos=[model.Photo(sha256=photo)] if photo else [],
            ),
            unit,
        )

    def _doc(self) -> str:
        return f"{self.tag[:2].upper()}{self.rng.randrange(10**7, 10**8)}"

    def phone(self) -> str:
        return f"+3805{self.rng.randrange(10**7, 10**8)}"

    def address(self, street: str) -> str:
        return f"{self.rng.randrange(1, 200)} {street} Street, Planted Town"

    def org(self, name: str, kind: codes.OrganizationKind, country: str | None = None) -> str:
        return self.emit(
            model.Organization(
                names=[name], organization_kind=kind, country=country or self.country
            )
        )

    def marriage(
        self,
        a: str,
        b: str,
        day: str,
        *,
        witnesses: list[str] | None = None,
        registrar: str | None = None,
        intermediary: str | None = None,
    ) -> str:
        return self.emit(
            model.Marriage(
                spouses=[uuid.UUID(a), uuid.UUID(b)],
                date=day,
                country=self.country,
                witnesses=[uuid.UUID(w) for w in witnesses or []],
                registrar=registrar,
                intermediary=uuid.UUID(intermediary) if intermediary else None,
            )
        )

    def crossing(
        self, person: str, day: str, outcome: codes.CrossingOutcome, number: str | None = None
    ) -> str:
        return self.emit(
            model.BorderCrossing(
                person=uuid.UUID(person),
                date=day,
                country=self.country,
                outcome=outcome,
                document_number=number,
            )
        )

    def link(self, kind: codes.LinkKind, source: str, target: str, role: codes.LinkRole) -> str:
        return self.emit(
            model.Link(
                link_kind=kind, source=uuid.UUID(source), target=uuid.UUID(target), role=role
            )
        )


def plant(
    seed: int = 0, unit: str = "UA-KYIV", country: str = "UA", other_country: str = "MD"
) -> Planted:
    """One occurrence of every pattern, and a near miss of each, owned by ``unit``."""
    b = _Builder(seed, unit, country, f"net{seed}")
    out = b.out
    victim, suspect = codes.PersonRole.VICTIM, codes.PersonRole.SUSPECT

    # One document number, two holders (and a number held by one person twice: no alert).
    number = f"FX{b.rng.randrange(10**6, 10**7)}"
    h1 = b.person(documents=[number])
    h2 = b.person(documents=[])
    cross = b.crossing(h2, "2025-03-02", codes.CrossingOutcome.LAWFUL, number)
    out.plant("shared_document", f"document:{number}", h1, h2, cross)
    own = f"OK{b.rng.randrange(10**6, 10**7)}"
    single = b.person(documents=[own])
    b.crossing(single, "2025-04-01", codes.CrossingOutcome.LAWFUL, own)
    out.miss("shared_document", single)

    # Several identities on one photo (and a photo on one record only).
    photo = f"{b.rng.getrandbits(256):064x}"
    p1, p2, p3 = (b.person(photo=photo) for _ in range(3))
    out.plant("shared_photo", f"photo:{photo}", p1, p2, p3)
    out.miss("shared_photo", b.person(photo=f"{b.rng.getrandbits(256):064x}"))

    # A man married three times in four years; another twice, twelve years apart.
    groom = b.person()
    wives = [b.person(nationality=other_country) for _ in range(3)]
    m = [
        b.marriage(groom, w, d)
        for w, d in zip(wives, ("2019-05", "2021-02", "2023-01"), strict=True)
    ]
    out.plant("serial_marriages", f"person:{groom}", groom, *m)
    slow = b.person()
    b.marriage(slow, b.person(), "2005-06")
    b.marriage(slow, b.person(), "2017-09")
    out.miss("serial_marriages", slow)

    # Three marriages with one witness and one agency; two with another witness (no alert).
    agency = b.org("Planted Hearts Marriage Bureau", codes.OrganizationKind.MARRIAGE_AGENCY)
    witness = b.person(codes.PersonRole.WITNESS)
    couples = [(b.person(), b.person(nationality=other_country)) for _ in range(3)]
    wm = [
        b.marriage(x, y, f"2024-0{i + 1}", witnesses=[witness], intermediary=agency)
        for i, (x, y) in enumerate(couples)
    ]
    out.plant("marriage_shared_party", f"witness:{witness}", witness, *wm)
    out.plant("marriage_shared_party", f"intermediary:{agency}", agency, *wm)
    lone_witness = b.person(codes.PersonRole.WITNESS)
    for _ in range(2):
        b.marriage(b.person(), b.person(), "2024-06", witnesses=[lone_witness])
    out.miss("marriage_shared_party", lone_witness)

    # Four illegal entrants share one sponsor's phone; three lawful travellers share another.
    sponsor_phone = b.phone()
    entrants = [b.person(phones=[sponsor_phone]) for _ in range(4)]
    ic = [
        b.crossing(p, f"2025-0{i + 1}-10", codes.CrossingOutcome.ILLEGAL_ENTRY)
        for i, p in enumerate(entrants)
    ]
    out.plant("illegal_entry_shared", f"phone:{sponsor_phone}", *entrants, *ic)
    lawful_phone = b.phone()
    travellers = [b.person(phones=[lawful_phone]) for _ in range(3)]
    for p in travellers:
        b.crossing(p, "2025-07-01", codes.CrossingOutcome.LAWFUL)
    out.miss("illegal_entry_shared", *travellers)

    # One phone tied to four victims (and the recruiter); a phone two victims share.
    recruiter_phone = b.phone()
    recruiter = b.person(suspect, phones=[recruiter_phone])
    victims = [b.person(victim, phones=[recruiter_phone]) for _ in range(4)]
    out.plant("contact_many_victims", f"phone:{recruiter_phone}", recruiter, *victims)
    pair_phone = b.phone()
    pair = [b.person(victim, phones=[pair_phone]) for _ in range(2)]
    out.miss("contact_many_victims", *pair)

    # An agency tied to victims from two countries; another to victims of one country.
    recruiting = b.org("Planted Horizons Work Abroad", codes.OrganizationKind.RECRUITMENT_AGENCY)
    abroad = [
        b.person(victim, nationality=country),
        b.person(victim, nationality=other_country),
    ]
    tl = [
        b.link(codes.LinkKind.PERSON_ORGANIZATION, v, recruiting, codes.LinkRole.OTHER)
        for v in abroad
    ]
    out.plant(
        "organization_victims_countries", f"organization:{recruiting}", recruiting, *abroad, *tl
    )
    local = b.org("Planted Local Cleaning Services", codes.OrganizationKind.FRONT_COMPANY)
    for _ in range(2):
        v = b.person(victim, nationality=country)
        b.link(codes.LinkKind.PERSON_ORGANIZATION, v, local, codes.LinkRole.OTHER)
    out.miss("organization_victims_countries", local)

    # A small network to chart: a broker linked to two cells in two countries.
    broker = b.person(suspect)
    cell_a = b.org("Planted Transport Cell", codes.OrganizationKind.CRIMINAL_GROUP)
    cell_b = b.org("Planted Venue Cell", codes.OrganizationKind.CRIMINAL_GROUP, other_country)
    b.link(codes.LinkKind.PERSON_ORGANIZATION, broker, cell_a, codes.LinkRole.BROKER)
    b.link(codes.LinkKind.PERSON_ORGANIZATION, broker, cell_b, codes.LinkRole.BROKER)
    b.link(codes.LinkKind.PERSON_ORGANIZATION, recruiter, cell_a, codes.LinkRole.RECRUITER)
    b.link(codes.LinkKind.PERSON_PERSON, broker, groom, codes.LinkRole.ASSOCIATE)
    out.plant("chart", "broker", broker, cell_a, cell_b, recruiter, groom)
    return out
