"""Identity search: ranked candidates for a described person (``identity.search``)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from interlink import records
from interlink.api.deps import ActorDep, NodeDep, Purpose
from interlink.domain.values import CleanText
from interlink.identity.model import Band
from interlink.identity.search import MAX_LIMIT, Candidate, MatchQuery, search

router = APIRouter(prefix="/api", tags=["search"])
Value = Annotated[CleanText | None, Field(max_length=200)]


class MatchIn(BaseModel):
    """A person to look for: any of these fields, at least one of them a name."""

    model_config = ConfigDict(extra="forbid")
    full_name: Value = None
    first_name: Value = None
    middle_name: Value = None
    last_name: Value = None
    gender: Value = None
    date_of_birth: Value = Field(None, description="YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY.")
    place_of_birth: Value = None
    nationality: Value = Field(None, description="Country code or English name.")
    document_number: Value = None
    phone: Value = None
    email: Value = None
    address: Value = None
    limit: int = Field(10, ge=1, le=MAX_LIMIT)
    min_probability: float = Field(0.0, ge=0.0, le=1.0)


class ReasonOut(BaseModel):
    comparison: str
    level: str
    weight: float = Field(description="Evidence in bits: positive for, negative against.")


class CandidateOut(BaseModel):
    id: str
    external_ref: str | None
    match_probability: float
    band: Band
    decision: str | None = Field(None, description="A user's recorded decision on this pair.")
    reasons: list[ReasonOut]


class MatchOut(BaseModel):
    items: list[CandidateOut]


@router.post("/persons/match", response_model=MatchOut, operation_id="match_person")
def match_person(body: MatchIn, actor: ActorDep, node: NodeDep, purpose: Purpose) -> dict[str, Any]:
    """The visible persons most likely to be the one described, best first, each with its
    match probability, band and the evidence of each field. The purpose is audited."""
    values = body.model_dump(exclude={"limit", "min_probability"}, exclude_none=True)
    found = search(
        node,
        actor,
        MatchQuery(values),
        purpose=purpose or "",
        limit=body.limit,
        min_probability=body.min_probability,
    )
    return _items(found)


@router.get("/persons/{record_id}/matches", response_model=MatchOut, operation_id="person_matches")
def person_matches(
    record_id: UUID,
    actor: ActorDep,
    node: NodeDep,
    purpose: Purpose,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10,
    min_probability: Annotated[float, Query(ge=0.0, le=1.0)] = 0.5,
) -> dict[str, Any]:
    """Other visible persons who may be this one (possible duplicates), best first; those
    users confirmed the same come first, those confirmed different are left out. Reading
    the person is audited as a read, the search as a search."""
    records.read(node, actor, str(record_id), kind="person", purpose=purpose)
    found = search(
        node,
        actor,
        MatchQuery(record_id=str(record_id)),
        purpose=purpose or "",
        limit=limit,
        min_probability=min_probability,
    )
    return _items(found)


def _items(found: list[Candidate]) -> dict[str, Any]:
    return {
        "items": [
            {
                "id": c.record_id,
                "external_ref": c.external_ref,
                "match_probability": round(c.probability, 6),
                "band": c.band,
                "decision": c.decision,
                "reasons": c.explanation(),
            }
            for c in found
        ]
    }
