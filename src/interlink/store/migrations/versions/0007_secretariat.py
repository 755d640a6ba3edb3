"""the Secretariat's international database: reported records, hits, notices

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
UUID = sa.String(length=36)
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reported_records",
        sa.Column("record_id", UUID, nullable=False),
        sa.Column("owner", sa.String(length=2), nullable=False),
        sa.Column("origin_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("hit_countries", JSON, nullable=True),
        sa.Column("detail_countries", JSON, nullable=False),
        sa.Column("message_id", UUID, nullable=False),
        sa.Column("reported_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_reported_records")),
        sa.UniqueConstraint("owner", "origin_id", name="uq_reported_records_owner_origin"),
    )
    op.create_table(
        "secretariat_hits",
        sa.Column("id", UUID, nullable=False),
        sa.Column("left_record", UUID, nullable=False),
        sa.Column("right_record", UUID, nullable=False),
        sa.Column("left_owner", sa.String(length=2), nullable=False),
        sa.Column("left_origin", sa.String(length=36), nullable=False),
        sa.Column("right_owner", sa.String(length=2), nullable=False),
        sa.Column("right_origin", sa.String(length=36), nullable=False),
        sa.Column("band", sa.String(length=20), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("closed_reason", sa.String(length=40), nullable=True),
        sa.Column("left_told", sa.Boolean(), nullable=False),
        sa.Column("right_told", sa.Boolean(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.CheckConstraint("left_record < right_record", name="ck_secretariat_hits_pair"),
        sa.CheckConstraint("status IN ('open', 'closed')", name="ck_secretariat_hits_status"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_secretariat_hits")),
        sa.UniqueConstraint("left_record", "right_record", name="uq_secretariat_hits_pair"),
    )
    op.create_index(
        "ix_secretariat_hits_right_record", "secretariat_hits", ["right_record"], unique=False
    )
    op.create_table(
        "hit_notifications",
        sa.Column("hit_id", UUID, nullable=False),
        sa.Column("record_id", UUID, nullable=False),
        sa.Column("other_country", sa.String(length=2), nullable=False),
        sa.Column("other_record", sa.String(length=36), nullable=True),
        sa.Column("band", sa.String(length=20), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("message_id", UUID, nullable=False),
        sa.Column("received_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("read_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("hit_id", name=op.f("pk_hit_notifications")),
    )
    op.create_index(
        "ix_hit_notifications_record_id", "hit_notifications", ["record_id"], unique=False
    )
    op.create_table(
        "notices",
        sa.Column("id", UUID, nullable=False),
        sa.Column("issuer", sa.String(length=2), nullable=False),
        sa.Column("notice_kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("person", JSON, nullable=True),
        sa.Column("message_id", UUID, nullable=True),
        sa.Column("published_at", WHEN, nullable=False),
        sa.Column("cancelled_at", WHEN, nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("read_at", WHEN, nullable=True),
        sa.CheckConstraint("notice_kind IN ('warning', 'locate')", name="ck_notices_kind"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )


def downgrade() -> None:
    op.drop_table("notices")
    op.drop_index("ix_hit_notifications_record_id", table_name="hit_notifications")
    op.drop_table("hit_notifications")
    op.drop_index("ix_secretariat_hits_right_record", table_name="secretariat_hits")
    op.drop_table("secretariat_hits")
    op.drop_table("reported_records")
