"""Disclosure control for public figures: suppression, rounding, differential privacy.

The tables of one indicator are views of one cube, so they share margins: the attacker
who wants a suppressed cell has every published cell of every view and knows that they
all add up. The rules, applied to all the views of an indicator together:

1. Primary suppression: a cell (margins included) counting fewer than ``threshold`` but
   more than zero is not published.
2. Secondary suppression: wherever a sum — a margin and the cells it adds up — has exactly
   one suppressed cell, the smallest other non-zero cell of that sum is suppressed too
   (a zero one if there is none); repeated until nothing changes.
3. Audit: the attacker's linear programme is solved for every suppressed cell (unknowns:
   every cell of the cube, never negative; equations: every published cell). A cell whose
   lowest and highest possible values are less than 1 apart is pinned; the smallest
   published cell of a sum it is in is then suppressed as well and 2–3 run again.

Optionally, the cube's cells get discrete Laplace noise from OpenDP first (every cell,
zeros included, so that which cells are empty is not revealed; one ε per indicator, since
each counted thing is in exactly one cell), and published counts are rounded to a base.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from interlink.reporting.tables import TOTAL, Cube

DEFAULT_THRESHOLD = 11
PINNED = 1.0 - 1e-6  # an attacker's interval narrower than this leaves one integer value


@dataclass(frozen=True)
class Rules:
    """What a release applies; stated in its README."""

    threshold: int = DEFAULT_THRESHOLD
    rounding: int = 1  # publish multiples of this (1: exact)
    epsilon: float | None = None  # ε of the noise added to each indicator's cube; None: none

    def __post_init__(self) -> None:
        if self.threshold < 1:
            raise ValueError("threshold: must be at least 1")
        if self.rounding < 1:
            raise ValueError("rounding: must be at least 1")
        if self.epsilon is not None and not (0 < self.epsilon <= 100):
            raise ValueError("epsilon: must be above 0 and at most 100")


CellId = tuple[tuple[int, ...], tuple[str, ...]]  # (dimension indexes kept, their values)


@dataclass
class Protected:
    """The published cells of one indicator's views: a count, or None when suppressed."""

    cube: Cube
    values: dict[CellId, int]
    suppressed: set[CellId] = field(default_factory=set)
    primary: set[CellId] = field(default_factory=set)
    noise_epsilon: float | None = None

    def published(self, cell: CellId, rounding: int = 1) -> int | None:
        if cell in self.suppressed:
            return None
        value = self.values[cell]
        return value if rounding == 1 else rounding * math.floor(value / rounding + 0.5)

    def rows(
        self, dims: tuple[str, ...], rounding: int = 1
    ) -> list[tuple[tuple[str, ...], int | None]]:
        """A view's rows with margins (``Total``), as ``Table.rows`` orders them."""
        idx = tuple(self.cube.indicator.index(d) for d in dims)
        out: list[tuple[tuple[str, ...], int | None]] = []
        for r in range(len(idx), -1, -1):
            for kept in itertools.combinations(range(len(idx)), r):
                axes = [
                    self.cube.categories[idx[i]] if i in kept else (TOTAL,) for i in range(len(idx))
                ]
                for key in itertools.product(*axes):
                    cid = _cell_id(idx, key)
                    out.append((key, self.published(cid, rounding)))
        return out


def _cell_id(idx: tuple[int, ...], key: tuple[str, ...]) -> CellId:
    """The cell of a view row: the dimensions not summed, sorted, with their values."""
    pairs = sorted((i, v) for i, v in zip(idx, key, strict=True) if v != TOTAL)
    return tuple(i for i, _ in pairs), tuple(v for _, v in pairs)


@dataclass
class _Layout:
    """Every published cell of the views, the sums among them and the cube cells under each."""

    cube_keys: list[tuple[str, ...]]
    cells: list[CellId]
    members: dict[CellId, list[int]]  # cube cell positions adding up to the cell
    groups: list[list[CellId]]  # [margin, *its parts]


def _layout(cube: Cube, views: tuple[tuple[str, ...], ...]) -> _Layout:
    dims = cube.indicator
    subsets: set[tuple[int, ...]] = set()
    for view in views:
        idx = sorted(dims.index(d) for d in view)
        for r in range(len(idx) + 1):
            subsets.update(itertools.combinations(idx, r))
    cube_keys = list(cube.cells())
    members: dict[CellId, list[int]] = {}
    for pos, key in enumerate(cube_keys):
        for s in subsets:
            members.setdefault((s, tuple(key[i] for i in s)), []).append(pos)
    cells: list[CellId] = []
    for s in sorted(subsets, key=lambda t: (len(t), t)):
        cells.extend(itertools.product([s], itertools.product(*(cube.categories[i] for i in s))))
    groups: list[list[CellId]] = []
    for s in subsets:
        for d in s:
            parent = tuple(i for i in s if i != d)
            at = s.index(d)
            for pvals in itertools.product(*(cube.categories[i] for i in parent)):
                parts = []
                for v in cube.categories[d]:
                    vals = list(pvals)
                    vals.insert(at, v)
                    parts.append((s, tuple(vals)))
                groups.append([(parent, tuple(pvals)), *parts])
    return _Layout(cube_keys, cells, members, groups)


