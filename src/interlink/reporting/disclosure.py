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

Different indicators can count the same things (every suspect is a person of role
suspect): their tables are tied by the relations declared with the indicators
(``registry.Relation``: equalities and inequalities between sums of their cubes), which
the attacker knows from the documentation. Indicators so tied are protected together:
one programme over all their cubes with the relations as further (in)equations, and each
equality between published cells is one more sum for rule 2. Indicators tied to no other
are protected alone, which keeps each programme small.

Optionally, the cube's cells get discrete Laplace noise from OpenDP first (every cell,
zeros included, so that which cells are empty is not revealed; one ε per indicator, since
each counted thing is in exactly one cell), and published counts are rounded to a base.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from interlink.reporting.registry import Relation, Side
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


Joint = tuple[str, CellId]  # a published cell of one indicator of the release
Positions = list[int]  # unknowns of the attacker: cube cells, all indicators end to end


@dataclass
class _Layout:
    """Every published cell of some indicators' views, the sums among them, the cube cells
    under each, and the relations between the indicators' cubes."""

    cube_keys: list[tuple[str, tuple[str, ...]]]
    cells: list[Joint]
    members: dict[Joint, Positions]
    groups: list[list[Joint]]  # [margin, *its parts], or the cells of a relation
    equal: list[tuple[Positions, Positions]] = field(default_factory=list)
    at_most: list[tuple[Positions, Positions]] = field(default_factory=list)


def _cube_layout(
    layout: _Layout, name: str, cube: Cube, views: tuple[tuple[str, ...], ...]
) -> None:
    dims = cube.indicator
    subsets: set[tuple[int, ...]] = set()
    for view in views:
        idx = sorted(dims.index(d) for d in view)
        for r in range(len(idx) + 1):
            subsets.update(itertools.combinations(idx, r))
    offset = len(layout.cube_keys)
    keys = list(cube.cells())
    layout.cube_keys.extend((name, k) for k in keys)
    for pos, key in enumerate(keys):
        for s in subsets:
            layout.members.setdefault((name, (s, tuple(key[i] for i in s))), []).append(
                offset + pos
            )
    for s in sorted(subsets, key=lambda t: (len(t), t)):
        layout.cells.extend(
            (name, cid)
            for cid in itertools.product([s], itertools.product(*(cube.categories[i] for i in s)))
        )
    for s in subsets:
        for d in s:
            parent = tuple(i for i in s if i != d)
            at = s.index(d)
            for pvals in itertools.product(*(cube.categories[i] for i in parent)):
                parts: list[Joint] = []
                for v in cube.categories[d]:
                    vals = list(pvals)
                    vals.insert(at, v)
                    parts.append((name, (s, tuple(vals))))
                layout.groups.append([(name, (parent, tuple(pvals))), *parts])


def _side_cells(layout: _Layout, side: Side, cube: Cube, key: tuple[str, ...]) -> list[Joint]:
    """The published cells adding up to one side of a relation at ``key`` (empty if some
    of them is not published: the relation is then left to the audit)."""
    ind = cube.indicator
    fixed = dict(zip(side.by, key, strict=True))
    where = [
        (d, sorted(v for v in cube.categories[ind.index(d)] if v in allowed))
        for d, allowed in side.where
    ]
    cells: list[Joint] = []
    for combo in itertools.product(*(vals for _, vals in where)):
        want = {**fixed, **{d: v for (d, _), v in zip(where, combo, strict=True)}}
        cid = _cell_id(tuple(ind.index(d) for d in want), tuple(want.values()))
        if (side.indicator, cid) not in layout.members:
            return []
        cells.append((side.indicator, cid))
    return cells


def _relation_layout(layout: _Layout, relation: Relation, cubes: dict[str, Cube]) -> None:
    sides: list[dict[tuple[str, ...], Positions]] = []
    for side in (relation.left, relation.right):
        ind = cubes[side.indicator].indicator
        found: dict[tuple[str, ...], Positions] = {}
        for pos, (name, cell) in enumerate(layout.cube_keys):
            if name == side.indicator and (key := side.key(ind, cell)) is not None:
                found.setdefault(key, []).append(pos)
        sides.append(found)
    left, right = sides
    for key in sorted(set(left) | set(right)):
        pair = (left.get(key, []), right.get(key, []))
        if not relation.equal:
            layout.at_most.append(pair)
            continue
        layout.equal.append(pair)
        left_cells = _side_cells(layout, relation.left, cubes[relation.left.indicator], key)
        right_cells = _side_cells(layout, relation.right, cubes[relation.right.indicator], key)
        if left_cells and right_cells:  # a sum of published cells: secondary suppression
            layout.groups.append([*left_cells, *right_cells])


def _layout(
    cubes: dict[str, Cube],
    views: dict[str, tuple[tuple[str, ...], ...]],
    relations: Sequence[Relation] = (),
) -> _Layout:
    layout = _Layout([], [], {}, [])
    for name, c in cubes.items():
        _cube_layout(layout, name, c, views[name])
    for relation in relations:
        _relation_layout(layout, relation, cubes)
    return layout


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
    """Suppress (and audit) the cells of one indicator's views; noise first if ε is set."""
    name = cube.indicator.name
    return protect_all({name: cube}, {name: views}, rules)[name]


def active(
    relations: list[Relation], names: set[str], rules: Rules, *, whole_period: bool
) -> list[Relation]:
    """The relations that hold between these indicators' published counts: none under
    noise (the noisy counts no longer satisfy them), period-bound ones over "all" only."""
    if rules.epsilon is not None:
        return []
    return [
        r
        for r in relations
        if {r.left.indicator, r.right.indicator} <= names and (r.any_period or whole_period)
    ]


