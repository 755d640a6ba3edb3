"""OCR confusions: suggested when they would repair a failed check, never applied."""

from __future__ import annotations

import pytest

from interlink.documents import generate, parse
from interlink.documents.ocr import CONFUSIONS
from tests.documents.conftest import SPECIMENS, TODAY, changed

# A specimen whose document number holds every confusable character, both ways round.
CONFUSABLE = generate(
    "TD3",
    document_number="O0I1B8S5Z",
    surname="SPECIMEN",
    given_names="ZOE",
    date_of_birth="1982-05-21",
    sex="F",
    expiry_date=None,
)


def test_the_confusions_go_both_ways() -> None:
    for a, b in (("O", "0"), ("I", "1"), ("B", "8"), ("S", "5"), ("Z", "2")):
        assert CONFUSIONS[a] == b and CONFUSIONS[b] == a


@pytest.mark.parametrize("position", range(1, 10))
def test_each_misread_character_of_the_number_is_found(position: int) -> None:
    right = CONFUSABLE[1][position - 1]
    wrong = changed(CONFUSABLE, 2, position, CONFUSIONS[right])
    result = parse(wrong, today=TODAY)
    assert set(result.failed) == {"document_number_check_digit", "composite_check_digit"}
    assert result.document_number[position - 1] == CONFUSIONS[right]  # not applied
    wanted = [s for s in result.suggestions if s.position == position]
    assert len(wanted) == 1
    suggestion = wanted[0]
    assert (suggestion.line, suggestion.found, suggestion.suggested) == (
        2,
        CONFUSIONS[right],
        right,
    )
    assert suggestion.field == "document_number"
    assert set(suggestion.fixes) == {"document_number_check_digit", "composite_check_digit"}
    repaired = changed(wrong, suggestion.line, suggestion.position, suggestion.suggested)
    assert parse(repaired, today=TODAY).valid
    for other in result.suggestions:  # whatever else is offered repairs the MRZ too
        assert parse(changed(wrong, other.line, other.position, other.suggested), today=TODAY).valid


def test_a_letter_in_a_date_is_read_as_the_digit() -> None:
    wrong = changed(SPECIMENS["TD3"], 2, 16, "O")  # 740812 read as 74O812
    result = parse(wrong, today=TODAY)
    assert {"date_of_birth", "date_of_birth_check_digit"} <= set(result.failed)
    assert [(s.position, s.suggested, s.field) for s in result.suggestions] == [
        (16, "0", "date_of_birth")
    ]


def test_a_check_digit_read_as_a_letter_is_suggested_as_its_digit() -> None:
    wrong = changed(SPECIMENS["TD3"], 2, 20, "Z")  # the birth date's check digit 2
    result = parse(wrong, today=TODAY)
    assert set(result.failed) == {"date_of_birth_check_digit", "composite_check_digit"}
    assert [(s.position, s.suggested, s.field) for s in result.suggestions] == [
        (20, "2", "date_of_birth_check_digit")
    ]
    wrong = changed(SPECIMENS["TD3"], 2, 44, "O")  # the composite check digit 0
    result = parse(wrong, today=TODAY)
    assert result.failed == ("composite_check_digit",)
    assert [(s.position, s.suggested) for s in result.suggestions] == [(44, "0")]


def test_outside_the_composite_a_name_and_a_state_are_suggested_alongside_other_errors() -> None:
    wrong = changed(SPECIMENS["TD3"], 1, 5, "0")  # UTO → UT0
    wrong = changed(wrong, 1, 12, "0")  # ERIKSSON → ERIKSS0N
    wrong = changed(wrong, 2, 16, "O")  # 740812 → 74O812
    result = parse(wrong, today=TODAY)
    suggested = {(s.line, s.position, s.suggested) for s in result.suggestions}
    assert suggested == {(1, 5, "O"), (1, 12, "O"), (2, 16, "0")}


def test_two_errors_under_the_composite_are_each_suggested_by_their_own_check() -> None:
    wrong = changed(SPECIMENS["TD3"], 2, 6, "O")  # L898902C3 → L8989O2C3
    wrong = changed(wrong, 2, 16, "O")
    result = parse(wrong, today=TODAY)
    assert {(s.position, s.suggested) for s in result.suggestions} >= {(6, "0"), (16, "0")}
    both = changed(changed(wrong, 2, 6, "0"), 2, 16, "0")
    assert parse(both, today=TODAY).valid


def test_a_correction_must_satisfy_the_composite_too() -> None:
    # The composite's own digit is wrong as well as the number: a correction of the number
    # that satisfies its check digit but not the composite is not offered.
    wrong = changed(SPECIMENS["TD3"], 2, 6, "O")
    wrong = changed(wrong, 2, 44, "7")
    result = parse(wrong, today=TODAY)
    assert "composite_check_digit" in result.failed
    assert result.suggestions == ()  # 0→O would satisfy the number's digit, not the composite
    for s in result.suggestions:
        after = parse(changed(wrong, s.line, s.position, s.suggested), today=TODAY)
        assert after.check("composite_check_digit").valid  # type: ignore[union-attr]


def test_no_suggestion_without_a_confusable_character_and_none_for_a_valid_mrz() -> None:
    assert parse(SPECIMENS["TD3"], today=TODAY).suggestions == ()
    wrong = changed(SPECIMENS["TD3"], 2, 44, "8")  # composite 0 misprinted 8: no confusion
    result = parse(wrong, today=TODAY)
    assert result.failed == ("composite_check_digit",) and result.suggestions == ()


def test_suggestions_can_be_turned_off() -> None:
    wrong = changed(SPECIMENS["TD3"], 2, 16, "O")
    assert parse(wrong, today=TODAY, suggest=False).suggestions == ()


def test_the_json_form_of_a_suggestion() -> None:
    wrong = changed(SPECIMENS["TD3"], 2, 16, "O")
    [data] = parse(wrong, today=TODAY).to_dict()["suggestions"]
    assert data == {
        "line": 2,
        "position": 16,
        "found": "O",
        "suggested": "0",
        "field": "date_of_birth",
        "fixes": ["date_of_birth", "date_of_birth_check_digit", "composite_check_digit"],
    }
