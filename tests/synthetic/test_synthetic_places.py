"""Country tables: every phone prefix yields valid numbers, every value parses."""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest

from interlink.domain.values import parse_country, parse_phone
from interlink.synthetic import COUNTRIES, profile


@pytest.mark.parametrize("country", COUNTRIES)
def test_generated_mobile_numbers_are_valid_in_every_written_form(country: str) -> None:
    rand = random.Random(country).random
    place = profile(country)
    for _ in range(300):
        phone = place.phone(rand)
        number = phonenumbers.parse(phone.e164)
        assert phonenumbers.is_valid_number(number), phone
        assert phonenumbers.region_code_for_number(number) == country
        assert re.fullmatch(r"\+[1-9]\d{1,14}", phone.e164)
        assert parse_phone(phone.international) == phone.e164
        assert parse_phone(phone.national, country) == phone.e164


@pytest.mark.parametrize("country", COUNTRIES)
def test_nationality_forms_parse_back_to_the_country(country: str) -> None:
    place = profile(country)
    for text in (country, place.alpha3, place.name, place.name.upper()):
        assert parse_country(text) == country


@pytest.mark.parametrize("country", COUNTRIES)
def test_documents_and_addresses_look_right(country: str) -> None:
    rand = random.Random(country).random
    place = profile(country)
    for _ in range(50):
        number = place.document(rand)
        assert 6 <= len(number) <= 12 and number == number.strip()
        assert re.fullmatch(r"[A-Z0-9 ]+", number), number
        address = place.address(rand)
        assert address.full and len(address.full) <= 500
        assert "{" not in address.full and not address.full.endswith(",")
        assert address.city in address.full
        assert address.country == country
    assert place.cities and place.streets and place.crossing_points and place.legal_forms
