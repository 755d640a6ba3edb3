"""Import rows about true identities: deterministic, valid, and as untidy as real ones."""

from __future__ import annotations

import collections
import itertools
import random
import re
from collections.abc import Callable

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlink.domain import model
from interlink.domain.codes import Gender
from interlink.domain.values import detect_script, parse_country
from interlink.synthetic import (
    CSV_COLUMNS,
    REFERENCE_DATE,
    IdentityFactory,
    country_names,
    labelled_person_rows,
    person_rows,
)
from interlink.synthetic.variants import OCR_CONFUSIONS

N = 6000
ToPerson = Callable[[dict[str, str], str | None], model.Person]


@pytest.fixture(scope="module")
def labelled() -> list[tuple[dict[str, str], str]]:
    return list(labelled_person_rows(N, seed=7, countries=None))


def test_rows_have_exactly_the_import_columns_as_strings(
    labelled: list[tuple[dict[str, str], str]],
) -> None:
    for row, _ in labelled:
        assert tuple(row) == CSV_COLUMNS
        assert all(type(v) is str for v in row.values())
        assert row["full_name"] or row["first_name"] or row["last_name"]
    assert len({row["id"] for row, _ in labelled}) == N


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    first = list(person_rows(500, seed=3))
    assert first == list(person_rows(500, seed=3))
    assert first != list(person_rows(500, seed=4))
    assert [r for r, _ in labelled_person_rows(500, seed=3)] == first


def test_every_row_validates_as_a_person(
    labelled: list[tuple[dict[str, str], str]], to_person: ToPerson
) -> None:
    for row, _ in labelled:
        to_person(row, None)
        if row["nationality"]:
            parse_country(row["nationality"])


def test_national_phone_forms_need_the_home_region(to_person: ToPerson) -> None:
    rows = list(person_rows(3000, seed=2, countries=["UA", "TH", "DE"]))
    national = [r["phone"] for r in rows if r["phone"].startswith("0")]
    assert national, "no national-format phone numbers"
    assert all(r["phone"].startswith(("+", "0")) or not r["phone"] for r in rows)
    for row in rows:
        person = to_person(row, "UA")
        for phone in person.phones:
            assert phonenumbers.is_valid_number(phonenumbers.parse(phone)), row


def test_sampled_phones_are_valid_numbers(labelled: list[tuple[dict[str, str], str]]) -> None:
    phones = [row["phone"] for row, _ in labelled if row["phone"]]
    assert len(phones) > N // 3
    for text in phones[::7]:
        assert phonenumbers.is_valid_number(phonenumbers.parse(text)), text


def test_rows_in_many_scripts(labelled: list[tuple[dict[str, str], str]]) -> None:
    scripts = collections.Counter(
        detect_script(row["full_name"] or row["last_name"]) for row, _ in labelled
    )
    assert len([s for s, n in scripts.items() if n >= 20]) >= 8, scripts


def test_the_same_identity_in_different_scripts(labelled: list[tuple[dict[str, str], str]]) -> None:
    by_identity: dict[str, set[str]] = collections.defaultdict(set)
    for row, identity in labelled:
        by_identity[identity].add(detect_script(row["full_name"] or row["last_name"]))
    assert sum(len(scripts) > 1 for scripts in by_identity.values()) >= 100


def test_duplicates_follow_the_rate(labelled: list[tuple[dict[str, str], str]]) -> None:
    identities = {identity for _, identity in labelled}
    assert 0.25 < 1 - len(identities) / N < 0.35


def test_name_layouts_vary(labelled: list[tuple[dict[str, str], str]]) -> None:
    full = [row["full_name"] for row, _ in labelled if row["full_name"]]
    comma = [f for f in full if re.fullmatch(r"[^,]+, .+", f)]
    upper_family_first = [f for f in full if re.fullmatch(r"[A-Z][A-Z-]+ [A-Z][a-z].*", f)]
    all_upper = [f for f in full if f.isupper() and " " in f]
    assert len(comma) > 50 and len(upper_family_first) > 50 and len(all_upper) > 50


def test_swapped_name_order(labelled: list[tuple[dict[str, str], str]]) -> None:
    swapped = sum(
        1
        for row, _ in labelled
        if row["full_name"]
        and row["first_name"]
        and row["last_name"]
        and row["full_name"].lower().startswith(row["last_name"].lower() + " ")
        and row["first_name"].lower() != row["last_name"].lower()
    )
    assert swapped > 100


