"""Writing the online-search index of every stored person again, for the migrations that
change how it is made (`identity.index`): its keys follow the name's normalized parts, so a
change to `identity.names` leaves stored keys that queries no longer make."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

_BATCH = 5000


def index_stored_persons(conn: Connection) -> None:
    """Write the ``match`` identifiers and the features of every stored person, where none
    are written yet (`reindex_stored_persons` removes them first)."""
    from interlink.domain.model import Person
    from interlink.identity.index import KIND, person_index

    identifiers = sa.table(
        "identifiers", sa.column("kind"), sa.column("value"), sa.column("record_id")
    )
    features_table = sa.table("match_features", sa.column("record_id"), sa.column("features"))
    rows = conn.execute(sa.text("SELECT id, facts FROM records WHERE kind = 'person'")).all()
    for start in range(0, len(rows), _BATCH):
        keys: list[dict[str, Any]] = []
        features: list[dict[str, Any]] = []
        for record_id, facts in rows[start : start + _BATCH]:
            person = Person.model_validate(json.loads(facts) if isinstance(facts, str) else facts)
            found, feature_json = person_index(person)
            keys += [{"kind": KIND, "value": k, "record_id": record_id} for k in found]
            if feature_json:
                features.append({"record_id": record_id, "features": feature_json})
        if keys:
            conn.execute(sa.insert(identifiers), keys)
        if features:
            conn.execute(sa.insert(features_table), features)


def reindex_stored_persons(conn: Connection) -> None:
    """Remove every person's search keys and features and write them again."""
    conn.execute(sa.text("DELETE FROM identifiers WHERE kind = 'match'"))
    conn.execute(sa.text("DELETE FROM match_features"))
    index_stored_persons(conn)
