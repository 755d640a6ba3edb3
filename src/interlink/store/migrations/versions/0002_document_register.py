"""document register

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_register",
        sa.Column("issuing_country", sa.String(length=3), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("reported_date", sa.Date(), nullable=False),
        sa.Column("reporting_agency", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("import_job", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("issuing_country", "number", name="pk_document_register"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("document_register")
