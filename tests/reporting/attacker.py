"""An attacker who has a public release and nothing else: the CSV files of its tables.

The tables of one indicator (files named ``<indicator>__<dims>.csv``) are known to be sums
of one hidden cube over all their dimensions. Unknowns: every cell of that cube (whole,
never negative). Each published count is an equation; each suppressed cell is then bounded
by linear programming (its least and greatest possible value). Written apart from
``interlink.reporting.disclosure`` so that it does not share that module's mistakes.
"""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import linprog

Cell = tuple[tuple[str, str], ...]  # ((dimension, value), ...) of the dimensions not summed


def read_release(folder: Path) -> dict[str, dict[Cell, int | None]]:
    """Per indicator: every published cell (a count, or None when suppressed)."""
    found: dict[str, dict[Cell, int | None]] = defaultdict(dict)
    for path in sorted(folder.glob("*.csv")):
        indicator = path.stem.split("__", 1)[0]
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                count = row.pop("count")
                row.pop("flag")
                cell = tuple(sorted((d, v) for d, v in row.items() if v != "Total"))
                found[indicator][cell] = None if count == "" else int(count)
    return dict(found)


def bounds(cells: dict[Cell, int | None]) -> dict[Cell, tuple[float, float]]:
    """The attacker's interval for each suppressed cell."""
    dims: dict[str, set[str]] = defaultdict(set)
    for cell in cells:
        for d, v in cell:
            dims[d].add(v)
    names = sorted(dims)
    cube = list(itertools.product(*(sorted(dims[d]) for d in names)))

    def under(cell: Cell) -> np.ndarray:
        want = dict(cell)
        return np.array(
            [all(want.get(d, key[i]) == key[i] for i, d in enumerate(names)) for key in cube],
            dtype=float,
        )

    known = [(under(c), v) for c, v in cells.items() if v is not None]
    a_eq = np.array([row for row, _ in known]) if known else None
    b_eq = np.array([v for _, v in known], dtype=float) if known else None
    out: dict[Cell, tuple[float, float]] = {}
    for cell, value in cells.items():
        if value is not None:
            continue
        objective = under(cell)
        low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        high = linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        assert low.status == 0, low.message
        out[cell] = (low.fun, float("inf") if high.status == 3 else -high.fun)
    return out


# -- across tables: relations between indicators that hold by definition ------------------

Term = tuple[str, Cell]  # (indicator, partial cell): the sum of its cube cells matching
Equation = tuple[list[Term], str, list[Term]]  # left, "=" or "<=", right


def bounds_across(
    release: dict[str, dict[Cell, int | None]], relations: list[Equation]
) -> dict[tuple[str, Cell], tuple[float, float]]:
    """The attacker's interval for each suppressed cell of every table of the release, from
    every published cell of every indicator and the ``relations`` between indicators (as
    the published documentation states them)."""
    blocks: dict[str, tuple[list[str], list[tuple[str, ...]], int]] = {}
    offset = 0
    for name, cells in sorted(release.items()):
        dims: dict[str, set[str]] = defaultdict(set)
        for cell in cells:
            for d, v in cell:
                dims[d].add(v)
        names = sorted(dims)
        cube = list(itertools.product(*(sorted(dims[d]) for d in names)))
        blocks[name] = (names, cube, offset)
        offset += len(cube)

    def under(term: Term) -> np.ndarray:
        name, cell = term
        row = np.zeros(offset)
        if name not in blocks:
            return row
        names, cube, start = blocks[name]
        want = dict(cell)
        for i, key in enumerate(cube):
            if all(want.get(d, key[j]) == key[j] for j, d in enumerate(names)) and all(
                d in names for d in want
            ):
                row[start + i] = 1.0
        return row

    eq_rows: list[np.ndarray] = []
    eq_vals: list[float] = []
    ub_rows: list[np.ndarray] = []
    for name, cells in release.items():
        for cell, value in cells.items():
            if value is not None:
                eq_rows.append(under((name, cell)))
                eq_vals.append(float(value))
    for left, op, right in relations:
        row = sum((under(t) for t in left), np.zeros(offset)) - sum(
            (under(t) for t in right), np.zeros(offset)
        )
        if op == "=":
            eq_rows.append(row)
            eq_vals.append(0.0)
        else:
            ub_rows.append(row)
    a_eq, b_eq = np.array(eq_rows), np.array(eq_vals)
    a_ub = np.array(ub_rows) if ub_rows else None
    b_ub = np.zeros(len(ub_rows)) if ub_rows else None
    out: dict[tuple[str, Cell], tuple[float, float]] = {}
    for name, cells in sorted(release.items()):
        for cell, value in sorted(cells.items()):
            if value is not None:
                continue
            objective = under((name, cell))
            kw = {"A_eq": a_eq, "b_eq": b_eq, "A_ub": a_ub, "b_ub": b_ub, "bounds": (0, None)}
            low = linprog(objective, method="highs", **kw)
            high = linprog(-objective, method="highs", **kw)
            assert low.status == 0, low.message
            out[(name, cell)] = (low.fun, float("inf") if high.status == 3 else -high.fun)
    return out
