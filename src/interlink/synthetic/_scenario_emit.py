"""The steps of CountryScenario.build: each emits one layer of records.

Order matters and is the point of this module: organizations and contact points, then
persons, then documents and links, then events, then cases, so that every UUID a record
holds belongs to a record already emitted.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from interlink.domain import codes, model
from interlink.domain.codes import ActivityCategory as Cat
from interlink.domain.codes import (
    DocumentKind,
    DocumentStatus,
    ExploitationForm,
    HandleKind,
    LinkKind,
    LinkRole,
    MarriageStatus,
    OrganizationKind,
    PersonRole,
)
from interlink.synthetic import _facts as facts
from interlink.synthetic._scenario import (
    _CATEGORIES,
    _CODEWORDS,
    _DESCRIPTIONS,
    _GROUP_WORDS,
    _HELPER,
    _HELPER_LINK,
    _ORG_NAMES,
    _PLATFORMS,
    _SOCIAL,
    EVENTS_FROM,
    CountryScenario,
    _Group,
    _Person,
)
from interlink.synthetic.people import REFERENCE_DATE
from interlink.synthetic.places import Address, PhoneNumber, profile


@dataclass(eq=False)
class Hubs:
    """The planted patterns: shared phone, shared address, reused document number."""

    phone: PhoneNumber
    phone_users: list[_Person]
    address: Address
    residents: list[_Person]
    doc_number: str
    doc_country: str
    doc_users: list[_Person]
    group_phones: list[tuple[PhoneNumber, list[_Person]]] = field(default_factory=list)
    doc_ids: list[uuid.UUID] = field(default_factory=list)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _partial(day: date, rand_value: float) -> str:
    if rand_value < 0.7:
        return day.isoformat()
    return f"{day.year:04d}-{day.month:02d}" if rand_value < 0.9 else f"{day.year:04d}"


# --- plan steps ----------------------------------------------------------------------------


def plan_serial_marrier(s: CountryScenario) -> list[_Person]:
    """One local man married four times, each time to a foreign national."""
    cats = [Cat.BOGUS_MARRIAGE]
    marrier = s.person(PersonRole.SUSPECT, s.ncb, gender=codes.Gender.MALE, categories=cats)
    marrier.notes = "Married four times to foreign nationals within a few years."
    spouses: list[_Person] = []
    countries = [c for c in s.sources[:4]] or [s.cc]
    for i in range(4):
        role = PersonRole.POSSIBLE_VICTIM if i == 3 else PersonRole.CONTACT
        spouse = s.person(
            role,
            s.ncb,
            country=countries[i % len(countries)],
            gender=codes.Gender.FEMALE,
            categories=cats,
        )
        spouse.married.append((spouse.identity.given.latin[0], marrier.identity.family.latin[0]))
        spouses.append(spouse)
    return [marrier, *spouses]


def plan_hubs(s: CountryScenario, groups: list[_Group]) -> Hubs:
    place = profile(s.cc)
    victims = [v for g in groups for v in g.victims]
    foreign = [v for v in victims if v.identity.nationality != s.cc and not v.identity.is_child()]
    phone_users = [groups[0].suspects[0], *victims[:: max(1, len(victims) // 7)][:7]]
    doc_country = s.source()
    doc_users = [groups[0].victims[0], groups[-1].suspects[-1], victims[len(victims) // 2]]
    hubs = Hubs(
        phone=place.phone(s.rand),
        phone_users=list(dict.fromkeys(phone_users)),
        address=place.address(s.rand),
        residents=(foreign or victims)[-8:],
        doc_number=profile(doc_country).document(s.rand),
        doc_country=doc_country,
        doc_users=list(dict.fromkeys(doc_users)),
    )
    for p in hubs.phone_users:
        p.phones.append(hubs.phone.e164)
    for p in hubs.residents:
        p.addresses.append(hubs.address.full)
    for p in hubs.doc_users:
        p.documents.append(hubs.doc_number)
    for g in groups:  # one phone the group's suspects pass around
        phone = place.phone(s.rand)
        users = g.suspects[:3]
        for p in users:
            p.phones.append(phone.e164)
        hubs.group_phones.append((phone, users))
    return hubs


# --- organizations -------------------------------------------------------------------------


def _organization(
    s: CountryScenario, kind: OrganizationKind, name: str, unit: str, categories: list[Cat]
) -> uuid.UUID:
    """An organization with its registered address, phone and (for businesses) website."""
    place = profile(s.cc)
    address = place.address(s.rand)
    phone = place.phone(s.rand)
    slug = _slug(name)
    address_id = s.emit(facts.address_facts(address), unit)
    phone_id = s.emit(model.Phone(number=phone.e164, phone_kind=codes.PhoneKind.FIXED), unit)
    website = None
    if kind != OrganizationKind.CRIMINAL_GROUP:
        website = s.emit(
            model.OnlineHandle(handle_kind=HandleKind.WEBSITE, value=f"https://{slug}.example"),
            unit,
        )
    business = kind != OrganizationKind.CRIMINAL_GROUP
    names = [name] if s.rand() < 0.7 else [name, name.upper()]
    org = s.emit(
        model.Organization(
            names=names,
            organization_kind=kind,
            country=s.cc,
            registration_number=facts.registration_number(s.rand, s.cc) if business else None,
            categories=categories,
            phones=[phone.e164],
            emails=[f"info@{slug}.example"] if business else [],
            addresses=[address.full],
        ),
        unit,
    )
    registered = LinkRole.REGISTERED if business else LinkRole.OTHER
    s.link(LinkKind.CONTACT, org, address_id, registered, unit)
    s.link(LinkKind.CONTACT, org, phone_id, LinkRole.USES, unit)
    if website:
        s.link(LinkKind.CONTACT, org, website, LinkRole.USES, unit)
    s.org_addresses[org] = address_id
    return org


def helper_organizations(s: CountryScenario) -> None:
    """At least one organization of every kind besides the criminal groups."""
    for kind, bases in _ORG_NAMES.items():
        for i in range(
            2 if kind in (OrganizationKind.VENUE, OrganizationKind.RECRUITMENT_AGENCY) else 1
        ):
            base = bases[(s.index + i) % len(bases)]
            legal = s.choice(profile(s.cc).legal_forms)
            name = base if kind == OrganizationKind.VENUE else f"{base} {legal}"
            unit = s.thb[i % len(s.thb)]
            org = _organization(s, kind, name, unit, [])
            s.helpers.setdefault(kind, []).append(org)


def group_organizations(s: CountryScenario, groups: list[_Group]) -> None:
    for i, g in enumerate(groups):
        leader = g.suspects[0].identity
        if s.rand() < 0.5:
            name = f"{leader.family.folded[0]} brothers"
        else:
            name = f"{_GROUP_WORDS[(s.index * 5 + i) % len(_GROUP_WORDS)]} group"
        g.org = _organization(s, OrganizationKind.CRIMINAL_GROUP, name, g.unit, facts_categories(g))
        helpers = s.helpers[_HELPER[g.form]]
        g.helper = helpers[i % len(helpers)]
        g.records += [g.org, g.helper]


def facts_categories(g: _Group) -> list[Cat]:
    return list(_CATEGORIES[g.form])


# --- persons -------------------------------------------------------------------------------


def persons(s: CountryScenario, everyone: list[_Person]) -> None:
    for n, p in enumerate(everyone, start=1):
        ident = p.identity
        names = facts.person_names(ident, s.rand, variant=p.variant)
        names += [
            model.PersonName(given=g, family=f, kind=codes.NameKind.MARRIED) for g, f in p.married
        ]
        nationalities = [ident.nationality]
        if s.rand() < 0.03:
            nationalities.append(s.source())
        suspect = p.role in (PersonRole.SUSPECT, PersonRole.CONVICTED)
        person = model.Person(
            names=names,
            gender=ident.gender,
            birth_date=facts.birth_text(ident, s.rand, exact=ident.is_child()),
            birth_place=ident.birth_place.latin[0] if s.rand() < 0.8 else None,
            birth_country=ident.country,
            nationalities=list(dict.fromkeys(nationalities)),
            distinguishing_marks=[s.choice(facts.MARKS)] if suspect and s.rand() < 0.2 else [],
            role=p.role,
            categories=p.categories,
            document_numbers=list(dict.fromkeys([*ident.documents, *p.documents])),
            phones=list(dict.fromkeys([*(x.e164 for x in ident.phones), *p.phones])),
            emails=list(ident.emails),
            addresses=list(dict.fromkeys([ident.address.full, *p.addresses])),
            notes=p.notes,
        )
        ref = f"{p.unit}-P{n:05d}" if s.rand() < 0.7 else None
        p.id = s.emit(person, p.unit, ref)


def contact_records(s: CountryScenario, groups: list[_Group], hubs: Hubs) -> None:
    """Phones, addresses and handles as records of their own, linked to who uses them."""
    hub_phone = s.emit(
        model.Phone(
            number=hubs.phone.e164,
            phone_kind=codes.PhoneKind.MOBILE,
            notes="Number found on the phones of many victims.",
        ),
        s.ncb,
    )
    for p in hubs.phone_users:
        s.link(LinkKind.CONTACT, p.id, hub_phone, LinkRole.USES, p.unit)
    hub_address = s.emit(facts.address_facts(hubs.address), s.border)
    for p in hubs.residents:
        s.link(LinkKind.CONTACT, p.id, hub_address, LinkRole.RESIDES, s.border)
    for g, (phone, users) in zip(groups, hubs.group_phones, strict=True):
        phone_id = s.emit(model.Phone(number=phone.e164, phone_kind=codes.PhoneKind.MOBILE), g.unit)
        for p in users:
            s.link(LinkKind.CONTACT, p.id, phone_id, LinkRole.USES, g.unit)
        _group_handles(s, g)
        for p in g.suspects:
            _own_contacts(s, p, g.unit)
        venue = s.org_addresses.get(g.helper)
        if venue is not None and _HELPER[g.form] == OrganizationKind.VENUE:
            for v in g.victims[:4]:  # where they were exploited
                s.link(LinkKind.CONTACT, v.id, venue, LinkRole.OTHER, g.unit)


def _own_contacts(s: CountryScenario, p: _Person, unit: str) -> None:
    ident = p.identity
    if ident.phones and s.rand() < 0.4:
        phone = s.emit(
            model.Phone(number=ident.phones[0].e164, phone_kind=codes.PhoneKind.MOBILE), unit
        )
        s.link(LinkKind.CONTACT, p.id, phone, LinkRole.USES, unit)
    if s.rand() < 0.35:
        address = s.emit(facts.address_facts(ident.address), unit)
        since = str(2015 + int(s.rand() * 9))
        s.link(LinkKind.CONTACT, p.id, address, LinkRole.RESIDES, unit, start=since)
    if ident.emails and s.rand() < 0.3:
        handle = s.emit(
            model.OnlineHandle(handle_kind=HandleKind.EMAIL, value=ident.emails[0]), unit
        )
        s.link(LinkKind.CONTACT, p.id, handle, LinkRole.USES, unit)


def _group_handles(s: CountryScenario, g: _Group) -> None:
    recruiter = next((p for p in g.suspects if p.link_role == LinkRole.RECRUITER), g.suspects[0])
    token = recruiter.identity.given.token
    messenger = s.emit(
        model.OnlineHandle(
            handle_kind=HandleKind.MESSENGER,
            value=f"@{token}_{int(s.rand() * 900) + 100}",
            platform=s.choice(_PLATFORMS),
        ),
        g.unit,
    )
    for p in g.suspects[:2]:
        s.link(LinkKind.CONTACT, p.id, messenger, LinkRole.USES, g.unit)
    page = s.emit(
        model.OnlineHandle(
            handle_kind=HandleKind.SOCIAL_MEDIA,
            value=f"work.abroad.{token}{int(s.rand() * 90)}",
            platform=s.choice(_SOCIAL),
        ),
        g.unit,
    )
    s.link(LinkKind.CONTACT, recruiter.id, page, LinkRole.USES, g.unit)
    if s.rand() < 0.5:
        advert = s.emit(
            model.OnlineHandle(
                handle_kind=HandleKind.OTHER,
                value=f"classified ad {int(s.rand() * 90000) + 10000}",
                platform="Classified ads site",
            ),
            g.unit,
        )
        s.link(LinkKind.CONTACT, g.helper, advert, LinkRole.USES, g.unit)


# --- documents and links -------------------------------------------------------------------


def documents(
    s: CountryScenario, groups: list[_Group], everyone: list[_Person], hubs: Hubs
) -> None:
    for p in everyone:
        _own_documents(s, p)
    statuses = (
        DocumentStatus.COUNTERFEIT,
        DocumentStatus.FORGED,
        DocumentStatus.FRAUDULENTLY_OBTAINED,
    )
    for i, p in enumerate(hubs.doc_users):  # one number, several holders
        doc = s.emit(
            facts.document_facts(
                p.identity,
                s.rand,
                number=hubs.doc_number,
                issuing_country=hubs.doc_country,
                status=statuses[i % len(statuses)],
                latest=REFERENCE_DATE,
                notes="Same number seen on documents of other holders.",
            ),
            s.border,
        )
        hubs.doc_ids.append(doc)
        s.link(LinkKind.PERSON_DOCUMENT, p.id, doc, LinkRole.USER, s.border)
    for g in groups:
        if g.form != ExploitationForm.FORCED_CRIMINALITY and not any(
            p.link_role == LinkRole.DOCUMENT_FORGER for p in g.suspects
        ):
            continue
        for v in g.victims[:2]:  # papers made in a victim's name
            country = s.source()
            doc = s.emit(
                facts.document_facts(
                    v.identity,
                    s.rand,
                    number=profile(country).document(s.rand),
                    issuing_country=country,
                    status=DocumentStatus.FORGED if s.rand() < 0.6 else DocumentStatus.STOLEN_BLANK,
                    kind=DocumentKind.IDENTITY_CARD,
                    latest=REFERENCE_DATE,
                ),
                g.unit,
            )
            s.link(LinkKind.PERSON_DOCUMENT, v.id, doc, LinkRole.USER, g.unit)
            g.records.append(doc)


def _own_documents(s: CountryScenario, p: _Person) -> None:
    ident = p.identity
    share = 0.5 if p.role in (PersonRole.VICTIM, PersonRole.POSSIBLE_VICTIM) else 0.65
    if s.rand() < share:
        kind = DocumentKind.PASSPORT if s.rand() < 0.75 else DocumentKind.IDENTITY_CARD
        retained = p.role == PersonRole.VICTIM and s.rand() < 0.3
        doc = s.emit(
            facts.document_facts(
                ident,
                s.rand,
                number=ident.documents[0],
                kind=kind,
                latest=REFERENCE_DATE,
                notes="Retained by the employer; recovered during a search." if retained else None,
            ),
            p.unit,
        )
        s.link(LinkKind.PERSON_DOCUMENT, p.id, doc, LinkRole.HOLDER, p.unit)
        s.documents_of[p] = doc
    if len(ident.documents) > 1 and s.rand() < 0.5:
        status = (DocumentStatus.LOST, DocumentStatus.STOLEN, DocumentStatus.REVOKED)[
            int(s.rand() * 3)
        ]
        doc = s.emit(
            facts.document_facts(
                ident, s.rand, number=ident.documents[1], status=status, latest=REFERENCE_DATE
            ),
            p.unit,
        )
        s.link(LinkKind.PERSON_DOCUMENT, p.id, doc, LinkRole.HOLDER, p.unit)
    if ident.nationality != s.cc and s.rand() < 0.3:
        kind = DocumentKind.VISA if s.rand() < 0.6 else DocumentKind.RESIDENCE_PERMIT
        status = DocumentStatus.FRAUDULENTLY_OBTAINED if s.rand() < 0.4 else DocumentStatus.GENUINE
        doc = s.emit(
            facts.document_facts(
                ident,
                s.rand,
                number=profile(s.cc).document(s.rand),
                issuing_country=s.cc,
                kind=kind,
                status=status,
                latest=REFERENCE_DATE,
            ),
            p.unit,
        )
        s.link(LinkKind.PERSON_DOCUMENT, p.id, doc, LinkRole.HOLDER, p.unit)
    if p.role == PersonRole.SUSPECT and s.rand() < 0.08:
        kind = DocumentKind.DRIVING_LICENCE if s.rand() < 0.7 else DocumentKind.TRAVEL_DOCUMENT
        doc = s.emit(
            facts.document_facts(
                ident,
                s.rand,
                number=profile(s.cc).document(s.rand),
                issuing_country=s.cc,
                kind=kind,
                latest=REFERENCE_DATE,
            ),
            p.unit,
        )
        s.link(LinkKind.PERSON_DOCUMENT, p.id, doc, LinkRole.HOLDER, p.unit)


def group_links(s: CountryScenario, groups: list[_Group]) -> None:
    for g in groups:
        helper_role = _HELPER_LINK[_HELPER[g.form]]
        for p in g.suspects:
            s.link(
                LinkKind.PERSON_ORGANIZATION,
                p.id,
                g.org,
                p.link_role,
                g.unit,
                start=str(2016 + int(s.rand() * 8)) if s.rand() < 0.5 else None,
            )
            if p.link_role == helper_role or p is g.suspects[0]:
                s.link(LinkKind.PERSON_ORGANIZATION, p.id, g.helper, helper_role, g.unit)
        s.link(LinkKind.PERSON_PERSON, g.suspects[0].id, g.suspects[1].id, LinkRole.FAMILY, g.unit)
        for a, b in zip(g.suspects[1:], g.suspects[2:], strict=False):
            s.link(LinkKind.PERSON_PERSON, a.id, b.id, LinkRole.ASSOCIATE, g.unit)
        for p in g.others:
            role = (
                LinkRole.OTHER
                if p.role == PersonRole.WITNESS
                else (LinkRole.FAMILY if s.rand() < 0.3 else LinkRole.ASSOCIATE)
            )
            s.link(
                LinkKind.PERSON_PERSON,
                p.id,
                g.suspects[int(s.rand() * len(g.suspects))].id,
                role,
                g.unit,
            )


# --- events --------------------------------------------------------------------------------


def _marriage(
    s: CountryScenario,
    a: _Person,
    b: _Person,
    unit: str,
    day: date,
    status: MarriageStatus,
    *,
    intermediary: uuid.UUID | None,
    witnesses: list[uuid.UUID],
    notes: str | None = None,
) -> uuid.UUID:
    city = facts.city(s.cc, s.rand).latin[0]
    marriage = s.emit(
        model.Marriage(
            spouses=[a.id, b.id],
            date=_partial(day, s.rand()),
            place=city,
            country=s.cc,
            registrar=f"Civil registry office, {city}",
            witnesses=witnesses,
            intermediary=intermediary,
            status=status,
            notes=notes,
        ),
        unit,
        f"{s.cc}-CR-{day.year}-{len(s.records):05d}" if s.rand() < 0.5 else None,
    )
    s.link(LinkKind.PERSON_PERSON, a.id, b.id, LinkRole.SPOUSE, unit, start=day.isoformat())
    return marriage


def marriages(s: CountryScenario, groups: list[_Group], marrier: list[_Person]) -> None:
    agency = s.helpers[OrganizationKind.MARRIAGE_AGENCY][0]
    husband, spouses = marrier[0], marrier[1:]
    statuses = (
        MarriageStatus.RECORDED,
        MarriageStatus.SUSPECTED_BOGUS,
        MarriageStatus.SUSPECTED_BOGUS,
        MarriageStatus.CONFIRMED_BOGUS,
    )
    records: list[uuid.UUID] = [agency, husband.id, *(p.id for p in spouses)]
    for i, spouse in enumerate(spouses):
        day = date(2016 + 2 * i, 1, 1) + timedelta(days=int(s.rand() * 360))
        records.append(
            _marriage(
                s,
                husband,
                spouse,
                s.ncb,
                day,
                statuses[i],
                intermediary=agency if i else None,
                witnesses=[],
            )
        )
    s.cases.append(
        ("Serial marriages to foreign nationals", records, False, [Cat.BOGUS_MARRIAGE], s.ncb)
    )
    cycle = (
        MarriageStatus.SUSPECTED_BOGUS,
        MarriageStatus.CONFIRMED_BOGUS,
        MarriageStatus.SUSPECTED_ILLEGAL,
        MarriageStatus.CONFIRMED_ILLEGAL,
    )
    for g in groups:
        if g.form != ExploitationForm.FORCED_MARRIAGE:
            continue
        grooms = [p for p in g.suspects if p.link_role == LinkRole.MEMBER][-4:]
        brides = [v for v in g.victims if not v.identity.is_child()]
        for i, (bride, groom) in enumerate(zip(brides, grooms, strict=False)):
            status = cycle[i % len(cycle)]
            note = (
                "Spouse already married in another country (suspected bigamy)."
                if status in (MarriageStatus.SUSPECTED_ILLEGAL, MarriageStatus.CONFIRMED_ILLEGAL)
                else None
            )
            g.records.append(
                _marriage(
                    s,
                    bride,
                    groom,
                    g.unit,
                    s.day(),
                    status,
                    intermediary=g.helper,
                    witnesses=[p.id for p in g.others[:2]],
                    notes=note,
                )
            )


def _crossing(
    s: CountryScenario,
    p: _Person,
    unit: str,
    *,
    outcome: codes.CrossingOutcome,
    direction: codes.CrossingDirection = codes.CrossingDirection.ENTRY,
    document: uuid.UUID | None = None,
    number: str | None = None,
    notes: str | None = None,
) -> uuid.UUID:
    first = max(EVENTS_FROM, p.identity.birth_date + timedelta(days=1))
    return s.emit(
        model.BorderCrossing(
            person=p.id,
            date=s.day(first).isoformat(),
            crossing_point=s.choice(profile(s.cc).crossing_points),
            country=s.cc,
            direction=direction,
            outcome=outcome,
            document=document,
            document_number=number,
            notes=notes,
        ),
        unit,
        f"{unit}-X{len(s.records):06d}" if s.rand() < 0.5 else None,
    )


def crossings(s: CountryScenario, groups: list[_Group], hubs: Hubs) -> None:
    illegal = codes.CrossingOutcome.ILLEGAL_ENTRY
    for p in hubs.residents:
        _crossing(
            s,
            p,
            s.border,
            outcome=illegal,
            notes="Entered without inspection; later registered at a shared address.",
        )
    residents = set(hubs.residents)
    for g in groups:
        for v in g.victims:
            if v.identity.nationality == s.cc or v in residents or s.rand() < 0.4:
                continue
            u = s.rand()
            doc = s.documents_of.get(v)
            outcome = (
                codes.CrossingOutcome.LAWFUL
                if u < 0.6
                else codes.CrossingOutcome.ATTEMPTED
                if u < 0.7
                else illegal
            )
            lawful = outcome == codes.CrossingOutcome.LAWFUL
            g.records.append(
                _crossing(
                    s,
                    v,
                    s.border,
                    outcome=outcome,
                    document=doc if lawful else None,
                    number=v.identity.documents[0] if lawful else None,
                )
            )
        for p in g.suspects:
            if p.link_role != LinkRole.TRANSPORTER:
                continue
            for k in range(2 + int(s.rand() * 2)):
                direction = (codes.CrossingDirection.ENTRY, codes.CrossingDirection.EXIT)[k % 2]
                _crossing(
                    s,
                    p,
                    s.border,
                    outcome=codes.CrossingOutcome.LAWFUL,
                    direction=direction,
                    document=s.documents_of.get(p),
                    number=p.identity.documents[0],
                )
    user = hubs.doc_users[-1]
    _crossing(
        s,
        user,
        s.border,
        outcome=codes.CrossingOutcome.LAWFUL,
        document=hubs.doc_ids[-1],
        number=hubs.doc_number,
        notes="Number later found on documents of other holders.",
    )
    s.cases.append(
        (
            "Illegal entries registered at one address",
            [p.id for p in hubs.residents],
            False,
            [Cat.ILLEGAL_ENTRY],
            s.border,
        )
    )


def incidents(s: CountryScenario, groups: list[_Group]) -> None:
    for g in groups:
        parts = 1 if len(g.victims) < 12 else 2
        active = (LinkRole.EXPLOITER, LinkRole.RECRUITER, LinkRole.FINANCIER)
        exploiters = [p for p in g.suspects if p.link_role in active]
        for k in range(parts):
            victims = g.victims[k::parts]
            start = s.day(date(2020, 1, 1), date(2024, 12, 31))
            end = start + timedelta(days=30 + int(s.rand() * 500))
            ongoing = s.rand() < 0.3 or end > REFERENCE_DATE
            place = facts.city(s.cc, s.rand).latin[0]
            forms = [g.form]
            if g.form == ExploitationForm.DOMESTIC_SERVITUDE and s.rand() < 0.5:
                forms.append(ExploitationForm.FORCED_LABOUR)
            g.records.append(
                s.emit(
                    model.ExploitationIncident(
                        victims=[v.id for v in victims],
                        suspects=[p.id for p in (exploiters or g.suspects[:1])],
                        organizations=[g.org, g.helper],
                        place=place,
                        country=s.cc,
                        start=start.isoformat()[:7] if s.rand() < 0.3 else start.isoformat(),
                        end=None if ongoing else end.isoformat(),
                        forms=forms,
                        categories=facts_categories(g),
                        description=_DESCRIPTIONS[g.form].format(city=place),
                    ),
                    g.unit,
                )
            )


def cases(s: CountryScenario, groups: list[_Group]) -> None:
    files = [
        (
            f"Operation {_CODEWORDS[(s.index * 7 + i) % len(_CODEWORDS)]}",
            [*g.records, *(p.id for p in g.members)],
            g.child_involved,
            facts_categories(g),
            g.unit,
        )
        for i, g in enumerate(groups)
    ]
    for n, (title, records, child, categories, unit) in enumerate([*files, *s.cases], 1):
        year = 2020 + int(s.rand() * 6)
        u = s.rand()
        status = (
            codes.CaseStatus.OPEN
            if u < 0.3
            else codes.CaseStatus.UNDER_INVESTIGATION
            if u < 0.75
            else codes.CaseStatus.SUSPENDED
            if u < 0.85
            else codes.CaseStatus.CLOSED
        )
        priority = (
            codes.CasePriority.URGENT
            if child
            else (
                codes.CasePriority.HIGH
                if u < 0.4
                else codes.CasePriority.NORMAL
                if u < 0.9
                else codes.CasePriority.LOW
            )
        )
        reference = f"{s.cc}-{year}-{n:04d}"
        s.emit(
            model.Case(
                reference=reference,
                title=title,
                status=status,
                priority=priority,
                child_involved=child,
                categories=categories,
                records=list(dict.fromkeys(records)),
                notes="Children among the victims: safeguarding referral made." if child else None,
            ),
            unit,
            reference,
        )