def components(names: list[str], relations: Sequence[Relation]) -> list[list[str]]:
    """Indicators tied by relations, protected together; the others each alone."""
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    for r in relations:
        a, b = root(r.left.indicator), root(r.right.indicator)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(root(n), []).append(n)
    return list(groups.values())


def protect_all(
    cubes: dict[str, Cube],
    views: dict[str, tuple[tuple[str, ...], ...]],
    rules: Rules,
    relations: Sequence[Relation] = (),
) -> dict[str, Protected]:
    """Suppress and audit the views of several indicators; those tied by ``relations`` are
    protected together, so that no suppressed cell is recovered from another's tables."""
    if rules.epsilon is not None:
        cubes = {n: noisy_cube(c, rules.epsilon) for n, c in cubes.items()}
        relations = []
    relations = [r for r in relations if {r.left.indicator, r.right.indicator} <= set(cubes)]
    out: dict[str, Protected] = {}
    for names in components(list(cubes), relations):
        part = {n: cubes[n] for n in names}
        tied = [r for r in relations if r.left.indicator in part]
        values, suppressed, primary = _protect(part, views, rules, tied)
        for n in names:
            out[n] = Protected(
                cubes[n],
                {cid: v for (m, cid), v in values.items() if m == n},
                {cid for m, cid in suppressed if m == n},
                {cid for m, cid in primary if m == n},
                rules.epsilon,
            )
    return {n: out[n] for n in cubes}


def _protect(
    cubes: dict[str, Cube],
    views: dict[str, tuple[tuple[str, ...], ...]],
    rules: Rules,
    relations: list[Relation],
) -> tuple[dict[Joint, int], set[Joint], set[Joint]]:
    layout = _layout(cubes, views, relations)
    counts = np.array([cubes[name].counts.get(k, 0) for name, k in layout.cube_keys], dtype=float)
    for left, right in layout.equal:
        if counts[left].sum() != counts[right].sum():
            raise ValueError("a declared relation between indicators does not hold")
    values = {c: int(counts[layout.members.get(c, [])].sum()) for c in layout.cells}
    primary = {c for c, v in values.items() if 0 < v < rules.threshold}
    suppressed = set(primary)
    while True:
        _complete(layout, values, suppressed)
        pinned = [c for c, low, high in attack(layout, values, suppressed) if high - low < PINNED]
        if not pinned:
            break
        before = len(suppressed)
        for cell in pinned:
            extra = _complement(layout, values, suppressed, cell)
            if extra is not None:
                suppressed.add(extra)
        if len(suppressed) == before:  # pinned across indicators only: widen the search
            extra = _smallest(layout.cells, values, suppressed)
            if extra is None:
                break
            suppressed.add(extra)
    return values, suppressed, primary


def _complete(layout: _Layout, values: dict[Joint, int], suppressed: set[Joint]) -> None:
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


def _smallest(cells: list[Joint], values: dict[Joint, int], suppressed: set[Joint]) -> Joint | None:
    """The smallest published non-zero cell, else a published zero one."""
    open_ = [c for c in cells if c not in suppressed]
    if not open_:
        return None
    nonzero = [c for c in open_ if values[c] > 0]
    return min(nonzero or open_, key=lambda c: (values[c], c))


def _complement(
    layout: _Layout, values: dict[Joint, int], suppressed: set[Joint], cell: Joint
) -> Joint | None:
    """A published cell to hide with a pinned one: from a sum it is in, else (pinned through
    an inequality between indicators) the smallest published cell of its indicator."""
    for group in layout.groups:
        if cell in group:
            found = _smallest([c for c in group if c != cell], values, suppressed)
            if found is not None:
                return found
    return _smallest([c for c in layout.cells if c[0] == cell[0]], values, suppressed)


def _matrix(
    pairs: list[tuple[Positions, Positions]], n: int, first_row: int = 0
) -> tuple[list[int], list[int], list[float]]:
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    for r, (left, right) in enumerate(pairs, start=first_row):
        rows += [r] * (len(left) + len(right))
        cols += [*left, *right]
        data += [1.0] * len(left) + [-1.0] * len(right)
    return rows, cols, data


def attack(
    layout: _Layout, values: dict[Joint, int], suppressed: set[Joint]
) -> Iterator[tuple[Joint, float, float]]:
    """The attacker's bounds on each suppressed cell, from every published cell of the
    indicators laid out together and the relations between them."""
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
    data = [1.0] * len(rows)
    r2, c2, d2 = _matrix(layout.equal, n, len(published))
    a_eq = csr_matrix(
        (data + d2, (rows + r2, cols + c2)), shape=(len(published) + len(layout.equal), n)
    )
    b_eq = np.array([values[c] for c in published] + [0.0] * len(layout.equal), dtype=float)
    bounds: dict[str, object] = {}
    if layout.at_most:
        r3, c3, d3 = _matrix(layout.at_most, n)
        bounds["A_ub"] = csr_matrix((d3, (r3, c3)), shape=(len(layout.at_most), n))
        bounds["b_ub"] = np.zeros(len(layout.at_most))
    for cell in sorted(suppressed):
        objective = np.zeros(n)
        objective[layout.members.get(cell, [])] = 1.0
        low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs", **bounds)
        high = linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs", **bounds)
        if low.status == 2:
            raise ValueError("the published cells and relations are inconsistent")
        upper = math.inf if high.status == 3 else -high.fun
        yield cell, float(low.fun), float(upper)