def test_partial_and_swapped_dates(labelled: list[tuple[dict[str, str], str]]) -> None:
    dates = [row["date_of_birth"] for row, _ in labelled]
    assert sum(bool(re.fullmatch(r"\d{4}", d)) for d in dates) > 100
    assert sum(bool(re.fullmatch(r"\d{4}-\d{2}", d)) for d in dates) > 100
    assert sum(d == "" for d in dates) > 100
    assert all(d <= REFERENCE_DATE.isoformat() and d[:4] > "1930" for d in dates if d)
    by_identity = collections.defaultdict(set)
    for row, identity in labelled:
        if len(row["date_of_birth"]) == 10:
            by_identity[identity].add(row["date_of_birth"])
    differing = [days for days in by_identity.values() if len(days) > 1]
    assert len(differing) > 30  # swapped day/month or year off by one


def test_many_people_born_on_the_same_day(labelled: list[tuple[dict[str, str], str]]) -> None:
    people_by_day = collections.defaultdict(set)
    for row, identity in labelled:
        if len(row["date_of_birth"]) == 10:
            people_by_day[row["date_of_birth"]].add(identity)
    assert max(len(p) for p in people_by_day.values()) >= 10


def test_ocr_confused_and_respaced_documents(labelled: list[tuple[dict[str, str], str]]) -> None:
    seen: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for row, identity in labelled:
        if row["document_number"]:
            seen[identity][row["document_number"]] += 1
    confused = spaced = 0
    for numbers in seen.values():
        for a, b in itertools.combinations(numbers, 2):
            if len(a) == len(b):
                diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
                confused += len(diff) == 1 and OCR_CONFUSIONS.get(diff[0][0]) == diff[0][1]
            spaced += re.sub(r"[ -]", "", a) == re.sub(r"[ -]", "", b)
    assert confused >= 20 and spaced >= 10


def test_typos_missing_diacritics_and_aliases(labelled: list[tuple[dict[str, str], str]]) -> None:
    names = collections.defaultdict(set)
    for row, identity in labelled:
        if row["last_name"]:
            names[identity].add(row["last_name"])
    folded = sum(
        1
        for ns in names.values()
        if any(not n.isascii() for n in ns) and any(n.isascii() for n in ns)
    )
    assert folded > 50
    factory = IdentityFactory(random.Random(1))
    people = [factory.new() for _ in range(2000)]
    assert sum(bool(p.aliases) for p in people) > 100


def test_identities_restricted_to_countries() -> None:
    rows = [row for row, _ in labelled_person_rows(500, seed=1, countries=["UA", "GR"])]
    scripts = {detect_script(r["full_name"] or r["last_name"]) for r in rows}
    assert scripts <= {"Cyrl", "Grek", "Latn"}
    with pytest.raises(ValueError, match="no name material"):
        next(person_rows(1, countries=["XX"]))


def test_children_among_identities() -> None:
    factory = IdentityFactory(random.Random(5))
    people = [factory.new() for _ in range(3000)]
    assert any(p.is_child() for p in people)
    assert all(p.native_name and p.latin_names for p in people[:100])


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**31), st.floats(0.0, 0.9))
def test_any_seed_gives_valid_rows(to_person: ToPerson, seed: int, rate: float) -> None:
    for row in person_rows(40, seed=seed, duplicate_rate=rate):
        to_person(row, None)


def test_only_suspects_leave_the_role_empty(labelled: list[tuple[dict[str, str], str]]) -> None:
    """An empty role imports as suspect: a victim's row must always say victim."""
    factory_roles = {row["role"] for row, _ in labelled}
    assert "" in factory_roles and "victim" in factory_roles
    truth: dict[str, set[str]] = collections.defaultdict(set)
    for row, identity in labelled:
        truth[identity].add(row["role"])
    for roles in truth.values():
        if "" in roles:
            assert roles <= {"", "suspect"}


def test_common_names_are_drawn_more_often_than_rare_ones() -> None:
    """Zipf-like draws: the first names of a list are common, the tail still appears."""
    factory = IdentityFactory(random.Random(3), countries=["DE"])
    people = [factory.new(gender=Gender.MALE) for _ in range(20_000)]
    names = country_names("DE")
    given = collections.Counter(p.given.native for p in people)
    family = collections.Counter(p.family.native for p in people)
    head, tail = names.male[:5], names.male[-5:]
    assert sum(given[n.native] for n in head) > 4 * sum(given[n.native] for n in tail)
    assert family[names.family[0].native] > 5 * family[names.family[-1].native] > 0
    assert len(family) > 0.95 * len(names.family)
    assert len(set(given)) > 0.95 * len(names.male)


def test_an_email_address_belongs_to_one_person() -> None:
    from interlink.synthetic.people import labelled_person_rows

    owners: dict[str, set[str]] = collections.defaultdict(set)
    for row, person in labelled_person_rows(20_000, seed=4):
        if row["email"]:
            owners[row["email"].lower()].add(person)
    assert owners and all(len(people) == 1 for people in owners.values())
