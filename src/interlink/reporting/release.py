"""A public release: protected tables as CSV, their charts, and a README stating the rules.

Everything in a release is a function of the data and the rules (no time stamps, sorted
rows, deterministic charts), so the same data gives the same files — except the noise,
when differential privacy is asked for.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from interlink.reporting.charts import chart
from interlink.reporting.disclosure import Protected, Rules, active, protect_all
from interlink.reporting.periods import ALL, Period
from interlink.reporting.registry import RELATIONS, Indicator, Relation
from interlink.reporting.tables import Cube


@dataclass(frozen=True)
class ReleasedTable:
    name: str
    indicator: Indicator
    dims: tuple[str, ...]
    rows: list[tuple[tuple[str, ...], int | None]]  # None: suppressed

    @property
    def labels(self) -> list[str]:
        return [self.indicator.dimension(d).label for d in self.dims]

    def csv_text(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([*self.dims, "count", "flag"])
        for key, count in self.rows:
            writer.writerow(
                [*key, "" if count is None else count, "suppressed" if count is None else ""]
            )
        return buffer.getvalue()


@dataclass(frozen=True)
class Release:
    period: Period
    scope: str
    rules: Rules
    tables: list[ReleasedTable]
    protected: dict[str, Protected]
    relations: list[Relation] = field(default_factory=list)  # audited across indicators

    @property
    def epsilon_total(self) -> float | None:
        if self.rules.epsilon is None:
            return None
        return self.rules.epsilon * len(self.protected)


def build(period: Period, scope: str, cubes: dict[str, Cube], rules: Rules) -> Release:
    """Protect each public indicator's views together and cut the published tables."""
    public = {name: c for name, c in cubes.items() if c.indicator.public}
    tied = active(RELATIONS, set(public), rules, whole_period=period == ALL)
    protected = protect_all(
        public, {name: c.indicator.views for name, c in public.items()}, rules, tied
    )
    tables: list[ReleasedTable] = []
    for name, p in protected.items():
        ind = p.cube.indicator
        for view in ind.views:
            tables.append(
                ReleasedTable("__".join((name, *view)), ind, view, p.rows(view, rules.rounding))
            )
    return Release(period, scope, rules, tables, protected, tied)


def readme(release: Release) -> str:
    r = release.rules
    lines = [
        f"# Public statistics: {release.scope}, period {release.period.label}",
        "",
        "Figures for prevention campaigns, made safe from re-identification. "
        "Each CSV file is one table; `count` is the number of things counted, empty where "
        "the cell is suppressed (`flag` = `suppressed`); `Total` in a column means summed "
        "over it.",
        "",
        "## Rules",
        "",
        f"- Cells counting fewer than {r.threshold} (but more than zero) are suppressed "
        "(primary suppression), margins included.",
        "- Secondary suppression: wherever a total and the cells adding up to it would leave "
        "exactly one cell suppressed, another cell of that sum is suppressed too, so that no "
        "suppressed cell can be worked out from totals or from the other tables of the same "
        "indicator, which share its margins.",
        "- Audit: for every suppressed cell, the lowest and highest values consistent with "
        "every published figure were computed by linear programming; none is pinned to one "
        "value (further cells were suppressed until none was).",
    ]
    if release.relations:
        lines.append(
            "- The audit and the secondary suppression also took into account these relations "
            "between the tables of different indicators, which hold by definition: "
            + "; ".join(rel.description for rel in release.relations)
            + "."
        )
    if r.rounding > 1:
        lines.append(f"- Published counts are rounded to the nearest multiple of {r.rounding}.")
    else:
        lines.append("- Published counts are not rounded.")
    if r.epsilon is not None:
        lines.append(
            f"- Differential privacy: discrete Laplace noise (OpenDP) of scale 1/ε was added to "
            f"every cell of each indicator before suppression; ε = {r.epsilon:g} per indicator "
            f"(each person or event is in one cell of it), {len(release.protected)} indicators, "
            f"total privacy budget ε = {release.epsilon_total:g}. Margins are sums of the noisy "
            "cells. The list of countries in a country column is taken from the data and is "
            "not itself protected by the noise."
        )
    else:
        lines.append("- No noise was added (no differential privacy in this release).")
    lines += ["", "## Tables", ""]
    for t in release.tables:
        ind = t.indicator
        lines += [
            f"### {t.name}.csv",
            "",
            f"{ind.title}: {ind.counts} by {', '.join(lbl.lower() for lbl in t.labels)}. "
            f"{ind.description} Dated by {ind.dated_by}.",
            "",
        ]
    return "\n".join(lines) + "\n"


def write(release: Release, out: Path, *, charts: bool = True) -> list[Path]:
    """Write the tables, their charts (PNG and SVG, tables of one or two dimensions) and
    the README into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    note = f"Cells below {release.rules.threshold} suppressed (not drawn)."
    for t in release.tables:
        path = out / f"{t.name}.csv"
        path.write_text(t.csv_text(), encoding="utf-8")
        written.append(path)
        if charts and len(t.dims) <= 2:
            title = f"{t.indicator.title} — {release.period.label}"
            for fmt in ("png", "svg"):
                image = out / f"{t.name}.{fmt}"
                image.write_bytes(chart(title, t.dims, t.labels, t.rows, fmt, note))
                written.append(image)
    path = out / "README.md"
    path.write_text(readme(release), encoding="utf-8")
    written.append(path)
    return written
