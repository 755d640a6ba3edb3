"""True identities and the imperfect records police databases hold about them.

Why both: entity resolution is judged by how well it finds the rows that describe the same
true person. ``PersonIdentity`` is that truth; ``labelled_person_rows`` yields import rows
about identities, each written the way real records are (other script, swapped order,
typos, partial dates, OCR-confused document numbers...) with the identity it describes.
Everything is drawn from ``random.Random(seed)``: the same seed gives the same rows.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import accumulate

from interlink.domain.codes import ActivityCategory, Gender, PersonRole
from interlink.synthetic.names import COUNTRIES, CountryNames, Name, country_names
from interlink.synthetic.places import Address, CountryProfile, PhoneNumber, Rand, profile
from interlink.synthetic.variants import date_variant, ocr_confuse, one_edit, spaced

REFERENCE_DATE = date(2025, 6, 30)
"""Generated dates never pass this day, so the output does not depend on the clock."""

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "gender",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "document_number",
    "phone",
    "email",
    "address",
    "role",
    "category",
)

_ROLES: tuple[tuple[float, PersonRole], ...] = (
    (0.45, PersonRole.SUSPECT),
    (0.50, PersonRole.CONVICTED),
    (0.70, PersonRole.VICTIM),
    (0.80, PersonRole.POSSIBLE_VICTIM),
    (0.88, PersonRole.WITNESS),
    (1.0, PersonRole.CONTACT),
)
_CATEGORIES = tuple(ActivityCategory)
_VICTIMS = frozenset({PersonRole.VICTIM, PersonRole.POSSIBLE_VICTIM})
_SUSPECTS = frozenset({PersonRole.SUSPECT, PersonRole.CONVICTED})
_FEMALE, _MALE = Gender.FEMALE, Gender.MALE
_SUSPECT = PersonRole.SUSPECT  # an empty role imports as suspect, so only suspects omit it
_ADULT_YEARS = (1950, 2004)
_CHILD_YEARS = (2010, 2014)

# Name frequencies fall with rank like real ones (Zipf-Mandelbrot): the name at position
# ``rank`` of its list (common names first) weighs 1 / (rank + ZIPF_K) ** ZIPF_S. A small
# ZIPF_K piles people onto the first few names; this one gives the first name 2.6 times
# the share of the 20th and 11 times that of the 120th (k=2 would make it 60 times).
ZIPF_S = 1.0
ZIPF_K = 12.0


def _cumulative(n: int) -> tuple[float, ...]:
    """Cumulative Zipf weights of ``n`` ranked names, normalised so the last is 1.0."""
    if not n:
        return ()
    sums = list(accumulate(1.0 / (rank + ZIPF_K) ** ZIPF_S for rank in range(n)))
    total = sums[-1]
    cum = [s / total for s in sums]
    cum[-1] = 1.0
    return tuple(cum)


@dataclass(frozen=True, slots=True)
class _Pool:
    """A ranked name list and its cumulative weights: ``pick(u)`` maps u in [0, 1) to a name."""

    names: tuple[Name, ...]
    cum: tuple[float, ...]

    @classmethod
    def of(cls, names: tuple[Name, ...]) -> _Pool:
        return cls(names, _cumulative(len(names)))

    def pick(self, u: float) -> Name:
        return self.names[bisect(self.cum, u)]


@dataclass(frozen=True, slots=True)
class _Pools:
    male: _Pool
    female: _Pool
    family: _Pool
    family_female: _Pool
    middle_male: _Pool
    middle_female: _Pool


@cache
def _pools(country: str) -> _Pools:
    names = country_names(country)
    return _Pools(
        _Pool.of(names.male),
        _Pool.of(names.female),
        _Pool.of(names.family),
        _Pool.of(names.family_female),
        _Pool.of(names.middle_male),
        _Pool.of(names.middle_female),
    )


@dataclass(slots=True, eq=False)
class PersonIdentity:
    """One true person: what every record about them is an imperfect copy of."""

    id: str
    gender: Gender
    birth_date: date
    country: str  # where the name comes from and the person was born (ISO alpha-2)
    nationality: str
    given: Name
    middle: Name | None
    family: Name
    birth_place: Name
    documents: tuple[str, ...]
    phones: tuple[PhoneNumber, ...]
    emails: tuple[str, ...]
    address: Address
    role: PersonRole
    category: ActivityCategory | None
    aliases: tuple[tuple[Name, Name], ...] = ()  # (given, family) used under false names

    @property
    def names(self) -> CountryNames:
        return country_names(self.country)

    @property
    def native_name(self) -> str:
        middle = self.middle.native if self.middle else ""
        return self.names.native_full(self.given.native, middle, self.family.native)

    @property
    def latin_names(self) -> tuple[str, ...]:
        """The full name in each Latin form, given name first."""
        count = max(len(self.given.latin), len(self.family.latin))
        forms = (
            " ".join(p.latin[i % len(p.latin)] for p in (self.given, self.middle, self.family) if p)
            for i in range(count)
        )
        return tuple(dict.fromkeys(forms))

    def is_child(self, on: date = REFERENCE_DATE) -> bool:
        born = self.birth_date
        return (on.year - born.year - ((on.month, on.day) < (born.month, born.day))) < 18


def _compound(first: Name, second: Name) -> Name:
    """Two family names (Spanish usage): García López, García-López or García alone."""
    a, b = first.latin[0], second.latin[0]
    fa, fb = first.folded[0], second.folded[0]
    return Name(
        f"{first.native} {second.native}",
        (f"{a} {b}", f"{a}-{b}", a),
        (f"{fa} {fb}", f"{fa}-{fb}", fa),
        first.token,
    )


class IdentityFactory:
    """Draws true identities; ``new`` takes constraints when a scenario needs them."""

    def __init__(self, rng: random.Random, countries: Sequence[str] | None = None) -> None:
        chosen = tuple(countries) if countries else COUNTRIES
        unknown = [c for c in chosen if c not in COUNTRIES]
        if unknown:
            raise ValueError(f"no name material for {', '.join(unknown)}; use {COUNTRIES}")
        self._rand: Rand = rng.random
        self._countries = chosen
        self._count = 0
        self._addresses: set[str] = set()  # e-mail addresses given out: a mailbox has one owner
        self._kits: dict[str, tuple[CountryNames, CountryProfile, _Pools]] = {}
        # A few days many people share (and 1 January, the default for unknown days).
        start = date(1970, 1, 1).toordinal()
        self._hot_days = tuple(
            date.fromordinal(start + int(rng.random() * 12_000)) for _ in range(24)
        )

    def _birth(self, years: tuple[int, int]) -> date:
        r = self._rand
        u = r()
        if u < 0.05 and years == _ADULT_YEARS:
            return self._hot_days[int(r() * len(self._hot_days))]
        year = years[0] + int(r() * (years[1] - years[0] + 1))
        if u < 0.11:
            return date(year, 1, 1)
        return date.fromordinal(date(year, 1, 1).toordinal() + int(r() * 365))

    def _middle(self, names: CountryNames, pools: _Pools, female: bool, given: Name) -> Name | None:
        r = self._rand
        style = names.middle_style
        if style == "none" or r() >= names.middle_rate:
            return None
        if style == "list":
            pool = pools.middle_female if female else pools.middle_male
        elif style == "family":
            pool = pools.family_female if female else pools.family
        elif style == "father":
            pool = pools.male
        else:
            pool = pools.female if female else pools.male
        middle = pool.pick(r())
        return None if middle is given else middle

    def name(self, country: str, female: bool) -> tuple[Name, Name]:
        """A (given, family) pair from ``country``, for aliases and spouses' names."""
        pools = _pools(country)
        r = self._rand
        given = (pools.female if female else pools.male).pick(r())
        return given, (pools.family_female if female else pools.family).pick(r())

    def new(
        self,
        *,
        country: str | None = None,
        gender: Gender | None = None,
        role: PersonRole | None = None,
        child: bool | None = None,
        born: tuple[int, int] | None = None,
    ) -> PersonIdentity:
        r = self._rand
        cc = country or self._countries[int(r() * len(self._countries))]
        kit = self._kits.get(cc)
        if kit is None:
            kit = self._kits[cc] = (country_names(cc), profile(cc), _pools(cc))
        names, place, pools = kit
        if role is None:
            u = r()
            role = next(v for limit, v in _ROLES if u < limit)
        victim = role in _VICTIMS
        if gender is None:
            gender = _FEMALE if r() < (0.75 if victim else 0.3) else _MALE
        female = gender is _FEMALE
        if female:
            given, family = pools.female.pick(r()), pools.family_female.pick(r())
        else:
            given, family = pools.male.pick(r()), pools.family.pick(r())
        if names.double_family:  # the mother's family name second, never the same one
            second = pools.family.pick(r())
            family = _compound(family, second if second is not family else names.family[0])
        if child is None:
            child = victim and r() < 0.2
        birth = self._birth(born or (_CHILD_YEARS if child else _ADULT_YEARS))
        u = r()
        documents = (place.document(r),) if u < 0.85 else (place.document(r), place.document(r))
        u = r()
        phones = (
            () if u < 0.1 else (place.phone(r),) if u < 0.75 else (place.phone(r), place.phone(r))
        )
        self._count += 1
        return PersonIdentity(
            f"T{self._count:07d}",
            gender,
            birth,
            cc,
            cc,
            given,
            self._middle(names, pools, female, given) if names.middle_rate else None,
            family,
            place.cities[int(r() * len(place.cities))],
            documents,
            phones,
            self._emails(place, given, family, birth),
            place.address(r),
            role,
            _CATEGORIES[int(r() * len(_CATEGORIES))] if r() < 0.7 else None,
            self._aliases(cc, female, role),
        )

    def _emails(
        self, place: CountryProfile, given: Name, family: Name, birth: date
    ) -> tuple[str, ...]:
        r = self._rand
        if r() < 0.3:
            return ()
        g, f = given.token, family.token
        u = r()
        if u < 0.3:
            local = f"{g}.{f}"
        elif u < 0.55:
            local = f"{g}{f}{birth.year % 100:02d}"
        elif u < 0.7:
            local = f"{g[0]}{f}"
        elif u < 0.85:
            local = f"{f}.{g}{int(r() * 99) + 1}"
        else:
            local = f"{g}_{f}{int(r() * 999) + 1}"
        domains = place.email_domains
        address = f"{local}@{domains[int(r() * len(domains))]}"
        while address in self._addresses:  # taken: people add digits, as providers ask
            name, domain = address.split("@")
            address = f"{name}{int(r() * 90) + 10}@{domain}"
        self._addresses.add(address)
        return (address,)

    def _aliases(
        self, country: str, female: bool, role: PersonRole
    ) -> tuple[tuple[Name, Name], ...]:
        r = self._rand
        if r() >= (0.3 if role in _SUSPECTS else 0.05):
            return ()
        other = self._countries[int(r() * len(self._countries))] if r() < 0.4 else country
        return (self.name(other, female),)


