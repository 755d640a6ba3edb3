"""Travel documents: ICAO 9303 machine-readable zones, consistency with the printed page
and the person, and the register of lost, stolen, revoked and forged documents.

The front ends call only what is exported here.
"""

from interlink.documents.consistency import (
    Discrepancy,
    PrintedPage,
    compare_document,
    compare_page,
    compare_person,
)
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
from interlink.documents.review import (
    DocumentReport,
    Holder,
    KnownHolder,
    MrzReport,
    check_mrz,
    document_report,
)

__all__ = [
    "Attached",
    "Check",
    "Discrepancy",
    "DocumentReport",
    "Holder",
    "Indicator",
    "KnownHolder",
    "Mrz",
    "MrzFormat",
    "MrzFormatError",
    "MrzReport",
    "PrintedPage",
    "RegisterCheck",
    "RegisterImportReport",
    "RegisterStatus",
    "Severity",
    "Specimen",
    "Suggestion",
    "attach_mrz",
    "check",
    "check_digit",
    "check_mrz",
    "compare_document",
    "compare_page",
    "compare_person",
    "document_from_mrz",
    "document_report",
    "for_document",
    "generate",
    "import_register",
    "parse",
    "random_specimen",
]
