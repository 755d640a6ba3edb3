"""The demo world: units, users and records of several countries, all generated.

Why a whole world: the demo must show what the system is for (networks of suspects, victims
protected, patterns found, the same suspect recognised across borders), so the data holds
those stories rather than random rows. Each country's records reference only records of
the same country, so one country's share can be loaded into its national node alone.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence

from anyascii import anyascii

from interlink.domain.codes import Gender, PersonRole
from interlink.synthetic._scenario import CountryScenario, DemoRecord
from interlink.synthetic.names import COUNTRIES
from interlink.synthetic.people import IdentityFactory, PersonIdentity
from interlink.synthetic.places import profile

__all__ = ["USER_ROLES", "WORLD_COUNTRIES", "DemoRecord", "demo_units", "demo_users", "demo_world"]

WORLD_COUNTRIES: tuple[str, ...] = (
    "UA",
    "RO",
    "NG",
    "TH",
    "MA",
    "BG",
    "VN",
    "GR",
    "CN",
    "PH",
    "AM",
    "GE",
    "IN",
    "BR",
    "CO",
    "SY",
    "IQ",
    "IR",
    "EG",
    "TR",
    "AL",
    "PL",
    "CZ",
    "HU",
    "DE",
    "FR",
    "ES",
    "PT",
    "RU",
    "IL",
    "JP",
    "KR",
)
"""Countries in the order ``demo_world(countries=n)`` takes them."""

USER_ROLES: tuple[str, ...] = (
    "investigator",
    "analyst",
    "ncb_officer",
    "supervisor",
    "data_protection_officer",
    "welfare_officer",
    "administrator",
)
_UNIT_ROLES = ("investigator", "analyst", "supervisor")


def world_countries(countries: int | Sequence[str]) -> tuple[str, ...]:
    """The first ``countries`` of WORLD_COUNTRIES, or the given codes checked."""
    if isinstance(countries, int):
        if not 1 <= countries <= len(WORLD_COUNTRIES):
            raise ValueError(f"countries must be 1..{len(WORLD_COUNTRIES)}")
        return WORLD_COUNTRIES[:countries]
    chosen = tuple(dict.fromkeys(c.upper() for c in countries))
    unknown = [c for c in chosen if c not in COUNTRIES]
    if unknown or not chosen:
        raise ValueError(f"no demo material for {unknown or 'no country'}; use {COUNTRIES}")
    return chosen


def _code(text: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "-", anyascii(text).upper()).strip("-")


def demo_units(countries: int | Sequence[str] = 6, seed: int = 0) -> list[tuple[str, str, str]]:
    """(code, name, country) of two or three units per country; the NCB comes first."""
    rng = random.Random(f"interlink-demo/{seed}/units")
    units: list[tuple[str, str, str]] = []
    for i, cc in enumerate(world_countries(countries)):
        capital, second = profile(cc).cities[:2]
        units.append((f"{cc}-NCB", f"National Central Bureau, {capital.latin[0]}", cc))
        units.append(
            (
                f"{cc}-THB-{_code(capital.latin[0])}",
                f"Anti-trafficking unit, {capital.latin[0]}",
                cc,
            )
        )
        if i == 0 or rng.random() < 0.7:
            if i == 0 or rng.random() < 0.5:
                units.append((f"{cc}-BORDER", f"Border police, {profile(cc).name}", cc))
            else:
                units.append(
                    (
                        f"{cc}-THB-{_code(second.latin[0])}",
                        f"Anti-trafficking unit, {second.latin[0]}",
                        cc,
                    )
                )
    return units


def welfare_unit(country: str) -> str:
    """The unit of a country's demo welfare agency, where its welfare officer works."""
    return f"{country}-WELFARE"


def demo_users(units: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(username, role, unit code): every role in each country's first unit ("ua.analyst"),
    an investigator, analyst and supervisor in its other units ("ua-border.analyst"). The
    welfare officer ("ua.welfare_officer") works for the country's welfare agency."""
    users: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for code, _name, country in units:
        first = country not in seen
        seen.add(country)
        prefix = country.lower() if first else code.lower()
        users += [
            (f"{prefix}.{role}", role, welfare_unit(country) if role == "welfare_officer" else code)
            for role in (USER_ROLES if first else _UNIT_ROLES)
        ]
    return users


def _travellers(
    seed: int, countries: tuple[str, ...], persons: int
) -> dict[str, list[PersonIdentity]]:
    """Suspects recorded in two or three countries, each country writing them its own way."""
    by_country: dict[str, list[PersonIdentity]] = {cc: [] for cc in countries}
    if len(countries) < 2:
        return by_country
    rng = random.Random(f"interlink-demo/{seed}/world")
    factory = IdentityFactory(rng)
    for k in range(max(2, persons // 150)):
        home = countries[k % len(countries)]
        identity = factory.new(country=home, role=PersonRole.SUSPECT, gender=Gender.MALE)
        others = [c for c in countries if c != home]
        rng.shuffle(others)
        for cc in (home, *others[: 1 + int(rng.random() * 2)]):
            by_country[cc].append(identity)
    return by_country


def demo_world(
    persons: int = 2000, countries: int | Sequence[str] = 6, seed: int = 0
) -> Iterator[DemoRecord]:
    """About ``persons`` persons and everything around them, country by country.

    Every record is yielded after the records it references. Same seed, same records
    (ids included).
    """
    chosen = world_countries(countries)
    units: dict[str, list[str]] = {cc: [] for cc in chosen}
    for code, _name, cc in demo_units(chosen, seed):
        units[cc].append(code)
    travellers = _travellers(seed, chosen, persons)
    share, extra = divmod(max(persons, len(chosen)), len(chosen))
    for i, cc in enumerate(chosen):
        budget = share + (extra if i == 0 else 0) - len(travellers[cc])
        scenario = CountryScenario(
            seed=seed,
            country=cc,
            index=i,
            units=units[cc],
            persons=budget,
            world=chosen,
            travellers=travellers[cc],
        )
        yield from scenario.build()
