"""Name material per country: native script plus the Latin forms officers and passports use.

Why: the identity engine must find the same person written as Олег Петренко, OLEH PETRENKO
and Oleg Petrenko, or عبد الرحمن, Abdulrahman and Abdul Rahman. Every name here carries its
native form and its Latin forms so generated records can differ the way real ones do. All
lists are hand-written name material (common given and family names), never real persons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from anyascii import anyascii

from interlink.synthetic import _names_asia, _names_europe, _names_latin, _names_mena
from interlink.synthetic._translit import SYSTEMS, capitalize, transliterate

MiddleStyle = Literal["list", "family", "father", "given", "none"]


@dataclass(frozen=True, slots=True)
class Name:
    """One name part: as written natively, and every Latin form it is found in."""

    native: str
    latin: tuple[str, ...]  # official (passport) form first
    folded: tuple[str, ...]  # ``latin`` without diacritics, same order
    token: str  # lower-case ASCII letters, for e-mail addresses and handles


@dataclass(frozen=True, slots=True)
class CountryNames:
    """The name material of one country and how its names are put together."""

    country: str  # ISO 3166-1 alpha-2
    script: str  # ISO 15924 code of the native form
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Name, ...]  # male (or only) form
    family_female: tuple[Name, ...]  # same order as ``family``
    middle_male: tuple[Name, ...]
    middle_female: tuple[Name, ...]
    middle_style: MiddleStyle
    middle_rate: float  # share of persons with a middle name
    family_first: bool  # native order: family name first
    joined: bool  # native full name written without spaces (Han, Hangul)
    double_family: bool  # two family names (Spanish usage)

    def native_full(self, given: str, middle: str, family: str) -> str:
        sep = "" if self.joined else " "
        parts = (family, given, middle) if self.family_first else (given, middle, family)
        return sep.join(p for p in parts if p)


# country: script, transliteration ("hand" = Latin written in the data, "latin" = Latin
# script), family name first, joined native, middle style, middle rate, double family.
_META: dict[str, tuple[str, str, bool, bool, MiddleStyle, float, bool]] = {
    "UA": ("Cyrl", "uk", False, False, "list", 0.85, False),
    "RU": ("Cyrl", "ru", False, False, "list", 0.85, False),
    "BG": ("Cyrl", "bg", False, False, "family", 0.8, False),
    "GR": ("Grek", "el", False, False, "given", 0.1, False),
    "AM": ("Armn", "hy", False, False, "given", 0.05, False),
    "GE": ("Geor", "ka", False, False, "none", 0.0, False),
    "MA": ("Arab", "hand", False, False, "father", 0.4, False),
    "EG": ("Arab", "hand", False, False, "father", 0.7, False),
    "SY": ("Arab", "hand", False, False, "father", 0.5, False),
    "IQ": ("Arab", "hand", False, False, "father", 0.7, False),
    "IR": ("Arab", "hand", False, False, "none", 0.0, False),
    "IL": ("Hebr", "hand", False, False, "given", 0.05, False),
    "TH": ("Thai", "hand", False, False, "none", 0.0, False),
    "CN": ("Hani", "hand", True, True, "none", 0.0, False),
    "JP": ("Jpan", "hand", True, True, "none", 0.0, False),
    "KR": ("Hang", "hand", True, True, "none", 0.0, False),
    "IN": ("Deva", "hand", False, False, "list", 0.35, False),
    "PL": ("Latn", "latin", False, False, "given", 0.2, False),
    "CZ": ("Latn", "latin", False, False, "given", 0.1, False),
    "RO": ("Latn", "latin", False, False, "given", 0.3, False),
    "HU": ("Latn", "latin", True, False, "given", 0.2, False),
    "TR": ("Latn", "latin", False, False, "given", 0.15, False),
    "VN": ("Latn", "latin", True, False, "list", 0.9, False),
    "DE": ("Latn", "latin", False, False, "given", 0.25, False),
    "FR": ("Latn", "latin", False, False, "given", 0.25, False),
    "ES": ("Latn", "latin", False, False, "none", 0.0, True),
    "PT": ("Latn", "latin", False, False, "family", 0.6, False),
    "NG": ("Latn", "latin", False, False, "given", 0.4, False),
    "PH": ("Latn", "latin", False, False, "family", 0.9, False),
    "BR": ("Latn", "latin", False, False, "family", 0.5, False),
    "CO": ("Latn", "latin", False, False, "none", 0.0, True),
    "AL": ("Latn", "latin", False, False, "given", 0.05, False),
}

_RAW: dict[str, dict[str, str]] = {
    **_names_europe.DATA,
    **_names_mena.DATA,
    **_names_asia.DATA,
    **_names_latin.DATA,
}

_PARTICLE = re.compile(
    r"^(al-|el-|al |el |van der |van den |van |von |de la |de los |del |dela |de |da |dos |do |"
    r"le |la |ben |bin |abu )(.+)$",
    re.IGNORECASE,
)
_ICAO_DE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
_CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"})
_HU_PLAIN = str.maketrans({"ő": "ö", "ű": "ü", "Ő": "Ö", "Ű": "Ü"})


def _local_forms(country: str, text: str) -> list[str]:
    """Writings a Latin-script name takes in its own country (ICAO umlauts, cedillas...)."""
    extra = {
        "DE": text.translate(_ICAO_DE),
        "RO": text.translate(_CEDILLA),
        "HU": text.translate(_HU_PLAIN),
    }.get(country)
    return [extra] if extra else []


def _particle_forms(text: str) -> list[str]:
    """``al-Hassan`` -> Al-Hassan, Alhassan, Hassan; ``van der Linden`` -> Van der Linden..."""
    match = _PARTICLE.match(text)
    if not match:
        return []
    particle, rest = match.groups()
    bare = particle.strip(" -")
    joined = bare.replace(" ", "")
    return [
        capitalize(particle[:1]) + particle[1:] + rest,
        joined.capitalize() + rest.lower(),
        rest,
    ]


def _separator_forms(text: str, *, join: bool) -> list[str]:
    """``Min-jun`` -> Min Jun (and Minjun); ``Abdul Rahman`` -> Abdulrahman."""
    if _PARTICLE.match(text):
        return []
    forms: list[str] = []
    if "-" in text:
        forms.append(capitalize(text.replace("-", " ")))
    if join and ("-" in text or " " in text):
        forms.append("".join(re.split(r"[ -]", text)).capitalize())
    return forms


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _make(country: str, system: str, native: str, extras: list[str]) -> Name:
    if system == "hand":
        if not extras:
            raise ValueError(f"{country}: '{native}' needs its Latin forms after '='")
        base = list(extras)
    elif system == "latin":
        base = [native, *extras, *_local_forms(country, native)]
    else:
        base = [*transliterate(native, system), *extras]
    forms = list(base)
    for form in base:
        forms += _particle_forms(form)
        forms += _separator_forms(form, join=system == "hand")
    latin = _unique(forms)
    folded = tuple(anyascii(f) for f in latin)
    token = re.sub(r"[^a-z0-9]", "", folded[0].lower()) or "x"
    return Name(native, latin, folded, token)


def _parse(country: str, system: str, spec: str) -> tuple[list[Name], list[Name]]:
    """Entries ``native[:female][=Latin/Latin[:Latin/Latin]]``, blank-separated; ``_`` = space."""
    male: list[Name] = []
    female: list[Name] = []
    for entry in spec.split():
        natives, _, latin = entry.replace("_", " ").partition("=")
        latin_m, _, latin_f = latin.partition(":")
        extras = [x for x in latin_m.split("/") if x]
        extras_f = [x for x in latin_f.split("/") if x] or extras
        first, _, second = natives.partition(":")
        male.append(_make(country, system, first, extras))
        female.append(_make(country, system, second, extras_f) if second else male[-1])
    return male, female


@cache
def country_names(country: str) -> CountryNames:
    """The name material of ``country`` (ISO alpha-2), built once."""
    script, system, family_first, joined, style, rate, double = _META[country]
    raw = _RAW[country]
    male, _ = _parse(country, system, raw["male"])
    female, _ = _parse(country, system, raw["female"])
    family, family_female = _parse(country, system, raw["family"])
    middle_male, middle_female = _parse(country, system, raw.get("middle", ""))
    return CountryNames(
        country,
        script,
        tuple(male),
        tuple(female),
        tuple(family),
        tuple(family_female),
        tuple(middle_male),
        tuple(middle_female),
        style,
        rate,
        family_first,
        joined,
        double,
    )


COUNTRIES: tuple[str, ...] = tuple(_META)
SCRIPTS: dict[str, str] = {cc: meta[0] for cc, meta in _META.items()}
TRANSLITERATED = frozenset(SYSTEMS)


def parse_entries(country: str, spec: str, *, latin: bool) -> tuple[Name, ...]:
    """Other lists in the name format (places): Latin forms by hand unless Latin script."""
    names, _ = _parse(country, "latin" if latin else "hand", spec)
    return tuple(names)
