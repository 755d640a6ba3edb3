"""Disclosure control: nothing small is published, and the attacker who has every table
of a release cannot work out a suppressed cell; the same data gives the same release."""

from __future__ import annotations

import hashlib
import itertools
import statistics
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlink.reporting import REGISTRY, Rules
from interlink.reporting.periods import ALL
from interlink.reporting.registry import Dimension, Fact, Indicator
from interlink.reporting.release import build, write
from interlink.reporting.tables import TOTAL, cube
from tests.reporting.attacker import bounds, read_release

SHARED = Indicator(
    name="shared",
    title="Three dimensions, two tables sharing a margin",
    description="test",
    counts="things",
    dated_by="test",
    kinds=(),
    dimensions=(
        Dimension("a", "A", ("a1", "a2", "a3")),
        Dimension("b", "B", ("b1", "b2", "b3")),
        Dimension("c", "C", ("c1", "c2")),
    ),
    views=(("a", "b"), ("a", "c")),
    query=lambda snap: [],
)


def facts_of(ind: Indicator, counts: dict[tuple[str, ...], int]) -> list[Fact]:
    return [Fact("U", date(2026, 1, 1), key) for key, n in counts.items() for _ in range(n)]


def random_counts(ind: Indicator) -> st.SearchStrategy[dict[tuple[str, ...], int]]:
    keys = list(itertools.product(*(d.values or () for d in ind.dimensions)))
    small_or_large = st.one_of(st.integers(0, 12), st.integers(0, 60))
    return st.fixed_dictionaries({k: small_or_large for k in keys})


def release_files(tmp: Path, ind: Indicator, counts, rules: Rules, charts: bool = True) -> Path:
    c = cube(ind, facts_of(ind, counts))
    write(build(ALL, "test", {ind.name: c}, rules), tmp, charts=charts)
    return tmp


def assert_safe(folder: Path, threshold: int) -> None:
    for _indicator, cells in read_release(folder).items():
        published = [v for v in cells.values() if v is not None]
        assert all(v == 0 or v >= threshold for v in published), "a small count was published"
        for cell, (low, high) in bounds(cells).items():
            assert high - low >= 1 - 1e-6, f"suppressed cell {cell} is pinned to {low}"


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(counts=random_counts(SHARED))
def test_attacker_cannot_pin_a_suppressed_cell(tmp_path_factory, counts) -> None:
    folder = release_files(
        tmp_path_factory.mktemp("release"), SHARED, counts, Rules(), charts=False
    )
    assert_safe(folder, 11)


def test_one_small_cell_in_a_row_takes_a_partner(tmp_path: Path) -> None:
    """The classic case: one small cell; its row total and column total give it away
    unless another cell of the row and of the column go too."""
    two = Indicator(
        name="two",
        title="2 x 3",
        description="",
        counts="things",
        dated_by="",
        kinds=(),
        dimensions=(Dimension("r", "R", ("r1", "r2")), Dimension("k", "K", ("k1", "k2", "k3"))),
        views=(("r", "k"),),
        query=lambda snap: [],
    )
    counts = {
        ("r1", "k1"): 3,
        ("r1", "k2"): 40,
        ("r1", "k3"): 50,
        ("r2", "k1"): 30,
        ("r2", "k2"): 45,
        ("r2", "k3"): 60,
    }
    folder = release_files(tmp_path, two, counts, Rules(), charts=False)
    cells = read_release(folder)["two"]
    hidden = {c for c, v in cells.items() if v is None}
    assert (("k", "k1"), ("r", "r1")) in hidden
    assert len(hidden) >= 4  # the small cell, a partner in its row, its column, and the fourth
    # Exhaustively: every whole table matching what is published; the small cell varies.
    known = {c: v for c, v in cells.items() if v is not None}
    possible = set()
    for x in range(0, 100):
        for y in range(0, 100):
            table = dict(counts)
            table[("r1", "k1")] = x
            table[("r1", "k2")] = y
            table[("r2", "k1")] = counts[("r2", "k1")] + 3 - x
            table[("r2", "k2")] = counts[("r2", "k2")] + 40 - y
            if min(table.values()) < 0:
                continue
            if all(_sum(table, c) == v for c, v in known.items()):
                possible.add(x)
    assert len(possible) > 1 and 3 in possible


def _sum(table: dict[tuple[str, str], int], cell) -> int:
    want = dict(cell)
    return sum(n for (r, k), n in table.items() if want.get("r", r) == r and want.get("k", k) == k)


