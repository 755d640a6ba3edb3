"""Request and response bodies, generated from the domain declaration for each record kind."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field, create_model

from interlink.domain.provenance import Provenance, ProvenanceIn
from interlink.domain.registry import KINDS, RecordKind
from interlink.domain.values import CleanText
from interlink.store.records import StoredRecord

ExternalRef = Annotated[CleanText, Field(min_length=1, max_length=200)]


class ProvenancePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reliability: Optional[str] = None  # noqa: UP045 - create_model-style optional
    assessment: Optional[str] = None  # noqa: UP045
    handling_code: Optional[str] = None  # noqa: UP045
    handling_text: Optional[CleanText] = None  # noqa: UP045
    source: Optional[CleanText] = None  # noqa: UP045
    review_date: Optional[str] = None  # noqa: UP045


class Bodies:
    """The generated classes of one kind."""

    def __init__(self, kind: RecordKind) -> None:
        title = kind.facts.__name__
        self.create: type[BaseModel] = create_model(
            f"{title}Create",
            __config__=ConfigDict(extra="forbid"),
            facts=(kind.facts, ...),
            provenance=(ProvenanceIn, Field(default_factory=ProvenanceIn)),
            external_ref=(ExternalRef | None, None),
        )
        partial_fields: dict[str, Any] = {
            name: (Optional[field.annotation], None)  # noqa: UP045
            for name, field in kind.facts.model_fields.items()
        }
        facts_patch = create_model(
            f"{title}Changes", __config__=ConfigDict(extra="forbid"), **partial_fields
        )
        self.patch: type[BaseModel] = create_model(
            f"{title}Patch",
            __config__=ConfigDict(extra="forbid"),
            facts=(Optional[facts_patch], None),  # noqa: UP045
            provenance=(Optional[ProvenancePatch], None),  # noqa: UP045
            version=(Optional[int], Field(None, description="Refuse if the record changed.")),  # noqa: UP045
        )
        self.out: type[BaseModel] = create_model(
            f"{title}Record",
            id=(str, ...),
            kind=(str, ...),
            external_ref=(str | None, None),
            version=(int, ...),
            facts=(kind.facts, ...),
            provenance=(Provenance, ...),
        )
        self.page: type[BaseModel] = create_model(
            f"{title}Page",
            items=(list[self.out], ...),  # type: ignore[name-defined]
            total=(int, ...),
            limit=(int, ...),
            offset=(int, ...),
        )


BODIES: dict[str, Bodies] = {k.name: Bodies(k) for k in KINDS}


def record_out(rec: StoredRecord) -> dict[str, Any]:
    return {
        "id": rec.id,
        "kind": rec.kind,
        "external_ref": rec.external_ref,
        "version": rec.version,
        "facts": rec.facts,
        "provenance": rec.provenance,
    }


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_at: datetime


class SearchHit(BaseModel):
    id: str
    kind: str
    external_ref: str | None
    label: str
    owning_unit: str
    evaluation: str
    handling_code: str


class SearchOut(BaseModel):
    items: list[SearchHit]
