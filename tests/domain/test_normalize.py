"""Name and identifier forms that let differently written names meet in the index."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interlink.identity import name_tokens, normalize_identifier, normalize_name


def test_order_case_script_and_punctuation_do_not_matter() -> None:
    assert normalize_name("PETRENKO, Oleg") == normalize_name("oleg petrenko")
    assert normalize_name("Олег Петренко") == "oleg petrenko"
    assert normalize_name("Łukasz  Wiśniewski") == "lukasz wisniewski"


def test_document_numbers_keep_letters_and_digits_only() -> None:
    assert normalize_identifier("document", " fb-012 3456 ") == "FB0123456"
    assert normalize_identifier("email", " A@B.org ") == "a@b.org"


@given(st.text(max_size=40))
def test_normalized_names_are_stable_and_ascii(text: str) -> None:
    norm = normalize_name(text)
    assert norm == normalize_name(norm)
    assert norm.isascii()
    assert all(t.isalnum() for t in name_tokens(text))


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8),
        min_size=1,
        max_size=4,
    )
)
def test_any_word_order_gives_the_same_form(words: list[str]) -> None:
    assert normalize_name(" ".join(words)) == normalize_name(" ".join(reversed(words)))
