"""match index: the keys and features of online identity search, for persons stored before

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 09:00:00.000000
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    op.create_table(
        "match_features",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("features", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_match_features"),
    )
    _index_stored_persons()


def _index_stored_persons() -> None:
    """Write the ``match`` identifiers and the features (``identity.index``) of every
    person stored before this revision."""
    from interlink.domain.model import Person
    from interlink.identity.index import KIND, person_index

    conn = op.get_bind()
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


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM identifiers WHERE kind = 'match'"))
    op.drop_table("match_features")
