"""match index: the keys and features of online identity search, for persons stored before

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "match_features",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("features", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_match_features"),
    )
    from interlink.store.match_keys import index_stored_persons

    index_stored_persons(op.get_bind())


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM identifiers WHERE kind = 'match'"))
    op.drop_table("match_features")
