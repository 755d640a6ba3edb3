"""A victim's context, declared once, aligned with HTCDS and the CTDC data dictionary.

The Human Trafficking Case Data Standard (HTCDS) and the Counter Trafficking Data
Collaborative's dictionary are what welfare agencies and statisticians already count in;
using their categories means a referral or a published figure needs no translation. Values
are lower-case snake_case versions of their labels; never rename one (they are stored).
The reference in docs/victim-context.md is generated from this module (``interlink.docgen``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class ExploitationForm(StrEnum):
    """HTCDS typeOfExploitation / CTDC isSexualExploit, isForcedLabour, isForcedMarriage …"""

    SEXUAL_EXPLOITATION = "sexual_exploitation"
    FORCED_LABOUR = "forced_labour"
    FORCED_MARRIAGE = "forced_marriage"
    DOMESTIC_SERVITUDE = "domestic_servitude"
    FORCED_CRIMINALITY = "forced_criminality"
    FORCED_BEGGING = "forced_begging"
    ORGAN_REMOVAL = "organ_removal"
    SLAVERY_AND_SIMILAR = "slavery_and_similar_practices"
    CHILD_SOLDIERING = "child_soldiering"
    OTHER = "other"


class MeansOfControl(StrEnum):
    """CTDC meansOfControl* fields."""

    DEBT_BONDAGE = "debt_bondage"
    TAKES_EARNINGS = "takes_earnings"
    THREATS = "threats"
    PSYCHOLOGICAL_ABUSE = "psychological_abuse"
    PHYSICAL_ABUSE = "physical_abuse"
    SEXUAL_ABUSE = "sexual_abuse"
    FALSE_PROMISES = "false_promises"
    PSYCHOACTIVE_SUBSTANCES = "psychoactive_substances"
    RESTRICTS_MOVEMENT = "restricts_movement"
    RESTRICTS_MEDICAL_CARE = "restricts_medical_care"
    EXCESSIVE_WORKING_HOURS = "excessive_working_hours"
    USES_CHILDREN = "uses_children"
    THREAT_OF_LAW_ENFORCEMENT = "threat_of_law_enforcement"
    WITHHOLDS_NECESSITIES = "withholds_necessities"
    WITHHOLDS_DOCUMENTS = "withholds_documents"
    OTHER = "other"


class RecruitmentMethod(StrEnum):
    """HTCDS recruitment types."""

    FALSE_JOB_OFFER = "false_job_offer"
    ROMANCE = "romance"  # the "lover boy" method
    FALSE_MARRIAGE_OFFER = "false_marriage_offer"
    SOLD_BY_FAMILY = "sold_by_family"
    ABDUCTION = "abduction"
    ONLINE = "online"
    OTHER = "other"
    UNKNOWN = "unknown"


class RecruiterRelation(StrEnum):
    """CTDC recruiterRelation*."""

    INTIMATE_PARTNER = "intimate_partner"
    FRIEND = "friend"
    FAMILY = "family"
    OTHER = "other"
    UNKNOWN = "unknown"


class Vulnerability(StrEnum):
    """HTCDS vulnerability indicators."""

    IRREGULAR_MIGRATION_STATUS = "irregular_migration_status"
    POVERTY = "poverty"
    HOMELESSNESS = "homelessness"
    SUBSTANCE_USE = "substance_use"
    MENTAL_HEALTH = "mental_health"
    DISABILITY = "disability"
    PRIOR_ABUSE = "prior_abuse"
    UNACCOMPANIED_MINOR = "unaccompanied_minor"
    IN_CARE = "in_care"
    LANGUAGE_BARRIER = "language_barrier"
    OTHER = "other"


class AgeBand(StrEnum):
    """CTDC ageBroad bands (age at exploitation)."""

    A0_8 = "0-8"
    A9_17 = "9-17"
    A18_20 = "18-20"
    A21_23 = "21-23"
    A24_26 = "24-26"
    A27_29 = "27-29"
    A30_38 = "30-38"
    A39_47 = "39-47"
    A48_PLUS = "48+"


CHILD_BANDS = frozenset({AgeBand.A0_8, AgeBand.A9_17})
_BAND_LOWS = [(48, AgeBand.A48_PLUS), (39, AgeBand.A39_47), (30, AgeBand.A30_38),
              (27, AgeBand.A27_29), (24, AgeBand.A24_26), (21, AgeBand.A21_23),
              (18, AgeBand.A18_20), (9, AgeBand.A9_17), (0, AgeBand.A0_8)]  # fmt: skip


def band_of(age: int) -> AgeBand:
    return next(band for low, band in _BAND_LOWS if age >= low)


class ChildIndicator(StrEnum):
    """Signs that a person whose age is unknown is a child (UNICEF / IOM screening lists)."""

    APPEARANCE = "appearance"
    SAYS_UNDER_18 = "says_under_18"
    IN_SCHOOL = "in_school"
    DOCUMENT_SHOWS_MINOR = "document_shows_minor"
    ACCOMPANIED_BY_NON_PARENT = "accompanied_by_non_parent"


class Consent(StrEnum):
    """Consent to the processing of the victim's data and to a referral (informed, recorded)."""

    GIVEN = "given"
    REFUSED = "refused"
    NOT_ASKED = "not_asked"
    WITHDRAWN = "withdrawn"


