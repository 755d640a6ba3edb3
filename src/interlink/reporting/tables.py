"""Counting: the cube of an indicator (every combination of its dimensions) and its views.

A ``Cube`` holds the count of each combination of an indicator's dimension values over
the facts of one period and scope; a ``Table`` is one view of it (some dimensions, the
others summed), whose rows come with their margins: ``Total`` in a dimension means summed
over it. Every figure shown, sent or published is a cell of a table cut from a cube.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from interlink.reporting.periods import Period
from interlink.reporting.registry import Fact, Indicator

TOTAL = "Total"


@dataclass(frozen=True)
class Cube:
    indicator: Indicator
    categories: tuple[tuple[str, ...], ...]  # the values of each dimension, in order
    counts: dict[tuple[str, ...], int]  # non-zero combinations only

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def cells(self) -> Iterator[tuple[str, ...]]:
        """Every combination, zeros included, in the declared order."""
        return iter(itertools.product(*self.categories))

    def view(self, dims: tuple[str, ...]) -> Table:
        idx = [self.indicator.index(d) for d in dims]
        summed: Counter[tuple[str, ...]] = Counter()
        for key, n in self.counts.items():
            summed[tuple(key[i] for i in idx)] += n
        return Table(self.indicator, dims, tuple(self.categories[i] for i in idx), dict(summed))


def cube(indicator: Indicator, facts: Iterable[Fact], *, seen_in: Iterable[Fact] = ()) -> Cube:
    """Count facts by all dimensions. ``seen_in``: facts whose open values (countries)
    should appear as rows even when zero here (a unit's table shows the national rows)."""
    counts: Counter[tuple[str, ...]] = Counter(f.values for f in facts)
    seen = [*counts, *(f.values for f in seen_in)]
    categories = tuple(
        d.categories(key[i] for key in seen) for i, d in enumerate(indicator.dimensions)
    )
    return Cube(indicator, categories, dict(counts))


def select_facts(
    facts: Iterable[Fact], period: Period, units: frozenset[str] | None = None
) -> list[Fact]:
    """The facts of a period (and of some units; None: all)."""
    return [f for f in facts if period.contains(f.on) and (units is None or f.unit in units)]


@dataclass(frozen=True)
class Table:
    """One view of a cube: counts by ``dims``; margins are computed, never stored."""

    indicator: Indicator
    dims: tuple[str, ...]
    categories: tuple[tuple[str, ...], ...]
    counts: dict[tuple[str, ...], int]

    @property
    def name(self) -> str:
        return "__".join((self.indicator.name, *self.dims)) if self.dims else self.indicator.name

    def rows(self, margins: bool = True) -> list[tuple[tuple[str, ...], int]]:
        """Every cell and (with ``margins``) every margin, ``Total`` standing for a summed
        dimension; the grand total last."""
        out: list[tuple[tuple[str, ...], int]] = []
        subsets = [
            s
            for r in range(len(self.dims), -1, -1)
            for s in itertools.combinations(range(len(self.dims)), r)
        ]
        if not margins:
            subsets = subsets[:1]
        for kept in subsets:
            axes = [self.categories[i] if i in kept else (TOTAL,) for i in range(len(self.dims))]
            for key in itertools.product(*axes):
                out.append((key, self.value(key)))
        return out

    def value(self, key: tuple[str, ...]) -> int:
        if TOTAL not in key:
            return self.counts.get(key, 0)
        return sum(
            n
            for k, n in self.counts.items()
            if all(want in (TOTAL, got) for want, got in zip(key, k, strict=True))
        )