def noisy_cube(cube: Cube, epsilon: float) -> Cube:
    """The cube with discrete Laplace noise of scale 1/ε on every cell (OpenDP), clamped at 0.

    Each counted thing is in exactly one cell, so adding or removing one changes the cube
    by 1 in L1: the whole cube costs ε, and every view and margin cut from it is free."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    keys = list(cube.cells())
    measure = dp.m.make_laplace(
        dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int), scale=1.0 / epsilon
    )
    noisy = measure([cube.counts.get(k, 0) for k in keys])
    counts = {k: max(0, int(n)) for k, n in zip(keys, noisy, strict=True) if n > 0}
    return Cube(cube.indicator, cube.categories, counts)


def protect(cube: Cube, views: tuple[tuple[str, ...], ...], rules: Rules) -> Protected:
    """Suppress (and audit) the cells of an indicator's views; noise first if ε is set."""
    if rules.epsilon is not None:
        cube = noisy_cube(cube, rules.epsilon)
    layout = _layout(cube, views)
    counts = np.array([cube.counts.get(k, 0) for k in layout.cube_keys], dtype=float)
    values = {c: int(counts[layout.members.get(c, [])].sum()) for c in layout.cells}
    primary = {c for c, v in values.items() if 0 < v < rules.threshold}
    suppressed = set(primary)
    while True:
        _complete(layout, values, suppressed)
        pinned = [c for c, low, high in attack(layout, values, suppressed) if high - low < PINNED]
        if not pinned:
            break
        for cell in pinned:
            extra = _complement(layout, values, suppressed, cell)
            if extra is not None:
                suppressed.add(extra)
    return Protected(cube, values, suppressed, primary, rules.epsilon)


def _complete(layout: _Layout, values: dict[CellId, int], suppressed: set[CellId]) -> None:
    """Secondary suppression until no sum has exactly one suppressed cell."""
    changed = True
    while changed:
        changed = False
        for group in layout.groups:
            hidden = [c for c in group if c in suppressed]
            if len(hidden) != 1:
                continue
            extra = _smallest(group[1:], values, suppressed) or _smallest(
                group[:1], values, suppressed
            )
            if extra is not None:
                suppressed.add(extra)
                changed = True


def _smallest(
    cells: list[CellId], values: dict[CellId, int], suppressed: set[CellId]
) -> CellId | None:
    """The smallest published non-zero cell, else a published zero one."""
    open_ = [c for c in cells if c not in suppressed]
    if not open_:
        return None
    nonzero = [c for c in open_ if values[c] > 0]
    return min(nonzero or open_, key=lambda c: (values[c], c))


def _complement(
    layout: _Layout, values: dict[CellId, int], suppressed: set[CellId], cell: CellId
) -> CellId | None:
    for group in layout.groups:
        if cell in group:
            found = _smallest([c for c in group if c != cell], values, suppressed)
            if found is not None:
                return found
    return None


def attack(
    layout: _Layout, values: dict[CellId, int], suppressed: set[CellId]
) -> Iterator[tuple[CellId, float, float]]:
    """The attacker's bounds on each suppressed cell, from every published cell."""
    if not suppressed:
        return
    from scipy.optimize import linprog  # seconds to import: only when there is work
    from scipy.sparse import csr_matrix

    n = len(layout.cube_keys)
    published = [c for c in layout.cells if c not in suppressed]
    rows: list[int] = []
    cols: list[int] = []
    for r, c in enumerate(published):
        under = layout.members.get(c, [])
        rows.extend([r] * len(under))
        cols.extend(under)
    a_eq = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(published), n))
    b_eq = np.array([values[c] for c in published], dtype=float)
    for cell in sorted(suppressed):
        objective = np.zeros(n)
        objective[layout.members.get(cell, [])] = 1.0
        low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        high = linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        upper = math.inf if high.status == 3 else -high.fun
        yield cell, float(low.fun), float(upper)


def layout_of(cube: Cube, views: tuple[tuple[str, ...], ...]) -> _Layout:
    """For tests and the benchmark: the cells and sums ``protect`` works on."""
    return _layout(cube, views)