class RiskLevel(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class VictimContext(BaseModel):
    """What the police know of a victim's exploitation, in the standards' terms."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    forms: list[ExploitationForm] = Field(
        default_factory=list, description="Forms of exploitation (HTCDS typeOfExploitation)."
    )
    means_of_control: list[MeansOfControl] = Field(
        default_factory=list, description="Means of control (CTDC meansOfControl*)."
    )
    recruitment: RecruitmentMethod = Field(
        RecruitmentMethod.UNKNOWN, description="Method of recruitment (HTCDS)."
    )
    recruiter_relation: RecruiterRelation = Field(
        RecruiterRelation.UNKNOWN, description="Relation to the recruiter (CTDC)."
    )
    vulnerabilities: list[Vulnerability] = Field(
        default_factory=list, description="Vulnerabilities (HTCDS)."
    )
    age_at_exploitation: int | None = Field(
        None, ge=0, le=120, description="Exact age when the exploitation began, if known."
    )
    age_band: AgeBand | None = Field(
        None, description="CTDC ageBroad; derived from the exact age when that is given."
    )
    child_indicators: list[ChildIndicator] = Field(
        default_factory=list, description="When the age is unknown: signs of a child."
    )
    consent: Consent = Field(
        Consent.NOT_ASKED, description="Informed consent to processing and referral."
    )
    consent_date: date | None = Field(None, description="When consent was given or refused.")
    languages: list[str] = Field(
        default_factory=list, max_length=10, description="Languages spoken (ISO 639-1)."
    )

    @model_validator(mode="after")
    def _band(self) -> VictimContext:
        if self.age_at_exploitation is not None:
            exact = band_of(self.age_at_exploitation)
            if self.age_band is not None and self.age_band != exact:
                raise ValueError(
                    f"age_band: {self.age_band.value} does not contain age "
                    f"{self.age_at_exploitation}"
                )
            self.age_band = exact
        for lang in self.languages:
            if not (len(lang) == 2 and lang.isascii() and lang.isalpha() and lang.islower()):
                raise ValueError(f"languages: '{lang}' is not an ISO 639-1 code such as 'uk'")
        return self

    def child_reason(self) -> str | None:
        """Why this victim counts as a child, or None: under 18, or age unknown with signs."""
        if self.age_band is not None:
            return (
                f"age at exploitation {self.age_band.value}"
                if self.age_band in CHILD_BANDS
                else None
            )
        if self.child_indicators:
            return "age unknown, indicators of a child: " + ", ".join(
                i.value for i in self.child_indicators
            )
        return None
