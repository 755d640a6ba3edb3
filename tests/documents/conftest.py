"""The specimen MRZs published in ICAO Doc 9303: the fictional state Utopia, no real person."""

from __future__ import annotations

from datetime import date

import pytest

# Every specimen is checked against this day, so that two-digit years resolve the same way
# whenever the tests run.
TODAY = date(2026, 6, 1)

SPECIMENS: dict[str, tuple[str, ...]] = {
    # Doc 9303 Part 4: a passport (TD3).
    "TD3": (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ),
    # Part 5: an identity card (TD1).
    "TD1": (
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ),
    # Part 5: a TD1 document number of 12 characters, continued in the optional data.
    "TD1-long": (
        "I<UTOD23145890<7349<<<<<<<<<<<",
        "3407127M9507122UTO<<<<<<<<<<<2",
        "STEVENSON<<PETER<JOHN<<<<<<<<<",
    ),
    # Part 6: TD2.
    "TD2": (
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "D231458907UTO7408122F1204159<<<<<<<6",
    ),
    # Part 7: visas.
    "MRVA": (
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
    ),
    "MRVB": (
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "L8988901C4XXX4009078F9612109<<<<<<<<",
    ),
}


@pytest.fixture(params=sorted(SPECIMENS))
def specimen(request: pytest.FixtureRequest) -> tuple[str, tuple[str, ...]]:
    return request.param, SPECIMENS[request.param]


def changed(lines: tuple[str, ...], line: int, position: int, char: str) -> tuple[str, ...]:
    """``lines`` with the character at ``line``/``position`` (1-based) replaced."""
    out = list(lines)
    text = out[line - 1]
    out[line - 1] = text[: position - 1] + char + text[position:]
    return tuple(out)


# The keys of `interlink mrz check`'s JSON, in the order issue 4 lists them.
JSON_KEYS = [
    "valid",
    "format",
    "document_code",
    "issuing_state",
    "document_number",
    "surname",
    "given_names",
    "nationality",
    "date_of_birth",
    "sex",
    "expiry_date",
    "optional_data",
    "checks",
    "suggestions",
]