@pytest.mark.parametrize("name", ["victims", "routes", "marriages", "crossings"])
def test_declared_indicators_are_safe_on_sparse_data(tmp_path: Path, name: str) -> None:
    import random

    ind = REGISTRY[name]
    rnd = random.Random(7)
    open_values = ["MD", "RO", "UA", "PL", "none", "multiple"]
    facts = []
    for _ in range(80):
        values = tuple(
            rnd.choice(d.values[: 4 + rnd.randrange(3)] if d.values else open_values[:4])
            for d in ind.dimensions
        )
        facts.append(Fact("U", date(2026, 1, 1), values))
    write(build(ALL, "test", {name: cube(ind, facts)}, Rules()), tmp_path, charts=False)
    cells = read_release(tmp_path)[name]
    assert any(v is None for v in cells.values()), "the data should need suppression"
    assert_safe(tmp_path, 11)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_the_same_data_gives_the_same_release(tmp_path: Path) -> None:
    counts = {
        k: (i * 7) % 23
        for i, k in enumerate(itertools.product(*(d.values or () for d in SHARED.dimensions)))
    }
    first = release_files(tmp_path / "one", SHARED, counts, Rules(rounding=5))
    second = release_files(tmp_path / "two", SHARED, counts, Rules(rounding=5))
    assert digest(first) == digest(second)
    assert {p.suffix for p in first.iterdir()} == {".csv", ".png", ".svg", ".md"}
    for path in first.glob("*.csv"):
        for line in path.read_text().splitlines()[1:]:
            count = line.split(",")[-2]
            assert count == "" or int(count) % 5 == 0


def test_readme_states_the_rules_and_the_budget(tmp_path: Path) -> None:
    counts = dict.fromkeys(itertools.product(*(d.values or () for d in SHARED.dimensions)), 30)
    folder = release_files(tmp_path, SHARED, counts, Rules(threshold=15, epsilon=0.5), False)
    text = (folder / "README.md").read_text()
    assert "fewer than 15" in text
    assert "ε = 0.5 per indicator" in text and "total privacy budget ε = 0.5" in text
    plain = release_files(tmp_path / "plain", SHARED, counts, Rules(), False)
    assert "No noise was added" in (plain / "README.md").read_text()


def test_noise_has_the_spread_of_its_epsilon() -> None:
    """Discrete Laplace of scale 1/ε: mean 0 (away from the clamp at 0), and a standard
    deviation near sqrt(2)/ε (within 20% over 2000 draws)."""
    from interlink.reporting.disclosure import noisy_cube

    one = Indicator(
        name="one",
        title="",
        description="",
        counts="",
        dated_by="",
        kinds=(),
        dimensions=(Dimension("k", "K", tuple(f"k{i}" for i in range(200))),),
        views=(("k",),),
        query=lambda snap: [],
    )
    base = cube(one, facts_of(one, {(f"k{i}",): 1000 for i in range(200)}))
    epsilon = 0.5
    noise = []
    for _ in range(10):
        noisy = noisy_cube(base, epsilon)
        noise += [noisy.counts.get(k, 0) - 1000 for k in base.cells()]
    assert abs(statistics.mean(noise)) < 0.3
    expected = (2**0.5) / epsilon
    assert 0.8 * expected < statistics.stdev(noise) < 1.2 * expected
    assert len(set(noise)) > 5


def test_margins_of_a_noisy_release_still_add_up(tmp_path: Path) -> None:
    counts = dict.fromkeys(itertools.product(*(d.values or () for d in SHARED.dimensions)), 40)
    folder = release_files(tmp_path, SHARED, counts, Rules(epsilon=1.0), False)
    for path in folder.glob("*.csv"):
        rows = [line.split(",") for line in path.read_text().splitlines()[1:]]
        grand = next(int(r[-2]) for r in rows if all(v == TOTAL for v in r[:-2]))
        inner = sum(int(r[-2]) for r in rows if TOTAL not in r[:-2] and r[-2])
        hidden = [r for r in rows if TOTAL not in r[:-2] and not r[-2]]
        assert hidden or grand == inner


def test_charts_are_cached_by_content_and_never_stale() -> None:
    """The dashboard asks for the same chart again: drawn once. Other figures (new data,
    another period, a role seeing public figures) are other rows: drawn anew."""
    from interlink.reporting.charts import _drawn, chart

    rows = [(("a1",), 12), (("a2",), None), ((TOTAL,), 30)]
    first = chart("T — 2026", ("a",), ("A",), rows, "svg")
    before = _drawn.cache_info()
    again = chart("T — 2026", ("a",), ("A",), list(rows), "svg")
    assert again == first and _drawn.cache_info().hits == before.hits + 1
    changed = chart("T — 2026", ("a",), ("A",), [(("a1",), 13), *rows[1:]], "svg")
    assert changed != first and _drawn.cache_info().misses == before.misses + 1
