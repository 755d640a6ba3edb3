"""Builders of validated model facts and provenance for the demo world.

Kept apart from the scenario so the scenario reads as a story (who recruits whom) and this
module as the mapping onto the declared model.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from interlink.domain import codes, model
from interlink.domain.provenance import ProvenanceIn
from interlink.synthetic.names import Name
from interlink.synthetic.people import PersonIdentity
from interlink.synthetic.places import Address, Rand, profile
from interlink.synthetic.variants import one_edit

_RELIABILITY = (
    (0.25, codes.Reliability.A),
    (0.65, codes.Reliability.B),
    (0.8, codes.Reliability.C),
    (1.0, codes.Reliability.X),
)
_ASSESSMENT = (
    (0.15, codes.Assessment.TRUE),
    (0.5, codes.Assessment.KNOWN_TO_SOURCE),
    (0.8, codes.Assessment.CORROBORATED),
    (1.0, codes.Assessment.CANNOT_BE_JUDGED),
)
_HANDLING = (
    (0.5, codes.HandlingCode.H0),
    (0.7, codes.HandlingCode.H1),
    (0.9, codes.HandlingCode.H2),
    (1.0, codes.HandlingCode.H3),
)
_H3_TEXTS = (
    "Not to be shared with the country of origin without the owner's written consent.",
    "For the joint investigation team only; no disclosure to non-police agencies.",
    "Victim protection: do not disclose the victim's whereabouts outside the case team.",
    "Informant-derived: not for use in court without consulting the owner.",
    "Hit/no-hit only until the coordinated action day; details on request.",
)
SOURCES = {
    "person": (
        "Interview with victim",
        "Surveillance report",
        "Informant",
        "Telephone interception summary",
        "Financial intelligence unit",
        "Open-source research",
        "Liaison officer report",
        "NGO referral",
        "Labour inspectorate",
    ),
    "crossing": ("Border police report", "Entry/exit system", "Airline passenger data"),
    "marriage": ("Civil registry office", "Migration office report"),
    "document": (
        "Document examination",
        "Border police report",
        "Register of lost and stolen documents",
    ),
}
MARKS = (
    "Tattoo of a scorpion on the left forearm",
    "Scar above the right eyebrow",
    "Gold crown on an upper front tooth",
    "Tattoo of a star on the neck",
    "Missing tip of the left little finger",
    "Birthmark on the right cheek",
    "Tattoo of a rose on the right hand",
    "Burn scar on the left wrist",
)


E = TypeVar("E", bound=StrEnum)


def pick(rand: Rand, items: tuple[tuple[float, E], ...]) -> E:
    """The value whose cumulative share first exceeds a uniform draw."""
    u = rand()
    return next(value for limit, value in items if u < limit)


def provenance(rand: Rand, kind: str, *, start: date, end: date) -> ProvenanceIn:
    """Varied 4x4 evaluation, handling codes (H3 with its restrictions) and review dates."""
    handling = pick(rand, _HANDLING)
    sources = SOURCES.get(kind, SOURCES["person"])
    review = start + timedelta(days=int(rand() * (end - start).days)) if rand() < 0.3 else None
    return ProvenanceIn(
        reliability=pick(rand, _RELIABILITY),
        assessment=pick(rand, _ASSESSMENT),
        handling_code=handling,
        handling_text=_H3_TEXTS[int(rand() * len(_H3_TEXTS))]
        if handling == codes.HandlingCode.H3
        else None,
        source=sources[int(rand() * len(sources))] if rand() < 0.8 else None,
        review_date=review,
    )


def _form(name: Name, k: int, plain: bool) -> str:
    forms = name.folded if plain else name.latin
    return forms[k % len(forms)]


def person_names(p: PersonIdentity, rand: Rand, *, variant: int) -> list[model.PersonName]:
    """The person's names: native script, as in the passport, other spellings, aliases.

    ``variant`` > 0 writes the person as another country's officer would (other
    transliteration, maybe a typo), for the same person recorded in several countries.
    """
    names = p.names
    out: list[model.PersonName] = []
    middle = p.middle
    native_differs = names.script != "Latn" or p.given.native != p.given.folded[0]
    if native_differs and (variant == 0 or rand() < 0.5):
        out.append(
            model.PersonName(
                full=p.native_name,
                given=p.given.native,
                middle=middle.native if middle else None,
                family=p.family.native,
                kind=codes.NameKind.BIRTH,
            )
        )
    k = variant
    given, family = _form(p.given, k, plain=True), _form(p.family, k, plain=True)
    if variant and rand() < 0.4:
        family = one_edit(family, rand)
    out.append(
        model.PersonName(
            full=f"{family.upper()} {given.upper()}",
            given=given,
            family=family,
            kind=codes.NameKind.AS_IN_DOCUMENT if variant == 0 else codes.NameKind.OTHER,
        )
    )
    if len(p.given.latin) > 1 and rand() < 0.5:
        other_given = _form(p.given, k + 1, plain=False)
        other_family = _form(p.family, k + 1, plain=False)
        out.append(
            model.PersonName(given=other_given, family=other_family, kind=codes.NameKind.OTHER)
        )
    for alias_given, alias_family in p.aliases:
        out.append(
            model.PersonName(
                given=alias_given.latin[0], family=alias_family.latin[0], kind=codes.NameKind.ALIAS
            )
        )
    return out


def birth_text(p: PersonIdentity, rand: Rand, *, exact: bool) -> str:
    day = p.birth_date
    u = 0.0 if exact else rand()
    if u < 0.8:
        return day.isoformat()
    return f"{day.year:04d}-{day.month:02d}" if u < 0.9 else f"{day.year:04d}"


def address_facts(address: Address) -> model.Address:
    return model.Address(
        full=address.full,
        street=address.street,
        city=address.city,
        postal_code=address.postal_code or None,
        country=address.country,
    )


def document_facts(
    p: PersonIdentity,
    rand: Rand,
    *,
    number: str,
    issuing_country: str | None = None,
    kind: codes.DocumentKind = codes.DocumentKind.PASSPORT,
    status: codes.DocumentStatus = codes.DocumentStatus.GENUINE,
    holder: tuple[str, str] | None = None,
    notes: str | None = None,
    latest: date,
) -> model.Document:
    """A document as printed: holder names in capitals without diacritics."""
    given, family = holder or (p.given.folded[0], p.family.folded[0])
    first = max(date(2014, 1, 1), p.birth_date + timedelta(days=30))
    issued = first + timedelta(days=int(rand() * max(1, (latest - first).days)))
    years = 1 if kind == codes.DocumentKind.VISA else (5 if p.is_child() else 10)
    return model.Document(
        document_kind=kind,
        issuing_country=issuing_country or p.nationality,
        number=number,
        holder_family_name=family.upper(),
        holder_given_names=given.upper(),
        holder_birth_date=p.birth_date.isoformat(),
        holder_nationality=p.nationality,
        holder_gender=p.gender,
        issue_date=issued,
        expiry_date=issued.replace(year=issued.year + years, day=min(issued.day, 28)),
        status=status,
        notes=notes,
    )


def registration_number(rand: Rand, country: str) -> str:
    digits = 8 + int(rand() * 3)
    scale = 10**digits
    return f"{country}{str(int(rand() * scale) + scale)[1:]}"


def city(country: str, rand: Rand) -> Name:
    cities = profile(country).cities
    return cities[int(rand() * len(cities))]
