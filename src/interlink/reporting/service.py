"""The reporting service: figures for a unit, the node and the public, each through the
access policy and written to the audit log (ids, periods and counts; never a name).

Unit and national figures are exact counts for the roles with ``STATS_READ``; everyone
else signed in sees the public figures, protected exactly as a release is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.node import Node
from interlink.records.errors import Forbidden, Invalid
from interlink.reporting import indicators as _declared  # noqa: F401  (registers them)
from interlink.reporting.disclosure import Rules
from interlink.reporting.periods import Period, PeriodError, parse_period
from interlink.reporting.registry import REGISTRY, Indicator, Rate
from interlink.reporting.release import Release, ReleasedTable, build, write
from interlink.reporting.snapshot import Snapshot
from interlink.reporting.tables import Cube, Table, cube, select_facts
from interlink.store.db import transaction
from interlink.store.schema import units


@dataclass(frozen=True)
class RateFigure:
    """A declared rate over one period and scope: its two counts and their ratio."""

    rate: Rate
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def as_dict(self) -> dict[str, Any]:
        value = self.value
        return {
            "title": self.rate.title,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "value": None if value is None else round(value, 4),
        }


@dataclass(frozen=True)
class Report:
    """Exact figures of one scope (a unit, the node, or the world) for one period."""

    period: Period
    scope: str
    cubes: dict[str, Cube]
    rates: dict[str, RateFigure] = field(default_factory=dict)  # national and global only

    def tables(self) -> list[Table]:
        return [c.view(v) for c in self.cubes.values() for v in c.indicator.views]

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.label,
            "start": self.period.start.isoformat() if self.period.start else None,
            "end": self.period.end.isoformat() if self.period.end else None,
            "scope": self.scope,
            "indicators": {name: cube_dict(c) for name, c in self.cubes.items()},
            "rates": {name: r.as_dict() for name, r in self.rates.items()},
        }


def cube_dict(c: Cube) -> dict[str, Any]:
    """A cube as exchanged and exported: dimension names and the non-zero cells."""
    return {
        "title": c.indicator.title,
        "counts": c.indicator.counts,
        "dimensions": [d.name for d in c.indicator.dimensions],
        "cells": [[*key, n] for key, n in sorted(c.counts.items())],
        "total": c.total,
    }


def period_of(text: str) -> Period:
    """Parse a period, as an ``Invalid`` naming the field (400/exit 2 at the front ends)."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise Invalid(f"period: {exc}", field="period") from None


def chosen(names: list[str] | None) -> list[Indicator]:
    if not names:
        return list(REGISTRY.values())
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise Invalid(
            f"indicator: no indicator {', '.join(unknown)}; use {', '.join(REGISTRY)}",
            field="indicator",
        )
    return [REGISTRY[n] for n in names]


def compute_rates(
    snap: Snapshot, period: Period, wanted: list[Indicator] | None = None
) -> dict[str, RateFigure]:
    """The declared rates of the wanted indicators over the node's whole figures."""
    found: dict[str, RateFigure] = {}
    for ind in wanted or list(REGISTRY.values()):
        for rate in ind.rates:
            found[rate.name] = RateFigure(
                rate,
                len(select_facts(rate.count_numerator(snap), period)),
                len(select_facts(rate.count_denominator(snap), period)),
            )
    return found


def compute(
    conn: Connection,
    period: Period,
    *,
    unit: str | None = None,
    wanted: list[Indicator] | None = None,
    snap: Snapshot | None = None,
) -> dict[str, Cube]:
    """The cubes of the wanted indicators (all) for a period, for one unit or the node.
    No access check: the callers below make it."""
    inds = wanted or list(REGISTRY.values())
    snap = snap or Snapshot(conn)
    facts = {ind.name: list(ind.query(snap)) for ind in inds}
    scope = frozenset({unit}) if unit else None
    cubes: dict[str, Cube] = {}
    for ind in inds:
        everywhere = select_facts(facts[ind.name], period)
        mine = everywhere if scope is None else select_facts(everywhere, period, scope)
        cubes[ind.name] = cube(ind, mine, seen_in=everywhere)
    return cubes


def _need(actor: Actor, capability: Capability, what: str) -> None:
    if not has_capability(actor, capability):
        raise Forbidden(f"your role may not {what}")


def _check_unit(conn: Connection, unit: str | None) -> None:
    if unit and conn.execute(select(units.c.code).where(units.c.code == unit)).first() is None:
        raise Invalid(f"unit: no unit '{unit}'", field="unit")


