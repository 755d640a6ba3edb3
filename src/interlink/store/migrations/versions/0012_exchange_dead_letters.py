"""exchange: dead letters (messages a node accepted but can never process)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_dead_letters",
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("sender", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("error_id", sa.String(length=40), nullable=False),
        sa.Column("error", sa.String(length=200), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("envelope", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_exchange_dead_letters")),
    )
    op.create_index("ix_exchange_dead_letters_at", "exchange_dead_letters", ["at"])


def downgrade() -> None:
    op.drop_index("ix_exchange_dead_letters_at", table_name="exchange_dead_letters")
    op.drop_table("exchange_dead_letters")
