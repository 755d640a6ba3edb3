"""ICAO Doc 9303 codes of states, organizations and nationalities, and their ISO alpha-2.

An MRZ writes issuing states and nationalities as ICAO three-letter codes: ISO 3166-1
alpha-3 for states, with the exceptions of Doc 9303 Part 3 (Germany is ``D``, British
nationals have five codes, organizations and stateless persons have codes of their own).
Storage keeps ISO alpha-2 (DESIGN.md); the codes that have no alpha-2 (an organization, a
refugee, the specimen state Utopia) stay as the ICAO code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycountry

from interlink.domain.values import parse_country


@dataclass(frozen=True)
class IcaoCode:
    code: str  # as written in an MRZ, without filler: "D", "UTO", "XXA"
    name: str
    alpha2: str | None  # ISO 3166-1 alpha-2 where the code stands for a country
    issuer: bool  # may issue travel documents (nationality-only codes may not)


def _special(code: str, name: str, alpha2: str | None = None, issuer: bool = True) -> IcaoCode:
    return IcaoCode(code, name, alpha2, issuer)


# Doc 9303 Part 3, "Codes for nationality, place of birth, location of issuing State/authority".
SPECIAL_CODES: dict[str, IcaoCode] = {
    c.code: c
    for c in (
        _special("D", "Germany", "DE"),
        _special("GBD", "British Overseas Territories Citizen", "GB"),
        _special("GBN", "British National (Overseas)", "GB"),
        _special("GBO", "British Overseas Citizen", "GB"),
        _special("GBP", "British Protected Person", "GB"),
        _special("GBS", "British Subject", "GB"),
        _special("RKS", "Kosovo (code used on its documents)", "XK"),
        _special("UNK", "Resident of Kosovo, document issued by UNMIK", None),
        _special("EUE", "European Union", None),
        _special("UNO", "United Nations Organization", None),
        _special("UNA", "Specialized agency of the United Nations", None),
        _special("XBA", "African Development Bank", None),
        _special("XIM", "African Export-Import Bank", None),
        _special("XCC", "Caribbean Community", None),
        _special("XCE", "Council of Europe", None),
        _special("XCO", "Common Market for Eastern and Southern Africa", None),
        _special("XEC", "Economic Community of West African States", None),
        _special("XES", "Organisation of Eastern Caribbean States", None),
        _special("XMP", "Parliamentary Assembly of the Mediterranean", None),
        _special("XOM", "Sovereign Military Order of Malta", None),
        _special("XDC", "Southern African Development Community", None),
        _special("XPO", "International Criminal Police Organization (INTERPOL)", None),
        _special("UTO", "Utopia (specimen documents of Doc 9303)", None),
        _special("XXA", "Stateless person (1954 Convention)", None, issuer=False),
        _special("XXB", "Refugee (1951 Convention)", None, issuer=False),
        _special("XXC", "Refugee (other than the 1951 Convention)", None, issuer=False),
        _special("XXX", "Person of unspecified nationality", None, issuer=False),
    )
}
# ISO alpha-3 codes that an MRZ never carries because Doc 9303 assigns another one.
_REPLACED_ALPHA3 = {"DEU": "D"}
_ICAO_FOR_ALPHA2 = {"DE": "D", "XK": "RKS"}


@lru_cache(maxsize=1024)
def icao_code(code: str) -> IcaoCode | None:
    """The code as read from an MRZ (fillers removed), or None when Doc 9303 knows no such code."""
    if code in SPECIAL_CODES:
        return SPECIAL_CODES[code]
    if len(code) != 3 or code in _REPLACED_ALPHA3:
        return None
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return IcaoCode(code, str(country.name), str(country.alpha_2), True)


def alpha2(code: str) -> str | None:
    """ISO alpha-2 for an ICAO code where one exists (``D`` → ``DE``, ``UTO`` → None)."""
    found = icao_code(code)
    return found.alpha2 if found else None


@lru_cache(maxsize=1024)
def to_icao(text: str) -> str:
    """The ICAO code for what a person types: an ICAO code, ISO alpha-2 or -3, or a name.

    Raises ValueError saying why when the text names no state or organization.
    """
    upper = text.strip().upper()
    if upper in SPECIAL_CODES:
        return upper
    if upper in _REPLACED_ALPHA3:
        return _REPLACED_ALPHA3[upper]
    try:
        iso = parse_country(text)
    except ValueError:
        raise ValueError(
            f"unknown state or organization '{text.strip()}': use an ICAO code (UTO, D, XXA), "
            "an ISO code (UA, UKR) or an English name"
        ) from None
    if iso in _ICAO_FOR_ALPHA2:
        return _ICAO_FOR_ALPHA2[iso]
    country = pycountry.countries.get(alpha_2=iso)
    if country is None:  # pragma: no cover - parse_country returns only known codes
        raise ValueError(f"no ICAO code for '{text.strip()}'")
    return str(country.alpha_3)


def issuer_key(text: str) -> str:
    """How the register stores an issuer: ISO alpha-2, or the ICAO code of an organization.

    Nationality-only codes (XXA, XXB, XXC, XXX) are refused: no one issues under them.
    """
    code = to_icao(text)
    found = icao_code(code)
    if found is None:  # pragma: no cover - to_icao returns known codes
        raise ValueError(f"unknown issuer '{text.strip()}'")
    if not found.issuer:
        raise ValueError(f"'{code}' is a nationality code ({found.name}), not an issuer")
    return found.alpha2 or found.code
