"""Statistics over the API: exact figures for ``stats_read``, public figures for anyone
signed in, and the Secretariat's global figures. Errors name the parameter (400/403)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from interlink import reporting
from interlink.access import Capability
from interlink.access.roles import Actor
from interlink.api.deps import ActorDep, NodeDep, require

router = APIRouter(prefix="/api/statistics", tags=["statistics"])
PeriodQuery = Annotated[str, Query(max_length=40, description=reporting.periods.HELP)]


@router.get("", operation_id="statistics_report")
def report(
    node: NodeDep,
    period: PeriodQuery = "all",
    unit: Annotated[str | None, Query(max_length=64)] = None,
    indicator: Annotated[list[str] | None, Query(max_length=20)] = None,
    actor: Actor = require(Capability.STATS_READ),  # type: ignore[assignment]
) -> dict[str, Any]:
    """Exact figures of the node or one unit: every indicator's non-zero cells."""
    chosen = reporting.period_of(period)
    return reporting.report(node, actor, chosen, unit=unit, indicators=indicator).as_dict()


@router.get("/public", operation_id="statistics_public")
def public(actor: ActorDep, node: NodeDep, period: PeriodQuery = "all") -> dict[str, Any]:
    """The public figures (suppressed as in a release): null marks a suppressed cell."""
    release = reporting.public(node, actor, reporting.period_of(period))
    return {
        "period": release.period.label,
        "threshold": release.rules.threshold,
        "tables": {
            t.name: {"dimensions": list(t.dims), "rows": [[*k, n] for k, n in t.rows]}
            for t in release.tables
        },
    }


@router.get("/global", operation_id="statistics_global")
def global_figures(
    node: NodeDep,
    period: PeriodQuery = "all",
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    actor: Actor = require(Capability.STATS_READ),  # type: ignore[assignment]
) -> dict[str, Any]:
    """At the Secretariat: the sum of the latest national reports for a period."""
    chosen = reporting.period_of(period)
    return reporting.global_figures(node, actor, chosen, country=country).as_dict()
