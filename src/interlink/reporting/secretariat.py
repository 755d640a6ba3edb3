"""The statistical report a national node sends the Secretariat, and what the Secretariat
does with it: keep the latest per country and period, and add them up into global figures.

The report carries aggregates only (the cells of each indicator's cube), never a record,
an id or a name. It leaves the node through ``transport`` — the one place this area calls
the exchange — and arrives in the Secretariat's inbox, which calls ``keep_statistics``.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interlink.access.roles import Actor, Capability
from interlink.exchange.handlers import Received, on
from interlink.exchange.messages import SECRETARIAT, Body, Draft, Kind
from interlink.node import Node
from interlink.records.errors import Invalid
from interlink.reporting.periods import Period
from interlink.reporting.registry import REGISTRY
from interlink.reporting.service import RateFigure, Report, _audit, _need, national_figures
from interlink.reporting.tables import Cube
from interlink.store import reporting as store
from interlink.store.db import reading, transaction

log = logging.getLogger("interlink.reporting")


class IndicatorFigures(BaseModel):
    model_config = ConfigDict(extra="ignore")

    dimensions: list[str]
    cells: list[list[str | int]]


class RateCounts(BaseModel):
    model_config = ConfigDict(extra="ignore")

    numerator: int = Field(ge=0)
    denominator: int = Field(ge=0)


class Figures(BaseModel):
    """The body of a STATISTICS message, as the Secretariat checks it."""

    model_config = ConfigDict(extra="ignore")

    period: str = Field(min_length=1, max_length=40)
    indicators: dict[str, IndicatorFigures]
    rates: dict[str, RateCounts] = Field(default_factory=dict)


def transport(node: Node, actor: Actor, draft: Draft) -> UUID:
    """Hand a draft to the exchange (signed, encrypted, queued, delivered by it)."""
    from interlink import exchange

    message_id: UUID = exchange.send(node, actor, draft)
    return message_id


def send_report(node: Node, actor: Actor, period: Period) -> UUID:
    """Send the node's statistical report for a period to the Secretariat."""
    _need(actor, Capability.STATS_PUBLISH, "send statistics to the Secretariat")
    if node.settings.node_role != "national":
        raise Invalid("node: only a national node reports statistics", field="node")
    figures = national_figures(node, period)
    draft = Draft(
        kind=Kind.STATISTICS,
        recipients=[SECRETARIAT],
        body=Body(data=figures),
        subject=f"Statistical report {period.label}",
    )
    return transport(node, actor, draft)


@on(Kind.STATISTICS)
def keep_statistics(ctx: Received) -> None:
    """At the Secretariat: keep the report unless a later one for the same period is kept.
    The country is the sender's node id (its signature was checked), not the body's word."""
    if ctx.node.settings.node_role != "secretariat":
        return
    envelope = ctx.message.envelope
    try:
        figures = Figures.model_validate(ctx.message.body.data)
    except ValidationError as exc:
        log.warning(
            "statistics %s from %s: malformed (%d errors)",
            envelope.id,
            envelope.sender,
            len(exc.errors()),
        )
        return
    store.keep_report(
        ctx.conn,
        country=envelope.sender,
        period=figures.period,
        message_id=str(envelope.id),
        sent_at=envelope.created,
        received_at=datetime.now(UTC),
        figures=figures.model_dump(),
    )


def _cube_of(name: str, reports: list[tuple[str, dict[str, Any]]]) -> Cube | None:
    """The sum of the countries' cubes of one indicator (those with its dimensions)."""
    ind = REGISTRY.get(name)
    if ind is None:
        return None
    dims = [d.name for d in ind.dimensions]
    counts: Counter[tuple[str, ...]] = Counter()
    for _country, figures in reports:
        found = figures.get("indicators", {}).get(name)
        if not found or found.get("dimensions") != dims:
            continue
        for cell in found["cells"]:
            *key, n = cell
            counts[tuple(str(k) for k in key)] += int(n)
    seen = list(counts)
    categories = tuple(d.categories(k[i] for k in seen) for i, d in enumerate(ind.dimensions))
    return Cube(ind, categories, {k: n for k, n in counts.items() if n})


def global_figures(
    node: Node, actor: Actor, period: Period, *, country: str | None = None
) -> Report:
    """The Secretariat's figures for a period: the sum of the latest national reports
    (or one country's report)."""
    _need(actor, Capability.STATS_READ, "see global statistics")
    with reading(node.engine) as conn:
        reports = store.reports_for(conn, period.label)
    if country:
        reports = [(c, f) for c, f in reports if c == country.upper()]
    cubes = {n: c for n in REGISTRY if (c := _cube_of(n, reports)) is not None}
    rates = _rates_of(reports)
    with transaction(node.engine) as conn:
        _audit(conn, node, actor, "statistics_global", period=period.label, countries=len(reports))
    countries = ", ".join(c for c, _ in reports) or "none"
    return Report(period, f"global ({len(reports)} countries: {countries})", cubes, rates)


def _rates_of(reports: list[tuple[str, dict[str, Any]]]) -> dict[str, RateFigure]:
    """The declared rates over all countries: numerators and denominators added up."""
    found: dict[str, RateFigure] = {}
    for ind in REGISTRY.values():
        for rate in ind.rates:
            counts = [f.get("rates", {}).get(rate.name) for _c, f in reports]
            found[rate.name] = RateFigure(
                rate,
                sum(int(c["numerator"]) for c in counts if c),
                sum(int(c["denominator"]) for c in counts if c),
            )
    return found
