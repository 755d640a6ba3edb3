"""Travel documents: attach an MRZ to a person, and a document's reuse and fraud indicators."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from interlink import documents
from interlink.api.deps import ActorDep, NodeDep, Purpose
from interlink.api.schemas import BODIES, record_out
from interlink.domain.codes import DocumentStatus
from interlink.domain.provenance import ProvenanceIn

router = APIRouter(prefix="/api", tags=["documents"])

MrzLine = Annotated[str, Field(max_length=200)]
DocumentRecord: type[BaseModel] = BODIES["document"].out


class MrzAttach(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lines: list[MrzLine] = Field(
        min_length=1,
        max_length=3,
        description="The MRZ's lines (2 or 3), or one string with line breaks.",
    )
    provenance: ProvenanceIn = Field(default_factory=ProvenanceIn)
    status: DocumentStatus | None = None


class CheckOut(BaseModel):
    field: str
    valid: bool


class SuggestionOut(BaseModel):
    line: int
    position: int
    found: str
    suggested: str
    field: str
    fixes: list[str]


class MrzOut(BaseModel):
    valid: bool
    format: str
    document_code: str
    checks: list[CheckOut]
    suggestions: list[SuggestionOut]


class DiscrepancyOut(BaseModel):
    field: str
    mrz: str
    other: str


class IndicatorOut(BaseModel):
    code: str = Field(
        description="shared_document_number, overlapping_documents, mrz_checks_failed, "
        "mrz_page_mismatch, register_hit or expired_at_crossing."
    )
    severity: documents.Severity
    explanation: str
    record_ids: list[str]


class MrzAttached(BaseModel):
    document: DocumentRecord  # type: ignore[valid-type]
    link_id: str
    mrz: MrzOut
    discrepancies: list[DiscrepancyOut] = Field(
        description="Where the MRZ disagrees with the person record it is attached to."
    )
    indicators: list[IndicatorOut]


class DocumentIndicators(BaseModel):
    document_id: str
    indicators: list[IndicatorOut]


@router.post(
    "/persons/{record_id}/mrz",
    status_code=201,
    response_model=MrzAttached,
    operation_id="attach_mrz",
    summary="Attach a document to a person from its machine-readable zone",
    responses={
        403: {"description": "Your role may not create the document"},
        404: {"description": "No such person, or not yours to see"},
        422: {"description": "Not an MRZ, or not one a document record can be made from"},
    },
)
def attach_mrz(record_id: UUID, body: MrzAttach, actor: ActorDep, node: NodeDep) -> dict[str, Any]:
    """Read the MRZ, create the document it describes, link it to the person as holder, and
    return the document, the MRZ's checks and OCR suggestions, where the MRZ disagrees with
    the person, and the document's indicators."""
    done = documents.attach_mrz(
        node, actor, str(record_id), body.lines, body.provenance, status=body.status
    )
    mrz = done.mrz
    return {
        "document": record_out(done.document),
        "link_id": done.link_id,
        "mrz": {
            "valid": mrz.valid,
            "format": mrz.format.value,
            "document_code": mrz.document_code,
            "checks": [c.to_dict() for c in mrz.checks],
            "suggestions": [s.to_dict() for s in mrz.suggestions],
        },
        "discrepancies": [
            {"field": d.field, "mrz": d.mrz, "other": d.other} for d in done.discrepancies
        ],
        "indicators": [i.to_dict() for i in done.indicators],
    }


@router.get(
    "/documents/{record_id}/indicators",
    response_model=DocumentIndicators,
    operation_id="document_indicators",
    summary="Reuse and fraud indicators of a document, for review",
    responses={404: {"description": "No such document, or not yours to see"}},
)
def indicators(
    record_id: UUID, actor: ActorDep, node: NodeDep, purpose: Purpose = None
) -> dict[str, Any]:
    found = documents.for_document(node, actor, str(record_id), purpose=purpose)
    return {"document_id": str(record_id), "indicators": [i.to_dict() for i in found]}
