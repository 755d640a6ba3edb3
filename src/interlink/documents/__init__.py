"""Travel documents: ICAO 9303 machine-readable zones, consistency with the printed page
and the person, and the register of lost, stolen, revoked and forged documents.

The front ends call only what is exported here.
"""

from interlink.documents.consistency import Discrepancy, compare_document, compare_person
from interlink.documents.generate import Specimen, generate, random_specimen
from interlink.documents.indicators import (
    Attached,
    Indicator,
    Severity,
    attach_mrz,
    document_from_mrz,
    for_document,
)
from interlink.documents.mrz import Check, Mrz, MrzFormat, MrzFormatError, check_digit, parse
from interlink.documents.ocr import Suggestion
from interlink.documents.register import (
    RegisterCheck,
    RegisterImportReport,
    RegisterStatus,
    check,
    import_register,
)

__all__ = [
    "Attached",
    "Check",
    "Discrepancy",
    "Indicator",
    "Mrz",
    "MrzFormat",
    "MrzFormatError",
    "RegisterCheck",
    "RegisterImportReport",
    "RegisterStatus",
    "Severity",
    "Specimen",
    "Suggestion",
    "attach_mrz",
    "check",
    "check_digit",
    "compare_document",
    "compare_person",
    "document_from_mrz",
    "for_document",
    "generate",
    "import_register",
    "parse",
    "random_specimen",
]
