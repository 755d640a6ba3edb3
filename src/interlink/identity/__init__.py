"""Identity: name normalization, search keys and field comparators (issue 3 in progress)."""

from interlink.identity.compare import (
    AddressLevel,
    BirthDateLevel,
    Comparison,
    DocumentLevel,
    EmailLevel,
    ExactLevel,
    NameLevel,
    PhoneLevel,
    PlaceLevel,
    compare_address,
    compare_birth_date,
    compare_birth_place,
    compare_country,
    compare_document,
    compare_email,
    compare_gender,
    compare_name,
    compare_phone,
)
from interlink.identity.names import NormalizedName
from interlink.identity.normalize import name_tokens, normalize_identifier, normalize_name

__all__ = [
    "AddressLevel",
    "BirthDateLevel",
    "Comparison",
    "DocumentLevel",
    "EmailLevel",
    "ExactLevel",
    "NameLevel",
    "NormalizedName",
    "PhoneLevel",
    "PlaceLevel",
    "compare_address",
    "compare_birth_date",
    "compare_birth_place",
    "compare_country",
    "compare_document",
    "compare_email",
    "compare_gender",
    "compare_name",
    "compare_phone",
    "name_tokens",
    "normalize_identifier",
    "normalize_name",
]
