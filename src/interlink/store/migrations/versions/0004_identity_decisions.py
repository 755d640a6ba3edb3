"""identity decisions: two person records confirmed the same person, or different people

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "identity_decisions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("left_id", sa.String(length=36), nullable=False),
        sa.Column("right_id", sa.String(length=36), nullable=False),
        sa.Column("verdict", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=36), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=36), nullable=True),
        sa.Column("undo_reason", sa.Text(), nullable=True),
        sa.CheckConstraint("left_id <> right_id", name="ck_identity_decisions_pair"),
        sa.CheckConstraint(
            "verdict IN ('same', 'different')", name="ck_identity_decisions_verdict"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_decisions")),
    )
    with op.batch_alter_table("identity_decisions", schema=None) as batch_op:
        batch_op.create_index(
            "ux_identity_decisions_active_pair",
            ["left_id", "right_id"],
            unique=True,
            sqlite_where=sa.text("undone_at IS NULL"),
            postgresql_where=sa.text("undone_at IS NULL"),
        )
        batch_op.create_index("ix_identity_decisions_right_id", ["right_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("identity_decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_identity_decisions_right_id")
        batch_op.drop_index("ux_identity_decisions_active_pair")
    op.drop_table("identity_decisions")
