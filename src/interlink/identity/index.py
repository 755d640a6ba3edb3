"""The index keys that make a stored person a candidate for online search.

A person is written with one key per blocking rule of the model (``model.BLOCKING_COLUMNS``)
that it has values for, and one per name part (so that a query with a name alone, in
another spelling, still finds the record by its shared parts). The keys live in the
``identifiers`` table with kind ``match``, written and removed with the record by
``store.records`` in the same transaction: search is current the moment an import commits.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from interlink.domain import model as domain
from interlink.identity.model import blocking_keys
from interlink.identity.prepare import NAME_FORMS, PREPARED_COLUMNS, person_variants

KIND = "match"
# What a stored variant keeps for scoring (the blocking-only columns are in its keys).
FEATURE_COLUMNS = tuple(
    c for c in PREPARED_COLUMNS if c not in ("unique_id", "tok_a", "tok_b", "skel_a", "skel_b")
)
SET_COLUMNS = tuple(c for c in NAME_FORMS if c in ("name_tokens", "name_joined", "name_skels"))
FORMAT = 1
MAX_KEY = 200  # the identifiers.value column
NAME_PART = "token"  # the key of one name part: token|<part>


def token_keys(side: Mapping[str, Any]) -> set[str]:
    return {f"{NAME_PART}|{t}" for t in side["name_tokens"]}


def keys_of(sides: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every index key of these prepared variants of one person."""
    keys: set[str] = set()
    for side in sides:
        keys |= blocking_keys(side) | token_keys(side)
    return {k[:MAX_KEY] for k in keys}


def person_index(facts: domain.Facts) -> tuple[set[str], str | None]:
    """A record's index keys and its features (JSON); none for a record not a person."""
    if not isinstance(facts, domain.Person):
        return set(), None
    variants = person_variants(facts)
    if not variants:
        return set(), None
    rows = [[v[c] for c in FEATURE_COLUMNS] for v in variants]
    features = json.dumps({"v": FORMAT, "rows": rows}, ensure_ascii=False, separators=(",", ":"))
    return keys_of(variants), features


def person_keys(facts: domain.Facts) -> set[str]:
    """The index keys of a record: a person's, none for any other kind."""
    return person_index(facts)[0]


def scoring_form(side: Mapping[str, Any]) -> dict[str, Any]:
    """A prepared variant as the model compares it fastest: list columns as sets."""
    out = dict(side)
    for column in SET_COLUMNS:
        out[column] = frozenset(out[column])
    return out


def load_features(text: str) -> list[dict[str, Any]]:
    """The stored variants of a person, in ``scoring_form``."""
    data = json.loads(text)
    if data.get("v") != FORMAT:
        raise ValueError(f"match features in format {data.get('v')}, expected {FORMAT}")
    return [scoring_form(dict(zip(FEATURE_COLUMNS, row, strict=True))) for row in data["rows"]]
