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
