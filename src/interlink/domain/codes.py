"""Codes shared by every node (see DESIGN.md, "Codes used across the system").

Each enum's values are what is stored and exchanged; never renumber or rename a value.
"""

from __future__ import annotations

from enum import StrEnum


class HandlingCode(StrEnum):
    """Europol SIENA handling codes, set by the owner of a record."""

    H0 = "H0"  # law-enforcement use only
    H1 = "H1"  # not for use in court without the owner's permission
    H2 = "H2"  # not to be passed on without the owner's permission
    H3 = "H3"  # other restrictions, stated in words (handling_text)


class Reliability(StrEnum):
    """Source reliability (4x4 evaluation)."""

    A = "A"  # reliable
    B = "B"  # usually reliable
    C = "C"  # not usually reliable
    X = "X"  # cannot be judged


class Assessment(StrEnum):
    """Information assessment (4x4 evaluation)."""

    TRUE = "1"  # true without reservation
    KNOWN_TO_SOURCE = "2"  # known personally to the source
    CORROBORATED = "3"  # not known personally to the source, corroborated
    CANNOT_BE_JUDGED = "4"


class PersonRole(StrEnum):
    SUSPECT = "suspect"
    CONVICTED = "convicted"
    VICTIM = "victim"
    POSSIBLE_VICTIM = "possible_victim"
    WITNESS = "witness"
    CONTACT = "contact"


class SubjectCategory(StrEnum):
    """Category of data subject, which the access policy weighs (victims are guarded most)."""

    VICTIM = "victim"
    SUSPECT = "suspect"
    OTHER_PERSON = "other_person"
    NON_PERSON = "non_person"


VICTIM_ROLES = frozenset({PersonRole.VICTIM, PersonRole.POSSIBLE_VICTIM})
SUSPECT_ROLES = frozenset({PersonRole.SUSPECT, PersonRole.CONVICTED})


def subject_category_of(role: PersonRole | None) -> SubjectCategory:
    if role is None:
        return SubjectCategory.NON_PERSON
    if role in VICTIM_ROLES:
        return SubjectCategory.VICTIM
    if role in SUSPECT_ROLES:
        return SubjectCategory.SUSPECT
    return SubjectCategory.OTHER_PERSON


class ActivityCategory(StrEnum):
    """The resolution's own list first, then the rest."""

    PROCUREMENT = "procurement"
    EXPLOITATION_OF_PROSTITUTION = "exploitation_of_prostitution"
    BOGUS_MARRIAGE = "bogus_marriage"
    ILLEGAL_MARRIAGE = "illegal_marriage"
    ILLEGAL_ENTRY = "illegal_entry"
    FORGED_IDENTITY_PAPERS = "forged_identity_papers"
    CHILD_SEXUAL_EXPLOITATION = "child_sexual_exploitation"
    FORCED_LABOUR = "forced_labour"
    OTHER = "other"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


class NameKind(StrEnum):
    BIRTH = "birth"
    ALIAS = "alias"
    MARRIED = "married"
    AS_IN_DOCUMENT = "as_in_document"
    OTHER = "other"


class OrganizationKind(StrEnum):
    CRIMINAL_GROUP = "criminal_group"
    FRONT_COMPANY = "front_company"
    MARRIAGE_AGENCY = "marriage_agency"
    RECRUITMENT_AGENCY = "recruitment_agency"
    TRAVEL_AGENCY = "travel_agency"
    VENUE = "venue"
    OTHER = "other"


class DocumentKind(StrEnum):
    PASSPORT = "passport"
    IDENTITY_CARD = "identity_card"
    VISA = "visa"
    RESIDENCE_PERMIT = "residence_permit"
    TRAVEL_DOCUMENT = "travel_document"
    DRIVING_LICENCE = "driving_licence"
    OTHER = "other"


class DocumentStatus(StrEnum):
    GENUINE = "genuine"
    FORGED = "forged"
    COUNTERFEIT = "counterfeit"
    FRAUDULENTLY_OBTAINED = "fraudulently_obtained"
    STOLEN_BLANK = "stolen_blank"
    LOST = "lost"
    STOLEN = "stolen"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


class MarriageStatus(StrEnum):
    RECORDED = "recorded"
    SUSPECTED_BOGUS = "suspected_bogus"
    SUSPECTED_ILLEGAL = "suspected_illegal"
    CONFIRMED_BOGUS = "confirmed_bogus"
    CONFIRMED_ILLEGAL = "confirmed_illegal"


class CrossingDirection(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"


class CrossingOutcome(StrEnum):
    LAWFUL = "lawful"
    ILLEGAL_ENTRY = "illegal_entry"
    ATTEMPTED = "attempted"


class ExploitationForm(StrEnum):
    SEXUAL = "sexual"
    FORCED_LABOUR = "forced_labour"
    DOMESTIC_SERVITUDE = "domestic_servitude"
    FORCED_MARRIAGE = "forced_marriage"
    FORCED_CRIMINALITY = "forced_criminality"
    FORCED_BEGGING = "forced_begging"
    ORGAN_REMOVAL = "organ_removal"
    CHILD_SEXUAL_EXPLOITATION = "child_sexual_exploitation"
    OTHER = "other"


class CaseStatus(StrEnum):
    OPEN = "open"
    UNDER_INVESTIGATION = "under_investigation"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class CasePriority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class LinkKind(StrEnum):
    """What a link joins; each kind allows certain record kinds at its two ends."""

    PERSON_ORGANIZATION = "person_organization"
    PERSON_PERSON = "person_person"
    PERSON_DOCUMENT = "person_document"
    CONTACT = "contact"  # person or organization to an address, phone or e-mail


class LinkRole(StrEnum):
    # person - organization
    RECRUITER = "recruiter"
    TRANSPORTER = "transporter"
    BROKER = "broker"
    EXPLOITER = "exploiter"
    FINANCIER = "financier"
    DOCUMENT_FORGER = "document_forger"
    MEMBER = "member"
    # person - person
    ASSOCIATE = "associate"
    FAMILY = "family"
    SPOUSE = "spouse"
    # person - document
    HOLDER = "holder"
    USER = "user"
    # contact
    USES = "uses"
    RESIDES = "resides"
    REGISTERED = "registered"
    OTHER = "other"


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    FIXED = "fixed"
    UNKNOWN = "unknown"


class HandleKind(StrEnum):
    EMAIL = "email"
    MESSENGER = "messenger"
    SOCIAL_MEDIA = "social_media"
    WEBSITE = "website"
    OTHER = "other"
