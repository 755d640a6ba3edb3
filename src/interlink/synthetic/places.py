"""Per-country generators for phones, document numbers and addresses, built for speed.

Why precomputed: a million import rows must be generated in seconds, so each value is
assembled from country tables with a handful of random draws, never by calling a parsing
library per row (the tables are checked against phonenumbers by the tests).
"""

from __future__ import annotations

import string
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

import pycountry

from interlink.synthetic import _places_data as data
from interlink.synthetic.names import Name, country_names, parse_entries

Rand = Callable[[], float]

_ALNUM = "CFGHJKLMNPRTVWXYZ0123456789"  # the alphabet of German passport numbers
_SLOT = {"L": string.ascii_uppercase, "9": string.digits, "X": _ALNUM}


class PhoneNumber(NamedTuple):
    """One number in the three ways people write it."""

    e164: str  # +380671234567
    international: str  # +380 67 123 4567
    national: str  # 067 123 4567 (valid only when read in the country's own region)
    country: str


class Address(NamedTuple):
    full: str
    street: str
    city: str
    postal_code: str
    country: str


class _Pattern:
    """A pattern such as ``LL9999999`` compiled to a format string: one slot per letter,
    one per run of digits (drawn at once)."""

    __slots__ = ("slots", "template")

    def __init__(self, pattern: str) -> None:
        template: list[str] = []
        slots: list[tuple[str, int]] = []
        for c in pattern.replace("_", " "):
            if c == "9" and slots and template[-1] == "{}" and not slots[-1][0]:
                slots[-1] = ("", slots[-1][1] * 10)
            elif c == "9":
                template.append("{}")
                slots.append(("", 10))
            elif c in _SLOT:
                template.append("{}")
                slots.append((_SLOT[c], len(_SLOT[c])))
            else:
                template.append(c.replace("{", "{{").replace("}", "}}"))
        self.template = "".join(template)
        self.slots = tuple(slots)  # (alphabet, its size) or ("", 10 ** digits)

    def fill(self, rand: Rand) -> str:
        return self.template.format(
            *[
                alphabet[int(rand() * size)] if alphabet else str(int(rand() * size) + size)[1:]
                for alphabet, size in self.slots
            ]
        )


class CountryProfile:
    """What a country's records look like besides names."""

    __slots__ = (
        "_address_format",
        "_documents",
        "_length",
        "_postal",
        "_prefixes",
        "alpha3",
        "calling_code",
        "cities",
        "country",
        "crossing_points",
        "email_domains",
        "legal_forms",
        "name",
        "streets",
        "trunk",
    )

    def __init__(self, country: str) -> None:
        code, trunk, prefixes, length = data.PHONES[country]
        documents, postal, address_format, legal = data.FORMATS[country]
        cities, streets, crossings = data.PLACES[country]
        record = pycountry.countries.get(alpha_2=country)
        if record is None:
            raise ValueError(f"unknown country {country}")
        self.country = country
        self.name = str(record.name)
        self.alpha3 = str(record.alpha_3)
        self.calling_code = code
        self.trunk = trunk
        self._prefixes = tuple(prefixes.split())
        self._length = length
        self._documents = tuple(_Pattern(p) for p in documents.split())
        self._postal = _Pattern(postal) if postal else None
        if not postal:  # no postal codes: drop the slot and the separator before it
            address_format = address_format.replace(", {postal}", "").replace(" {postal}", "")
        self._address_format = address_format.format(
            street="{0}", house="{1}", flat="{2}", city="{3}", postal="{4}"
        )
        self.legal_forms = tuple(legal.split("|"))
        latin_script = country_names(country).script == "Latn"
        self.cities: tuple[Name, ...] = parse_entries(country, cities, latin=latin_script)
        self.streets = tuple(streets.split("|"))
        self.crossing_points = tuple(crossings.split("|"))
        self.email_domains = (
            f"{country.lower()}.example",
            f"mail.{country.lower()}.example",
            "example.com",
            "example.net",
            "example.org",
            "inbox.example",
        )

    def phone(self, rand: Rand) -> PhoneNumber:
        prefix = self._prefixes[int(rand() * len(self._prefixes))]
        width = self._length - len(prefix)
        scale = 10**width
        rest = str(int(rand() * scale) + scale)[1:]
        cut = width - 4
        return PhoneNumber(
            f"+{self.calling_code}{prefix}{rest}",
            f"+{self.calling_code} {prefix} {rest[:cut]} {rest[cut:]}",
            f"{self.trunk}{prefix} {rest[:cut]} {rest[cut:]}",
            self.country,
        )

    def document(self, rand: Rand) -> str:
        return self._documents[int(rand() * len(self._documents))].fill(rand)

    def postal_code(self, rand: Rand) -> str:
        return self._postal.fill(rand) if self._postal else ""

    def address(self, rand: Rand, city: Name | None = None) -> Address:
        city = city or self.cities[int(rand() * len(self.cities))]
        street = self.streets[int(rand() * len(self.streets))]
        postal = self._postal.fill(rand) if self._postal else ""
        house = str(int(rand() * 140) + 1)
        name = city.latin[0]
        full = self._address_format.format(street, house, int(rand() * 90) + 1, name, postal)
        return Address(full, f"{street} {house}", name, postal, self.country)


@cache
def profile(country: str) -> CountryProfile:
    """The profile of ``country`` (ISO alpha-2), built once."""
    return CountryProfile(country)