class RowWriter:
    """Writes one import row about an identity, with the variations real records have."""

    def __init__(self, rng: random.Random, *, phone_region: str | None = None) -> None:
        self._rand: Rand = rng.random
        self._phone_region = phone_region
        self._nationality: dict[str, tuple[str, ...]] = {}

    def _nationality_text(self, country: str) -> str:
        forms = self._nationality.get(country)
        if forms is None:
            place = profile(country)
            forms = (country, country, place.alpha3, place.name, place.name.upper())
            self._nationality[country] = forms
        r = self._rand()
        return "" if r < 0.12 else forms[int(r * 5) % 5]

    def row(self, p: PersonIdentity, row_id: str) -> dict[str, str]:
        r = self._rand
        names = p.names
        given, middle, family = p.given, p.middle, p.family
        if p.aliases and r() < 0.15:
            given, family = p.aliases[int(r() * len(p.aliases))]
            middle = None
        native = names.script != "Latn" and r() < 0.35
        if native:
            g, f = given.native, family.native
            m = middle.native if middle else ""
        else:
            k = 0 if r() < 0.55 else int(r() * 6)
            plain = r() < 0.2
            g = (given.folded if plain else given.latin)[k % len(given.latin)]
            f = (family.folded if plain else family.latin)[k % len(family.latin)]
            m = (middle.folded if plain else middle.latin)[0] if middle else ""
            if m and r() < 0.35:
                m = ""
        if r() < 0.07:
            if r() < 0.5:
                g = one_edit(g, r)
            else:
                f = one_edit(f, r)
        if native:
            full = self._native_full(names, g, m, f)
        else:
            full, upper = self._latin_full(names, g, m, f)
            if upper and r() < 0.6:
                g, m, f = g.upper(), m.upper(), f.upper()
        u = r()
        if u < 0.2:
            full = ""
        elif u < 0.45:
            g = m = f = ""
        return {
            "id": row_id,
            "full_name": full,
            "first_name": g,
            "middle_name": m,
            "last_name": f,
            "gender": self._gender(p),
            "date_of_birth": date_variant(p.birth_date, r, latest=REFERENCE_DATE),
            "place_of_birth": self._place(p.birth_place),
            "nationality": self._nationality_text(p.nationality),
            "document_number": self._document(p.documents),
            "phone": self._phone(p.phones),
            "email": p.emails[0] if p.emails and r() < 0.6 else "",
            "address": self._address(p.address),
            "role": "" if p.role is _SUSPECT and r() < 0.2 else p.role.value,
            "category": p.category.value if p.category and r() < 0.6 else "",
        }

    def _native_full(self, names: CountryNames, g: str, m: str, f: str) -> str:
        if names.joined or self._rand() < 0.7:
            return names.native_full(g, m, f)
        return " ".join(x for x in (f, g, m) if x)  # official order: family name first

    def _latin_full(self, names: CountryNames, g: str, m: str, f: str) -> tuple[str, bool]:
        s = self._rand()
        given = f"{g} {m}" if m else g
        if s < 0.35:
            return (f"{f} {given}" if names.family_first else f"{given} {f}"), False
        if s < 0.55:
            return f"{f} {given}", False  # swapped: "Petrenko Oleg"
        if s < 0.7:
            return f"{f.upper()}, {given}", False  # "PETRENKO, Oleg"
        if s < 0.82:
            return f"{f.upper()} {given}", False  # "PETRENKO Oleg"
        if s < 0.95:
            return f"{given} {f}".upper(), True  # "OLEG PETRENKO"
        return f"{g} {f}", False

    def _gender(self, p: PersonIdentity) -> str:
        u = self._rand()
        if u < 0.8:
            return p.gender.value
        return "unknown" if u < 0.85 else ""

    def _place(self, city: Name) -> str:
        u = self._rand()
        if u < 0.45:
            return ""
        if u < 0.6:
            return city.native
        return city.latin[int(u * 10) % len(city.latin)]

    def _document(self, documents: tuple[str, ...]) -> str:
        r = self._rand
        u = r()
        if u < 0.25:
            return ""
        number = documents[0] if len(documents) == 1 or u < 0.8 else documents[1]
        v = r()
        if v < 0.08:
            return ocr_confuse(number, r)
        if v < 0.12:
            return spaced(number, r)
        if v < 0.14:
            return number.lower()
        return number

    def _phone(self, phones: tuple[PhoneNumber, ...]) -> str:
        r = self._rand
        if not phones or r() < 0.35:
            return ""
        phone = phones[0] if len(phones) == 1 or r() < 0.7 else phones[1]
        v = r()
        if v < 0.55:
            return phone.e164
        if v < 0.85 or phone.country != self._phone_region:
            return phone.international
        return phone.national

    def _address(self, address: Address) -> str:
        u = self._rand()
        if u < 0.6:
            return ""
        return address.full.upper() if u < 0.64 else address.full