def _audit(conn: Connection, node: Node, actor: Actor, action: str, **details: Any) -> None:
    audit.write(conn, node.audit_key, actor, action, details=details)


def report(
    node: Node,
    actor: Actor,
    period: Period,
    *,
    unit: str | None = None,
    indicators: list[str] | None = None,
) -> Report:
    """Exact figures of a unit (or of the whole node) for the roles that may see them."""
    _need(actor, Capability.STATS_READ, "see unit or national statistics")
    wanted = chosen(indicators)
    with transaction(node.engine) as conn:
        _check_unit(conn, unit)
        snap = Snapshot(conn)
        cubes = compute(conn, period, unit=unit, wanted=wanted, snap=snap)
        rates = {} if unit else compute_rates(snap, period, wanted)
        _audit(
            conn,
            node,
            actor,
            "statistics_read",
            period=period.label,
            unit=unit,
            indicators=[i.name for i in wanted],
        )
    scope = f"unit {unit}" if unit else f"national ({node.settings.node_country})"
    return Report(period, scope, cubes, rates)


def public(node: Node, actor: Actor, period: Period, *, rules: Rules | None = None) -> Release:
    """The public figures of the node, protected as a release (any signed-in user)."""
    rules = rules or Rules()
    with transaction(node.engine) as conn:
        cubes = compute(conn, period, wanted=[i for i in REGISTRY.values() if i.public])
        _audit(conn, node, actor, "statistics_public", period=period.label)
    return build(period, _national(node), cubes, rules)


def _national(node: Node) -> str:
    return f"national ({node.settings.node_country})"


def publish(node: Node, actor: Actor, period: Period, out: Path, rules: Rules) -> list[Path]:
    """Write a public release to ``out`` (roles with ``STATS_PUBLISH``); audited."""
    _need(actor, Capability.STATS_PUBLISH, "publish statistics")
    with transaction(node.engine) as conn:
        cubes = compute(conn, period, wanted=[i for i in REGISTRY.values() if i.public])
        release = build(period, _national(node), cubes, rules)
        written = write(release, out)
        _audit(
            conn,
            node,
            actor,
            "statistics_publish",
            period=period.label,
            threshold=rules.threshold,
            rounding=rules.rounding,
            epsilon=rules.epsilon,
            tables=len(release.tables),
            suppressed=sum(len(p.suppressed) for p in release.protected.values()),
        )
    return written


def national_figures(node: Node, period: Period) -> dict[str, Any]:
    """The body of the statistical report to the Secretariat: aggregates only — the counts
    of each indicator's cube, no record, id or name."""
    with transaction(node.engine) as conn:
        snap = Snapshot(conn)
        cubes = compute(conn, period, snap=snap)
        rates = compute_rates(snap, period)
    return {
        "country": node.settings.node_country,
        "period": period.label,
        "start": period.start.isoformat() if period.start else None,
        "end": period.end.isoformat() if period.end else None,
        "computed": datetime.now(UTC).date().isoformat(),
        "indicators": {name: cube_dict(c) for name, c in cubes.items()},
        "rates": {
            name: {"numerator": r.numerator, "denominator": r.denominator}
            for name, r in rates.items()
        },
    }


@dataclass(frozen=True)
class Shown:
    """What a user may see of a period's figures: exact, or public (protected)."""

    exact: bool
    scope: str
    period: Period
    tables: list[ReleasedTable]
    rates: list[RateFigure] = field(default_factory=list)  # exact figures only


def figures(
    node: Node,
    actor: Actor,
    period: Period,
    *,
    unit: str | None = None,
    indicators: list[str] | None = None,
) -> Shown:
    """The dashboard's figures: exact ones for ``STATS_READ``, else the public ones."""
    wanted = chosen(indicators)
    if has_capability(actor, Capability.STATS_READ):
        rep = report(node, actor, period, unit=unit, indicators=[i.name for i in wanted])
        tables = [ReleasedTable(t.name, t.indicator, t.dims, list(t.rows())) for t in rep.tables()]
        return Shown(True, rep.scope, period, tables, list(rep.rates.values()))
    if unit:
        raise Forbidden("your role sees the public national figures only, not a unit's")
    release = public(node, actor, period)
    names = {i.name for i in wanted}
    tables = [t for t in release.tables if t.indicator.name in names]
    return Shown(False, release.scope, period, tables)


def unit_codes(node: Node) -> list[str]:
    """The node's units, for a filter (codes only)."""
    with transaction(node.engine) as conn:
        return sorted(r.code for r in conn.execute(select(units.c.code)))
