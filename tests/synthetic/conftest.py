"""Shared helpers for the synthetic-data tests: turning an import row into model facts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from interlink.domain import model
from interlink.synthetic import DemoRecord, demo_world


def row_to_person(row: dict[str, str], region: str | None) -> model.Person:
    """The Person an importer would make of a row; raises if any value is invalid."""
    name: dict[str, Any] = {
        "full": row["full_name"] or None,
        "given": row["first_name"] or None,
        "middle": row["middle_name"] or None,
        "family": row["last_name"] or None,
    }
    data: dict[str, Any] = {
        "names": [name],
        "gender": row["gender"] or "unknown",
        "birth_date": row["date_of_birth"] or None,
        "birth_place": row["place_of_birth"] or None,
        "nationalities": [row["nationality"]] if row["nationality"] else [],
        "document_numbers": [row["document_number"]] if row["document_number"] else [],
        "phones": [row["phone"]] if row["phone"] else [],
        "emails": [row["email"]] if row["email"] else [],
        "addresses": [row["address"]] if row["address"] else [],
        "categories": [row["category"]] if row["category"] else [],
    }
    if row["role"]:
        data["role"] = row["role"]
    return model.Person.model_validate(data, context={"phone_region": region})


@pytest.fixture(scope="session")
def world() -> list[DemoRecord]:
    return list(demo_world())


ToPerson = Callable[[dict[str, str], str | None], model.Person]


@pytest.fixture(scope="session")
def to_person() -> ToPerson:
    return row_to_person