def labelled_person_rows(
    n: int,
    *,
    seed: int = 0,
    countries: Sequence[str] | None = None,
    duplicate_rate: float = 0.3,
    phone_region: str | None = None,
) -> Iterator[tuple[dict[str, str], str]]:
    """``n`` import rows, each with the id of the true identity it describes.

    A share ``duplicate_rate`` of rows describe an identity already written before.
    Phones of ``phone_region`` (default: the first of ``countries``) are sometimes written
    in national form, so import them with that region.
    """
    if not 0.0 <= duplicate_rate < 1.0:
        raise ValueError("duplicate_rate must be in [0, 1)")
    rng = random.Random(seed)
    factory = IdentityFactory(rng, countries)
    region = phone_region or (countries[0] if countries else None)
    writer = RowWriter(rng, phone_region=region)
    window = 50_000  # earlier identities a duplicate may describe (bounds memory)
    pool: list[PersonIdentity] = []
    rand = rng.random
    for i in range(n):
        if pool and rand() < duplicate_rate:
            person = pool[int(rand() * len(pool))]
        else:
            person = factory.new()
            if len(pool) < window:
                pool.append(person)
            else:
                pool[i % window] = person
        yield writer.row(person, f"R{seed}-{i + 1:07d}"), person.id


def person_rows(
    n: int,
    *,
    seed: int = 0,
    countries: Sequence[str] | None = None,
    duplicate_rate: float = 0.3,
    phone_region: str | None = None,
) -> Iterator[dict[str, str]]:
    """``n`` import rows with exactly ``CSV_COLUMNS`` (empty string when absent)."""
    for row, _ in labelled_person_rows(
        n, seed=seed, countries=countries, duplicate_rate=duplicate_rate, phone_region=phone_region
    ):
        yield row
