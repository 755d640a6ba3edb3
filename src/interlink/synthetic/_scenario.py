"""One country's part of the demo world: criminal groups, their victims, and the patterns
analysts should find (planted on purpose).

The plan is made first (who belongs to which group, who shares a phone), then records are
emitted in dependency order so anything referenced by UUID exists before it is used.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from interlink.domain import codes, model
from interlink.domain.codes import ActivityCategory as Cat
from interlink.domain.codes import ExploitationForm as Form
from interlink.domain.codes import LinkKind, LinkRole, OrganizationKind, PersonRole
from interlink.domain.provenance import ProvenanceIn
from interlink.synthetic import _facts as facts
from interlink.synthetic.people import REFERENCE_DATE, IdentityFactory, PersonIdentity

NAMESPACE = uuid.UUID("5f0c2a0e-4c1b-5d7e-9a51-1f2d3c4b5a69")
EVENTS_FROM = date(2019, 1, 1)
REVIEW_WINDOW = (date(2025, 1, 1), date(2030, 12, 31))

# Where victims and foreign spouses come from when the world has few countries.
SOURCE_COUNTRIES = (
    "UA",
    "RO",
    "BG",
    "NG",
    "TH",
    "VN",
    "PH",
    "MA",
    "AL",
    "CN",
    "SY",
    "IQ",
    "IN",
    "CO",
    "BR",
    "GE",
    "AM",
)

# The forms groups are built around, cycled so every form appears across countries.
FORMS: tuple[Form, ...] = (
    Form.SEXUAL,
    Form.FORCED_LABOUR,
    Form.CHILD_SEXUAL_EXPLOITATION,
    Form.FORCED_MARRIAGE,
    Form.DOMESTIC_SERVITUDE,
    Form.FORCED_BEGGING,
    Form.FORCED_CRIMINALITY,
    Form.SEXUAL,
    Form.FORCED_LABOUR,
    Form.ORGAN_REMOVAL,
    Form.OTHER,
)
_CATEGORIES: dict[Form, list[Cat]] = {
    Form.SEXUAL: [Cat.PROCUREMENT, Cat.EXPLOITATION_OF_PROSTITUTION],
    Form.FORCED_LABOUR: [Cat.FORCED_LABOUR, Cat.ILLEGAL_ENTRY],
    Form.CHILD_SEXUAL_EXPLOITATION: [Cat.CHILD_SEXUAL_EXPLOITATION],
    Form.FORCED_MARRIAGE: [Cat.BOGUS_MARRIAGE, Cat.ILLEGAL_MARRIAGE],
    Form.DOMESTIC_SERVITUDE: [Cat.FORCED_LABOUR],
    Form.FORCED_BEGGING: [Cat.OTHER],
    Form.FORCED_CRIMINALITY: [Cat.FORGED_IDENTITY_PAPERS, Cat.OTHER],
    Form.ORGAN_REMOVAL: [Cat.OTHER],
    Form.OTHER: [Cat.OTHER, Cat.ILLEGAL_ENTRY],
}
_HELPER: dict[Form, OrganizationKind] = {
    Form.SEXUAL: OrganizationKind.VENUE,
    Form.FORCED_LABOUR: OrganizationKind.RECRUITMENT_AGENCY,
    Form.CHILD_SEXUAL_EXPLOITATION: OrganizationKind.VENUE,
    Form.FORCED_MARRIAGE: OrganizationKind.MARRIAGE_AGENCY,
    Form.DOMESTIC_SERVITUDE: OrganizationKind.RECRUITMENT_AGENCY,
    Form.FORCED_BEGGING: OrganizationKind.OTHER,
    Form.FORCED_CRIMINALITY: OrganizationKind.FRONT_COMPANY,
    Form.ORGAN_REMOVAL: OrganizationKind.TRAVEL_AGENCY,
    Form.OTHER: OrganizationKind.FRONT_COMPANY,
}
_DESCRIPTIONS: dict[Form, str] = {
    Form.SEXUAL: "Women recruited with offers of work as waitresses in {city}; documents "
    "withheld on arrival and debts imposed for travel and lodging.",
    Form.FORCED_LABOUR: "Workers recruited abroad for construction and farm work near {city}; "
    "wages withheld, passports kept by the employer.",
    Form.CHILD_SEXUAL_EXPLOITATION: "Children contacted through social media and exploited in "
    "{city}; victims referred to child protection services.",
    Form.FORCED_MARRIAGE: "Marriages of convenience arranged for payment in {city} to obtain "
    "residence rights; brides recruited from vulnerable families.",
    Form.DOMESTIC_SERVITUDE: "Domestic workers kept in private households in {city} without "
    "pay or days off; movement restricted.",
    Form.FORCED_BEGGING: "Persons, including minors, brought to {city} and made to beg at "
    "transport hubs; earnings collected daily.",
    Form.FORCED_CRIMINALITY: "Victims made to commit thefts and to open bank accounts with "
    "forged identity papers in {city}.",
    Form.ORGAN_REMOVAL: "Persons offered paid travel for medical treatment via {city}; "
    "suspected brokering of organ removal.",
    Form.OTHER: "Persons smuggled into the country via {city} and exploited in various "
    "informal work.",
}
_SUSPECT_ROLES = (
    LinkRole.FINANCIER,
    LinkRole.RECRUITER,
    LinkRole.TRANSPORTER,
    LinkRole.EXPLOITER,
    LinkRole.BROKER,
    LinkRole.DOCUMENT_FORGER,
    LinkRole.MEMBER,
    LinkRole.OTHER,
)
_HELPER_LINK = {
    OrganizationKind.VENUE: LinkRole.EXPLOITER,
    OrganizationKind.RECRUITMENT_AGENCY: LinkRole.RECRUITER,
    OrganizationKind.MARRIAGE_AGENCY: LinkRole.BROKER,
    OrganizationKind.TRAVEL_AGENCY: LinkRole.TRANSPORTER,
    OrganizationKind.FRONT_COMPANY: LinkRole.FINANCIER,
    OrganizationKind.OTHER: LinkRole.MEMBER,
}
_ORG_NAMES: dict[OrganizationKind, tuple[str, ...]] = {
    OrganizationKind.FRONT_COMPANY: (
        "Sunrise Trading",
        "Atlas Logistics",
        "Nova Import-Export",
        "Delta Cleaning Services",
        "Horizon Construction",
        "Primus Agro",
        "Vega Consulting",
        "Orion Car Wash",
    ),
    OrganizationKind.MARRIAGE_AGENCY: (
        "Eternal Love Marriage Agency",
        "Happy Hearts International",
        "Destiny Match",
        "Golden Ring Agency",
        "Soulmate Bridges",
    ),
    OrganizationKind.RECRUITMENT_AGENCY: (
        "Work Abroad Solutions",
        "EuroJobs Recruitment",
        "Global Staffing Partners",
        "Bright Future Employment",
        "Seasonal Work Agency",
    ),
    OrganizationKind.TRAVEL_AGENCY: (
        "Blue Sky Travel",
        "Voyage Plus Tours",
        "Comet Travel",
        "Visa Express",
        "Sun and Sea Tours",
    ),
    OrganizationKind.VENUE: (
        "Club Paradise",
        "Bar Flamingo",
        "Massage Salon Lotus",
        "Hotel Riviera",
        "Nail Studio Orchid",
        "Night Club Velvet",
        "Sauna Aqua",
        "Karaoke Bar Star",
    ),
    OrganizationKind.OTHER: (
        "Hope Charity Foundation",
        "Cargo Transit Cooperative",
        "Model Studio Glamour",
        "Sports Club Titan",
    ),
}
_GROUP_WORDS = (
    "Black Eagle",
    "Northern Star",
    "Red Fox",
    "Silver Wolf",
    "Golden Horn",
    "Iron Bridge",
    "White Sands",
    "Blue Harbour",
    "Night Owls",
    "Green Valley",
)
_CODEWORDS = (
    "Amber",
    "Birch",
    "Harbour",
    "Lantern",
    "Meridian",
    "Nightingale",
    "Orchard",
    "Pebble",
    "Quarry",
    "Saffron",
    "Tundra",
    "Willow",
    "Cobalt",
    "Falcon",
    "Glacier",
)
_PLATFORMS = ("Telegram", "Signal", "Viber", "WhatsApp")
_SOCIAL = ("Facebook", "Instagram", "VK", "TikTok")


@dataclass(frozen=True)
class DemoRecord:
    """One record of the demo world, ready for the store."""

    id: uuid.UUID
    facts: model.Facts
    provenance: ProvenanceIn
    unit: str
    external_ref: str | None


@dataclass(eq=False)
class _Person:
    identity: PersonIdentity
    role: PersonRole
    unit: str
    categories: list[Cat] = field(default_factory=list)
    variant: int = 0  # > 0: written as another country's officer would
    link_role: LinkRole = LinkRole.MEMBER
    documents: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    married: list[tuple[str, str]] = field(default_factory=list)
    notes: str | None = None
    id: uuid.UUID = NAMESPACE  # set when emitted


@dataclass(eq=False)
class _Group:
    form: Form
    unit: str
    suspects: list[_Person] = field(default_factory=list)
    victims: list[_Person] = field(default_factory=list)
    others: list[_Person] = field(default_factory=list)  # witnesses and contacts
    records: list[uuid.UUID] = field(default_factory=list)  # for the case file
    org: uuid.UUID = NAMESPACE
    helper: uuid.UUID = NAMESPACE

    @property
    def members(self) -> list[_Person]:
        return [*self.suspects, *self.victims, *self.others]

    @property
    def child_involved(self) -> bool:
        return any(v.identity.is_child() for v in self.victims)


class CountryScenario:
    """Builds the records owned by one country's units."""

    def __init__(
        self,
        *,
        seed: int,
        country: str,
        index: int,
        units: list[str],
        persons: int,
        world: tuple[str, ...],
        travellers: list[PersonIdentity],
    ) -> None:
        self.seed, self.cc, self.index = seed, country, index
        self.rng = random.Random(f"interlink-demo/{seed}/{country}")
        self.rand = self.rng.random
        self.factory = IdentityFactory(self.rng)
        self.ncb = units[0]
        self.thb = [u for u in units if "-THB-" in u] or units[:1]
        self.border = next((u for u in units if u.endswith("-BORDER")), self.ncb)
        self.budget = persons
        self.sources = tuple(c for c in dict.fromkeys((*world, *SOURCE_COUNTRIES)) if c != country)
        self.travellers = travellers
        self.records: list[DemoRecord] = []
        self.helpers: dict[OrganizationKind, list[uuid.UUID]] = {}
        self.org_addresses: dict[uuid.UUID, uuid.UUID] = {}
        self.documents_of: dict[_Person, uuid.UUID] = {}
        self.cases: list[tuple[str, list[uuid.UUID], bool, list[Cat], str]] = []

    # --- emission ------------------------------------------------------------------------

    def emit(self, item: model.Facts, unit: str, external_ref: str | None = None) -> uuid.UUID:
        kind: str = type(item).kind  # type: ignore[attr-defined]
        rid = uuid.uuid5(NAMESPACE, f"{self.seed}/{self.cc}/{len(self.records)}")
        prov = facts.provenance(self.rand, kind, start=REVIEW_WINDOW[0], end=REVIEW_WINDOW[1])
        self.records.append(DemoRecord(rid, item, prov, unit, external_ref))
        return rid

    def link(
        self,
        kind: LinkKind,
        source: uuid.UUID,
        target: uuid.UUID,
        role: LinkRole,
        unit: str,
        start: str | None = None,
    ) -> uuid.UUID:
        return self.emit(
            model.Link(link_kind=kind, source=source, target=target, role=role, start=start), unit
        )

    def day(self, first: date = EVENTS_FROM, last: date = REFERENCE_DATE) -> date:
        return first + timedelta(days=int(self.rand() * max(1, (last - first).days)))

    def choice(self, items: tuple[str, ...] | list[str]) -> str:
        return items[int(self.rand() * len(items))]

    # --- plan ----------------------------------------------------------------------------

    def person(
        self,
        role: PersonRole,
        unit: str,
        *,
        country: str | None = None,
        gender: codes.Gender | None = None,
        child: bool = False,
        categories: list[Cat] | None = None,
    ) -> _Person:
        identity = self.factory.new(
            country=country or self.cc, gender=gender, role=role, child=child
        )
        return _Person(identity, role, unit, categories or [])

    def source(self) -> str:
        return self.choice(self.sources) if self.sources else self.cc

    def plan_group(self, number: int, size: int) -> _Group:
        form = FORMS[(self.index * 3 + number) % len(FORMS)]
        unit = self.thb[number % len(self.thb)]
        group = _Group(form, unit)
        cats = _CATEGORIES[form]
        n_suspects = max(2, round(size * 0.45))
        n_others = max(1, round(size * 0.12))
        n_victims = max(1, size - n_suspects - n_others)
        for i in range(n_suspects):
            local = i < 2 or self.rand() < 0.7
            role = PersonRole.CONVICTED if i == 0 and self.rand() < 0.5 else PersonRole.SUSPECT
            p = self.person(
                role,
                unit,
                country=None if local else self.source(),
                gender=codes.Gender.MALE if i < 2 else None,
                categories=cats,
            )
            p.link_role = _SUSPECT_ROLES[i % len(_SUSPECT_ROLES)]
            group.suspects.append(p)
        leader, brother = group.suspects[0].identity, group.suspects[1].identity
        brother.family = leader.family  # the two brothers at the top of the group
        female_share = {
            Form.SEXUAL: 0.9,
            Form.DOMESTIC_SERVITUDE: 0.9,
            Form.FORCED_MARRIAGE: 1.0,
        }.get(form, 0.4)
        child_share = {Form.CHILD_SEXUAL_EXPLOITATION: 1.0, Form.FORCED_BEGGING: 0.5}.get(
            form, 0.03
        )
        for _ in range(n_victims):
            role = PersonRole.POSSIBLE_VICTIM if self.rand() < 0.25 else PersonRole.VICTIM
            local = form == Form.FORCED_MARRIAGE or self.rand() < 0.25
            gender = codes.Gender.FEMALE if self.rand() < female_share else codes.Gender.MALE
            group.victims.append(
                self.person(
                    role,
                    unit,
                    country=None if local else self.source(),
                    gender=gender,
                    child=self.rand() < child_share,
                    categories=cats,
                )
            )
        for i in range(n_others):
            role = PersonRole.WITNESS if i % 2 else PersonRole.CONTACT
            group.others.append(self.person(role, unit))
        if form == Form.FORCED_MARRIAGE:  # foreign grooms paying for residence rights
            for _ in range(min(4, len(group.victims))):
                groom = self.person(
                    PersonRole.SUSPECT,
                    unit,
                    country=self.source(),
                    gender=codes.Gender.MALE,
                    categories=cats,
                )
                groom.link_role = LinkRole.MEMBER
                group.suspects.append(groom)
        return group

    def plan(self) -> list[_Group]:
        groups: list[_Group] = []
        remaining = self.budget - 5  # the serial marrier and his spouses
        while remaining >= 8 or not groups:
            size = min(remaining, 10 + int(self.rand() * 20))
            if remaining - size < 8:
                size = max(remaining, 4)
            groups.append(self.plan_group(len(groups), size))
            remaining -= size
        for i, identity in enumerate(self.travellers):  # suspects known in other countries
            group = groups[i % len(groups)]
            p = _Person(
                identity,
                PersonRole.SUSPECT,
                group.unit,
                _CATEGORIES[group.form],
                variant=0 if identity.country == self.cc else 1 + self.index % 3,
                link_role=LinkRole.TRANSPORTER,
            )
            group.suspects.append(p)
        return groups

    # --- build ---------------------------------------------------------------------------

    def build(self) -> list[DemoRecord]:
        from interlink.synthetic import _scenario_emit as emit_steps

        groups = self.plan()
        marrier = emit_steps.plan_serial_marrier(self)
        emit_steps.helper_organizations(self)
        hubs = emit_steps.plan_hubs(self, groups)
        emit_steps.group_organizations(self, groups)
        everyone = [*marrier, *(p for g in groups for p in g.members)]
        emit_steps.persons(self, everyone)
        emit_steps.contact_records(self, groups, hubs)
        emit_steps.documents(self, groups, everyone, hubs)
        emit_steps.group_links(self, groups)
        emit_steps.marriages(self, groups, marrier)
        emit_steps.crossings(self, groups, hubs)
        emit_steps.incidents(self, groups)
        emit_steps.cases(self, groups)
        return self.records
