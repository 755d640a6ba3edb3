"""Victims first: protected victim records, welfare referrals, child safeguarding (issue 7).

The service surface the API, the web pages and the CLI call. The rules for a data-protection
officer are in docs/victims.md.
"""

from interlink.protection import agencies, priority, referrals, teams, victims
from interlink.protection.context import (
    AgeBand,
    ChildIndicator,
    Consent,
    ExploitationForm,
    MeansOfControl,
    RecruiterRelation,
    RecruitmentMethod,
    RiskLevel,
    VictimContext,
    Vulnerability,
)
from interlink.protection.outgoing import PROTECTED_PERSON_FIELDS, is_victim, outgoing_facts
from interlink.protection.priority import Priority, case_priority, priorities
from interlink.protection.referrals import Outcome, Portal, ReferralView, State

__all__ = [
    "PROTECTED_PERSON_FIELDS",
    "AgeBand",
    "ChildIndicator",
    "Consent",
    "ExploitationForm",
    "MeansOfControl",
    "Outcome",
    "Portal",
    "Priority",
    "RecruiterRelation",
    "RecruitmentMethod",
    "ReferralView",
    "RiskLevel",
    "State",
    "VictimContext",
    "Vulnerability",
    "agencies",
    "case_priority",
    "is_victim",
    "outgoing_facts",
    "priorities",
    "priority",
    "referrals",
    "teams",
    "victims",
]
