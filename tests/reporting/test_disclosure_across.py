"""Disclosure across tables: the tables of different indicators of one release share
totals by definition (every suspect or convicted person is in the persons table and in the
suspects table, each under the same activity category), and the attacker who knows the
published definitions uses them. No suppressed cell may be recovered that way."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlink.reporting import REGISTRY, Rules
from interlink.reporting.periods import ALL
from interlink.reporting.registry import Fact
from interlink.reporting.release import build, write
from interlink.reporting.tables import cube
from tests.reporting.attacker import Equation, bounds_across, read_release

PERSONS, SUSPECTS = REGISTRY["persons"], REGISTRY["suspects"]
CATEGORIES = ("procurement", "exploitation_of_prostitution", "forced_labour", "none")
DAY = date(2026, 1, 1)

# Persons by role and activity category. Suspects and convicted persons are also counted by
# the suspects indicator (all under network role 'none' here).
KNOWN: dict[tuple[str, str], int] = {
    ("suspect", "procurement"): 30,
    ("suspect", "exploitation_of_prostitution"): 30,
    ("suspect", "none"): 12,
    ("convicted", "procurement"): 45,
    ("convicted", "exploitation_of_prostitution"): 30,
    ("convicted", "forced_labour"): 12,
    ("convicted", "none"): 45,
    ("victim", "procurement"): 20,
    ("victim", "exploitation_of_prostitution"): 5,
    ("victim", "forced_labour"): 3,
    ("victim", "none"): 12,
    ("witness", "procurement"): 3,
    ("witness", "forced_labour"): 12,
    ("witness", "none"): 3,
}


def documented_relations() -> list[Equation]:
    """What docs/statistics.md says, written by the attacker: for each category, suspects
    of that category = persons of role suspect + persons of role convicted of it."""
    return [
        (
            [("suspects", (("category", c),))],
            "=",
            [("persons", (("category", c), ("role", r))) for r in ("suspect", "convicted")],
        )
        for c in CATEGORIES
    ]


def release(folder: Path, persons: dict[tuple[str, str], int], roles: list[str]) -> Path:
    """Publish persons and suspects (suspects' network role cycling through ``roles``)."""
    person_facts, suspect_facts = [], []
    for (role, category), n in sorted(persons.items()):
        for i in range(n):
            person_facts.append(Fact("U", DAY, (role, category)))
            if role in ("suspect", "convicted"):
                suspect_facts.append(Fact("U", DAY, (category, roles[i % len(roles)])))
    cubes = {"persons": cube(PERSONS, person_facts), "suspects": cube(SUSPECTS, suspect_facts)}
    write(build(ALL, "test", cubes, Rules()), folder, charts=False)
    return folder


def pinned(folder: Path) -> list[tuple[str, object, float]]:
    found = bounds_across(read_release(folder), documented_relations())
    return [
        (name, cell, low) for (name, cell), (low, high) in found.items() if high - low < 1 - 1e-6
    ]


def test_suspects_table_does_not_give_away_the_persons_table(tmp_path: Path) -> None:
    """Before, each indicator was protected alone: with the suspects table beside it, the
    attacker pinned persons cells (5 victims in exploitation of prostitution among them)."""
    folder = release(tmp_path, KNOWN, ["none"])
    cells = read_release(folder)
    small = (("category", "exploitation_of_prostitution"), ("role", "victim"))
    assert cells["persons"][small] is None
    assert all(v in (None, 0) or v >= 11 for t in cells.values() for v in t.values())
    assert pinned(folder) == []
    readme = (folder / "README.md").read_text()
    assert "suspects of each activity category = persons of role suspect or convicted" in readme


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    counts=st.fixed_dictionaries(
        {
            (role, c): st.sampled_from([0, 0, 2, 5, 9, 12, 20, 30, 45])
            for role in ("suspect", "convicted", "victim", "witness")
            for c in CATEGORIES
        }
    ),
    roles=st.lists(st.sampled_from(["none", "exploiter", "recruiter"]), min_size=1, max_size=3),
)
def test_no_cell_is_recovered_across_tables(tmp_path_factory, counts, roles) -> None:
    folder = release(tmp_path_factory.mktemp("across"), counts, roles)
    assert pinned(folder) == []


def test_the_release_is_the_same_on_the_same_data(tmp_path: Path) -> None:
    def digest(folder: Path) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}

    one = release(tmp_path / "one", KNOWN, ["none", "exploiter"])
    two = release(tmp_path / "two", KNOWN, ["none", "exploiter"])
    assert digest(one) == digest(two)


def test_declared_relations_hold_on_the_known_world(node, people, world) -> None:
    """The relations the audit relies on are true of the indicators as they count."""
    from interlink import reporting
    from interlink.access import Role
    from interlink.reporting.registry import RELATIONS

    for period in (reporting.ALL, reporting.parse_period("2024"), reporting.parse_period("2026")):
        cubes = reporting.report(node, people.actor(Role.ANALYST), period).cubes
        for rel in RELATIONS:
            if not rel.any_period and period != reporting.ALL:
                continue
            sums = []
            for side in (rel.left, rel.right):
                c = cubes[side.indicator]
                found: dict[tuple[str, ...], int] = {}
                for key, n in c.counts.items():
                    if (k := side.key(c.indicator, key)) is not None:
                        found[k] = found.get(k, 0) + n
                sums.append(found)
            for key in set(sums[0]) | set(sums[1]):
                left, right = sums[0].get(key, 0), sums[1].get(key, 0)
                assert left == right if rel.equal else left <= right, (rel.description, key)
    # The world has 2 suspects and 1 convicted person: the equality is not vacuous.
    assert cubes["suspects"].total == 3
