"""Search by name (exact or prefix, any script), document number, phone or e-mail."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from interlink import records
from interlink.api.deps import ActorDep, NodeDep
from interlink.api.schemas import SearchOut
from interlink.domain import registry
from interlink.domain.values import CleanText

router = APIRouter(prefix="/api", tags=["search"])
KindName = Annotated[str | None, Query(pattern="^(" + "|".join(registry.BY_NAME) + ")$")]
Text = Annotated[CleanText | None, Query(min_length=1, max_length=200)]


@router.get("/search", response_model=SearchOut, operation_id="search")
def search(
    actor: ActorDep,
    node: NodeDep,
    purpose: Annotated[CleanText, Query(min_length=3, max_length=500, description="Audited.")],
    name: Text = None,
    prefix: bool = False,
    document_number: Text = None,
    phone: Text = None,
    email: Text = None,
    kind: KindName = "person",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Every visible record that matches all the criteria given; the purpose is audited."""
    query = records.SearchQuery(
        kind=kind,
        name=name,
        prefix=prefix,
        document_number=document_number,
        phone=phone,
        email=email,
    )
    found = records.search(node, actor, query, purpose=purpose, limit=limit)
    return {
        "items": [
            {
                "id": r.id,
                "kind": r.kind,
                "external_ref": r.external_ref,
                "label": registry.label(r.facts),
                "owning_unit": r.provenance.owning_unit,
                "evaluation": r.provenance.evaluation,
                "handling_code": r.provenance.handling_code.value,
            }
            for r in found
        ]
    }
