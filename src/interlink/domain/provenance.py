"""Provenance: who owns a record, how far it can be trusted, how it may be handled.

Every record of every kind carries the same provenance, so it is declared once here.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from interlink.domain.codes import Assessment, HandlingCode, Reliability
from interlink.domain.values import CleanText


class ProvenanceIn(BaseModel):
    """What the person entering a record states about it."""

    # Frozen: hashable, so that an import can reuse one stored provenance for many rows.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    reliability: Reliability = Field(Reliability.X, description="Source reliability A/B/C/X.")
    assessment: Assessment = Field(Assessment.CANNOT_BE_JUDGED, description="Information 1-4.")
    handling_code: HandlingCode = HandlingCode.H0
    handling_text: CleanText | None = Field(
        None, max_length=2000, description="The restrictions in words; required with H3."
    )
    source: CleanText | None = Field(None, max_length=500, description="Where this came from.")
    review_date: date | None = Field(
        None, description="When the owner must review the record; default recorded + 5 years."
    )

    @model_validator(mode="after")
    def _h3_states_its_restrictions(self) -> ProvenanceIn:
        if self.handling_code == HandlingCode.H3 and not self.handling_text:
            raise ValueError("handling_text: H3 needs its restrictions stated in words")
        return self


class Provenance(ProvenanceIn):
    """Provenance as stored: what was stated plus what the node recorded."""

    owning_unit: str
    recorded_at: datetime
    recorded_by: str
    updated_at: datetime
    updated_by: str
    review_date: date
    origin_node: str | None = Field(None, description="Country code of the node it came from.")
    origin_id: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def evaluation(self) -> str:
        """The 4x4 badge, e.g. ``B2``."""
        return f"{self.reliability.value}{self.assessment.value}"
