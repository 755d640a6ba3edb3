"""Does an MRZ agree with the printed page, and with the person it is attached to?

Each disagreement is listed with both values, for an officer to judge: a mismatch is a
reason to look again, not a verdict. A detail the page or the record does not give is not
a disagreement. Names are compared after transliteration (``documents.names``), dates as
far as both sides know them (``1974`` agrees with ``1974-08-12``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from interlink.documents.countries import to_icao
from interlink.documents.mrz import Mrz
from interlink.documents.names import same_name
from interlink.domain import model
from interlink.domain.codes import DocumentKind, Gender
from interlink.identity.normalize import normalize_identifier, normalize_name


@dataclass(frozen=True)
class Discrepancy:
    """One detail on which the MRZ and the other source disagree (personal data: never log)."""

    field: str
    mrz: str
    other: str

    def __str__(self) -> str:
        return f"{self.field}: the MRZ says '{self.mrz}', the other source '{self.other}'"


_KINDS_FOR_CODE: dict[str, frozenset[DocumentKind]] = {
    "P": frozenset({DocumentKind.PASSPORT, DocumentKind.TRAVEL_DOCUMENT}),
    "V": frozenset({DocumentKind.VISA}),
    **dict.fromkeys(
        "ACI",
        frozenset(
            {
                DocumentKind.IDENTITY_CARD,
                DocumentKind.RESIDENCE_PERMIT,
                DocumentKind.TRAVEL_DOCUMENT,
            }
        ),
    ),
}
_SEX = {Gender.MALE: "M", Gender.FEMALE: "F"}


def dates_agree(a: str, b: str) -> bool:
    """Partial ISO dates agree when the shorter is the start of the longer."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short)


def _country(mrz_code: str, alpha2: str | None) -> str:
    return alpha2 or mrz_code


def _name_discrepancies(mrz: Mrz, family: str | None, given: str | None) -> list[Discrepancy]:
    found = []
    cut = mrz.name_truncated
    if family and not same_name(family, mrz.surname, may_be_cut=cut and not mrz.given_names):
        found.append(Discrepancy("surname", mrz.surname, family))
    if given and not same_name(given, mrz.given_names, may_be_cut=cut):
        found.append(Discrepancy("given_names", mrz.given_names, given))
    return found


def _sex(mrz: Mrz, gender: Gender | None) -> list[Discrepancy]:
    expected = _SEX.get(gender) if gender else None
    if expected and mrz.sex in ("M", "F") and mrz.sex != expected:
        return [Discrepancy("sex", mrz.sex, str(gender.value if gender else ""))]
    return []


def _birth(mrz: Mrz, other: str | None) -> list[Discrepancy]:
    if other and mrz.date_of_birth and not dates_agree(mrz.date_of_birth, other):
        return [Discrepancy("date_of_birth", mrz.date_of_birth, other)]
    return []


def compare_document(mrz: Mrz, page: model.Document) -> list[Discrepancy]:
    """The MRZ against the details entered from the printed page of the same document."""
    found: list[Discrepancy] = []
    issuer = _country(mrz.issuing_state, mrz.issuing_country)
    if page.issuing_country != issuer:
        found.append(Discrepancy("issuing_state", issuer, page.issuing_country))
    kinds = _KINDS_FOR_CODE.get(mrz.document_code[:1], frozenset())
    if page.document_kind != DocumentKind.OTHER and page.document_kind not in kinds:
        found.append(Discrepancy("document_code", mrz.document_code, page.document_kind.value))
    if normalize_identifier("document", page.number) != normalize_identifier(
        "document", mrz.document_number
    ):
        found.append(Discrepancy("document_number", mrz.document_number, page.number))
    found += _name_discrepancies(mrz, page.holder_family_name, page.holder_given_names)
    found += _birth(mrz, page.holder_birth_date)
    nationality = _country(mrz.nationality, mrz.nationality_country)
    if page.holder_nationality and page.holder_nationality != nationality:
        found.append(Discrepancy("nationality", nationality, page.holder_nationality))
    found += _sex(mrz, page.holder_gender)
    if page.expiry_date and mrz.expiry_date and page.expiry_date != mrz.expiry_date:
        found.append(
            Discrepancy("expiry_date", mrz.expiry_date.isoformat(), page.expiry_date.isoformat())
        )
    return found


@dataclass(frozen=True)
class PrintedPage:
    """Details an officer reads from the printed page of a document, any of them left out.

    ``date_of_birth`` is a (possibly partial) ISO date; ``nationality`` an ICAO or ISO code
    or an English name (``to_icao`` raises ValueError for one that names no state)."""

    surname: str | None = None
    given_names: str | None = None
    date_of_birth: str | None = None
    document_number: str | None = None
    expiry_date: date | None = None
    nationality: str | None = None

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.surname,
                self.given_names,
                self.date_of_birth,
                self.document_number,
                self.expiry_date,
                self.nationality,
            )
        )


def compare_page(mrz: Mrz, page: PrintedPage) -> list[Discrepancy]:
    """The MRZ against details typed from the printed page, before any record is made."""
    found: list[Discrepancy] = []
    if page.document_number and normalize_identifier(
        "document", page.document_number
    ) != normalize_identifier("document", mrz.document_number):
        found.append(Discrepancy("document_number", mrz.document_number, page.document_number))
    found += _name_discrepancies(mrz, page.surname, page.given_names)
    found += _birth(mrz, page.date_of_birth)
    if page.nationality and to_icao(page.nationality) != mrz.nationality:
        found.append(Discrepancy("nationality", mrz.nationality, page.nationality))
    if page.expiry_date and mrz.expiry_date and page.expiry_date != mrz.expiry_date:
        found.append(
            Discrepancy("expiry_date", mrz.expiry_date.isoformat(), page.expiry_date.isoformat())
        )
    return found


def _person_has_name(mrz: Mrz, person: model.Person) -> bool:
    whole = f"{mrz.surname} {mrz.given_names}".strip()
    for name in person.names:
        if name.family or name.given:
            given = " ".join(p for p in (name.given, name.middle) if p)
            if not _name_discrepancies(mrz, name.family, given or None):
                return True
        if name.full and (
            normalize_name(name.full) == normalize_name(whole)
            or same_name(name.full, whole, may_be_cut=mrz.name_truncated)
            or same_name(name.full, f"{mrz.given_names} {mrz.surname}".strip())
        ):
            return True
    return False


def compare_person(mrz: Mrz, person: model.Person) -> list[Discrepancy]:
    """The MRZ against the person record it is attached to: name, birth date, nationality,
    sex. The document number is not compared: a new document is new to the record."""
    found: list[Discrepancy] = []
    if not _person_has_name(mrz, person):
        names = "; ".join(n.full or "" for n in person.names)
        found.append(Discrepancy("name", f"{mrz.surname}, {mrz.given_names}".strip(", "), names))
    found += _birth(mrz, person.birth_date)
    nationality = _country(mrz.nationality, mrz.nationality_country)
    if person.nationalities and nationality not in person.nationalities:
        found.append(Discrepancy("nationality", nationality, ", ".join(person.nationalities)))
    found += _sex(mrz, person.gender)
    return found
