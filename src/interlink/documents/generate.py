"""Valid specimen MRZs from field values, for tests and demo data.

Everything is checked and padded the way Doc 9303 lays it out; a value that cannot be
written raises ValueError naming the field. Long document numbers continue in the optional
data on TD1 and TD2, as the standard allows; names longer than their field are cut.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

from interlink.documents import countries
from interlink.documents.mrz import FILLER, LAYOUTS, MrzFormat, check_digit
from interlink.documents.names import mrz_name

_ALNUM = re.compile(r"^[A-Z0-9]*$")
_OPTIONAL = re.compile(r"^[A-Z0-9<]*$")
_DEFAULT_CODES = {
    MrzFormat.TD1: "I",
    MrzFormat.TD2: "I",
    MrzFormat.TD3: "P",
    MrzFormat.MRVA: "V",
    MrzFormat.MRVB: "V",
}


def _pad(text: str, width: int) -> str:
    return text + FILLER * (width - len(text))


def _state(value: str, field: str) -> str:
    try:
        code = countries.to_icao(value)
    except ValueError as exc:
        raise ValueError(f"{field}: {exc}") from None
    return _pad(code, 3)


def _birth(value: date | str | None) -> str:
    """YYMMDD; a partial date (``1974``, ``1974-08``) has fillers for what is unknown."""
    if value is None:
        return FILLER * 6
    text = value.isoformat() if isinstance(value, date) else value.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not match:
        raise ValueError(f"date_of_birth: '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    return _pad(year[2:] + (month or "") + (day or ""), 6)


def _expiry(value: date | None) -> str:
    return FILLER * 6 if value is None else value.strftime("%y%m%d")


def _name_field(surname: str, given_names: str, width: int) -> str:
    primary = mrz_name(surname)
    if not primary:
        raise ValueError("surname: needs at least one letter")
    secondary = mrz_name(given_names)
    text = primary + ("<<" + secondary if secondary else "")
    return _pad(text[:width], width)


def _number(value: str, fmt: MrzFormat, optional: str, optional_width: int) -> tuple[str, str]:
    """(number field with its check digit, optional data) — long numbers overflow (TD1/2)."""
    number = value.strip().upper()
    if not number or not _ALNUM.match(number):
        raise ValueError("document_number: letters A-Z and digits only, at least one")
    digit = check_digit(number)
    if len(number) <= 9:
        return _pad(number, 9) + digit, optional
    if fmt not in (MrzFormat.TD1, MrzFormat.TD2):
        raise ValueError(f"document_number: at most 9 characters in a {fmt.value} MRZ")
    rest = number[9:] + digit + FILLER
    if len(rest) + len(optional.rstrip(FILLER)) > optional_width:
        raise ValueError(f"document_number: too long for a {fmt.value} MRZ with this optional data")
    return number[:9] + FILLER, rest + optional.rstrip(FILLER)


def _optional(value: str, field: str, width: int) -> str:
    text = value.strip().upper().replace(" ", FILLER)
    if not _OPTIONAL.match(text):
        raise ValueError(f"{field}: letters A-Z, digits and < only")
    if len(text) > width:
        raise ValueError(f"{field}: at most {width} characters in this format")
    return text


def generate(
    fmt: MrzFormat | str,
    *,
    document_number: str,
    surname: str,
    given_names: str = "",
    issuing_state: str = "UTO",
    nationality: str | None = None,
    date_of_birth: date | str | None = None,
    sex: str | None = None,
    expiry_date: date | None = None,
    document_code: str | None = None,
    optional_data: str = "",
    optional_data_2: str = "",
) -> tuple[str, ...]:
    """The lines of a valid MRZ. Countries as ICAO or ISO codes or names; names in any script."""
    fmt = MrzFormat(fmt)
    layout = LAYOUTS[fmt]
    code = (document_code or _DEFAULT_CODES[fmt]).strip().upper()
    if not (1 <= len(code) <= 2) or code[0] not in layout.document_codes or not code.isalpha():
        allowed = " or ".join(layout.document_codes)
        raise ValueError(f"document_code: a {fmt.value} code is {allowed}, then a letter or none")
    code = _pad(code, 2)
    state = _state(issuing_state, "issuing_state")
    nation = _state(nationality or issuing_state, "nationality")
    sex_char = FILLER if sex in (None, "", FILLER) else str(sex).upper()
    if sex_char not in "MFX<":
        raise ValueError("sex: M, F, X or empty for unspecified")
    birth, expiry = _birth(date_of_birth), _expiry(expiry_date)
    opt_width = layout.span("optional_data").end - layout.span("optional_data").start
    optional = _optional(optional_data, "optional_data", opt_width)
    number, optional = _number(document_number, fmt, optional, opt_width)
    optional = _pad(optional, opt_width)
    dated = birth + check_digit(birth) + sex_char + expiry + check_digit(expiry)
    if fmt == MrzFormat.TD1:
        optional_2 = _pad(_optional(optional_data_2, "optional_data_2", 11), 11)
        line1 = code + state + number + optional
        line2 = dated + nation + optional_2
        composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
        line3 = _name_field(surname, given_names, 30)
        return line1, line2 + check_digit(composite), line3
    if optional_data_2:
        raise ValueError(f"optional_data_2: only a TD1 MRZ has it, not {fmt.value}")
    line1 = code + state + _name_field(surname, given_names, layout.length - 5)
    if fmt == MrzFormat.TD3:
        personal = optional + (FILLER if set(optional) == {FILLER} else check_digit(optional))
        line2 = number + nation + dated + personal
    else:
        line2 = number + nation + dated + optional
    if fmt in (MrzFormat.TD2, MrzFormat.TD3):
        line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:])
    return line1, line2


# -- random specimens ---------------------------------------------------------------------

_SURNAMES = ("ERIKSSON", "SPECIMEN", "MUSTERMANN", "MODELE", "PROBA", "EXEMPLAR", "VZOR")
_GIVEN = ("ANNA MARIA", "JOHN", "ERIKA", "PETER JOHN", "MARIE", "OLENA", "AHMED")


@dataclass(frozen=True)
class Specimen:
    """The fields of one generated specimen and its MRZ lines."""

    format: MrzFormat
    fields: dict[str, object]
    lines: tuple[str, ...]


def random_specimen(
    rng: random.Random, fmt: MrzFormat | str = MrzFormat.TD3, *, today: date | None = None
) -> Specimen:
    """A specimen of the state Utopia with specimen-style names: never a real person."""
    fmt = MrzFormat(fmt)
    today = today or date.today()
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    number = rng.choice(letters) + "".join(rng.choice("0123456789") for _ in range(8))
    birth = today - timedelta(days=rng.randint(18 * 365, 70 * 365))
    expiry = today + timedelta(days=rng.randint(-3 * 365, 10 * 365))
    fields: dict[str, object] = {
        "document_number": number,
        "surname": rng.choice(_SURNAMES),
        "given_names": rng.choice(_GIVEN),
        "issuing_state": "UTO",
        "nationality": "UTO",
        "date_of_birth": birth,
        "sex": rng.choice("MF"),
        "expiry_date": expiry,
    }
    return Specimen(fmt, fields, generate(fmt, **fields))  # type: ignore[arg-type]
