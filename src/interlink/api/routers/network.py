"""Networks and patterns: the link graph a reader may see, its analysis, exports and alerts.

Graph queries are POSTed: a node id may be a shared identifier (a phone number, a document
number), which must stay out of URLs, browser history and proxy logs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from interlink import network
from interlink.api.deps import ActorDep, NodeDep, Purpose

router = APIRouter(prefix="/api/network", tags=["network"])

NodeId = Annotated[str, Field(min_length=1, max_length=300)]


class FiltersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kinds: list[str] = Field(default_factory=list, max_length=20)
    countries: list[str] = Field(default_factory=list, max_length=300)
    categories: list[str] = Field(default_factory=list, max_length=20)
    date_from: str | None = Field(None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")
    date_to: str | None = Field(None, max_length=10)

    def to_filters(self) -> network.Filters:
        return network.check_filters(
            self.kinds, self.countries, self.categories, self.date_from, self.date_to
        )


class NeighbourhoodIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: NodeId = Field(description="A record id, or an identifier node (key:<kind>:<value>).")
    depth: int = Field(2, ge=1, le=network.MAX_DEPTH)
    filters: FiltersIn = Field(default_factory=FiltersIn)


class ExpandIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nodes: list[NodeId] = Field(min_length=1, max_length=200)
    filters: FiltersIn = Field(default_factory=FiltersIn)


class PathIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: NodeId
    target: NodeId
    max_depth: int = Field(6, ge=1, le=10)


class NetworkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: NodeId
    weak: bool = Field(False, description="Also join records by shared phones, e-mails, addresses.")
    max_nodes: int = Field(500, ge=1, le=5000)


class ExportIn(NeighbourhoodIn):
    format: Literal["graphml", "csv"] = "graphml"


class NodeOut(BaseModel):
    id: str
    kind: str
    label: str
    record: bool
    countries: list[str]
    date: str | None
    categories: list[str]
    role: str | None
    truncated: bool


class EdgeOut(BaseModel):
    id: str
    source: str
    target: str
    kind: str
    record: str | None
    date: str | None


class GraphOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class KeyPlayerOut(BaseModel):
    id: str
    kind: str
    degree: int
    betweenness: float
    countries: list[str]
    broker: bool


class NetworkOut(GraphOut):
    communities: list[list[str]]
    key_players: list[KeyPlayerOut]
    timeline: list[dict[str, Any]]


class ReviewOut(BaseModel):
    action: str
    reason: str
    by: str
    at: str


class AlertOut(BaseModel):
    id: str
    pattern: str
    title: str
    explanation: str
    status: str
    owning_unit: str
    record_ids: list[str]
    details: dict[str, Any]
    first_seen: str
    updated_at: str
    reviews: list[ReviewOut]


class DismissIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=2000)


class RunOut(BaseModel):
    opened: int
    reopened: int
    resolved: int
    examined: int
    seconds: float


class PatternOut(BaseModel):
    name: str
    title: str
    enabled: bool
    params: dict[str, Any]


class PatternIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    enabled: bool | None = None
    params: dict[str, Any] = Field(default_factory=dict)


_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such record, or not yours to see"}
}


@router.post(
    "/neighbourhood",
    response_model=GraphOut,
    operation_id="network_neighbourhood",
    summary="Everything within N hops of a record that you may see",
    responses=_NOT_FOUND,
)
def neighbourhood(
    body: NeighbourhoodIn, actor: ActorDep, node: NodeDep, purpose: Purpose = None
) -> dict[str, Any]:
    graph = network.get_neighbourhood(
        node,
        actor,
        body.start,
        depth=body.depth,
        filters=body.filters.to_filters(),
        purpose=purpose,
    )
    return graph.as_dict()


@router.post(
    "/expand",
    response_model=GraphOut,
    operation_id="network_expand",
    summary="The neighbours of some nodes (one hop), to grow a chart",
)
def expand(
    body: ExpandIn, actor: ActorDep, node: NodeDep, purpose: Purpose = None
) -> dict[str, Any]:
    return network.expand(
        node, actor, body.nodes, filters=body.filters.to_filters(), purpose=purpose
    ).as_dict()


@router.post(
    "/path",
    response_model=GraphOut,
    operation_id="network_path",
    summary="A shortest chain between two records through what you may see (may be empty)",
)
def path(body: PathIn, actor: ActorDep, node: NodeDep, purpose: Purpose = None) -> dict[str, Any]:
    return network.get_path(
        node, actor, body.source, body.target, max_depth=body.max_depth, purpose=purpose
    ).as_dict()


@router.post(
    "/network",
    response_model=NetworkOut,
    operation_id="network_of",
    summary="The network a record belongs to, its communities, key players and timeline",
    responses=_NOT_FOUND,
)
def network_of(
    body: NetworkIn, actor: ActorDep, node: NodeDep, purpose: Purpose = None
) -> dict[str, Any]:
    report = network.get_network(
        node, actor, body.start, weak=body.weak, max_nodes=body.max_nodes, purpose=purpose
    )
    return report.as_dict()


@router.post(
    "/export",
    operation_id="network_export",
    summary="A neighbourhood as GraphML, or as a ZIP of entities.csv and links.csv",
    responses={
        200: {"content": {"application/graphml+xml": {}, "application/zip": {}}},
        **_NOT_FOUND,
    },
)
def export(body: ExportIn, actor: ActorDep, node: NodeDep, purpose: Purpose = None) -> Response:
    graph = network.get_neighbourhood(
        node,
        actor,
        body.start,
        depth=body.depth,
        filters=body.filters.to_filters(),
        purpose=purpose,
    )
    if body.format == "graphml":
        return Response(
            network.graphml(graph),
            media_type="application/graphml+xml",
            headers={"Content-Disposition": 'attachment; filename="network.graphml"'},
        )
    return Response(
        network.csv_zip(graph),
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="network-csv.zip"'},
    )


@router.get(
    "/alerts",
    response_model=list[AlertOut],
    operation_id="network_alerts",
    summary="Your unit's pattern alerts that you may see (brought up to date first)",
)
def alerts(
    actor: ActorDep,
    node: NodeDep,
    purpose: Purpose = None,
    status: Annotated[Literal["open", "dismissed", "resolved", "all"], Query()] = "open",
    pattern: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=network.MAX_PAGE)] = 100,
) -> list[dict[str, Any]]:
    found = network.list_alerts(
        node, actor, status=status, pattern=pattern, limit=limit, purpose=purpose
    )
    return [a.as_dict() for a in found]


@router.get(
    "/alerts/{alert_id}",
    response_model=AlertOut,
    operation_id="network_alert",
    summary="One alert: its records, why it fired, and its reviews",
    responses={404: {"description": "No such alert, or not yours to see"}},
)
def alert(alert_id: str, actor: ActorDep, node: NodeDep, purpose: Purpose = None) -> dict[str, Any]:
    return network.get_alert(node, actor, alert_id, purpose=purpose).as_dict()


@router.post(
    "/alerts/{alert_id}/dismiss",
    response_model=AlertOut,
    operation_id="network_alert_dismiss",
    summary="Dismiss an alert after review, with the reason (kept)",
    responses={404: {"description": "No such alert, or not yours to see"}},
)
def dismiss(alert_id: str, body: DismissIn, actor: ActorDep, node: NodeDep) -> dict[str, Any]:
    return network.dismiss_alert(node, actor, alert_id, body.reason).as_dict()


@router.post(
    "/alerts/run",
    response_model=RunOut,
    operation_id="network_alerts_run",
    summary="Recompute every alert from scratch (or only around changed records)",
)
def run(actor: ActorDep, node: NodeDep, changed_only: bool = False) -> dict[str, Any]:
    return network.run_alerts(node, actor, changed_only=changed_only).as_dict()


@router.get(
    "/patterns",
    response_model=list[PatternOut],
    operation_id="network_patterns",
    summary="The patterns, whether each is on, and their thresholds",
)
def patterns(actor: ActorDep, node: NodeDep) -> list[dict[str, Any]]:
    settings = network.pattern_settings(node)
    return [
        {
            "name": p.name,
            "title": p.title,
            "enabled": settings[p.name][0],
            "params": settings[p.name][1],
        }
        for p in network.PATTERNS
    ]


@router.put(
    "/patterns/{name}",
    response_model=PatternOut,
    operation_id="network_pattern_set",
    summary="Switch a pattern on or off, change its thresholds",
)
def set_pattern(name: str, body: PatternIn, actor: ActorDep, node: NodeDep) -> dict[str, Any]:
    enabled, params = network.set_pattern(
        node, actor, name, enabled=body.enabled, params=body.params
    )
    title = network.PATTERNS_BY_NAME[name].title
    return {"name": name, "title": title, "enabled": enabled, "params": params}
