"""exchange between nodes: keys, node directory, messages, outbox, inbox, receipts, refusals

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "exchange_nodes",
        sa.Column("id", sa.String(length=8), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("signing_key", sa.String(length=64), nullable=False),
        sa.Column("encryption_key", sa.String(length=64), nullable=False),
        sa.Column("added_at", _utc(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_nodes")),
    )
    op.create_table(
        "exchange_messages",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("sender", sa.String(length=8), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("created", _utc(), nullable=False),
        sa.Column("handling_code", sa.String(length=2), nullable=False),
        sa.Column("restrictions", sa.Text(), nullable=True),
        sa.Column("in_reply_to", sa.String(length=36), nullable=True),
        sa.Column("subject", sa.String(length=500), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("packet", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=True),
        sa.Column("received_at", _utc(), nullable=True),
        sa.Column("last_sent", _utc(), nullable=True),
        sa.Column("read_at", _utc(), nullable=True),
        sa.Column("read_by", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "direction IN ('in', 'out')", name=op.f("ck_exchange_messages_direction")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_messages")),
    )
    op.create_index(
        "ix_exchange_messages_direction_kind_created",
        "exchange_messages",
        ["direction", "kind", "created"],
    )
    op.create_index("ix_exchange_messages_in_reply_to", "exchange_messages", ["in_reply_to"])
    op.create_table(
        "exchange_outbox",
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("recipient", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _utc(), nullable=False),
        sa.Column("lease_until", _utc(), nullable=True),
        sa.Column("leased_by", sa.String(length=64), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.Column("delivered_at", _utc(), nullable=True),
        sa.Column("received_at", _utc(), nullable=True),
        sa.Column("read_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("message_id", "recipient", name=op.f("pk_exchange_outbox")),
    )
    op.create_index(
        "ix_exchange_outbox_status_next_attempt_at",
        "exchange_outbox",
        ["status", "next_attempt_at"],
    )
    op.create_table(
        "exchange_refusals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("claimed_sender", sa.String(length=8), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=True),
        sa.Column("remote_addr", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_refusals")),
    )
    op.create_index("ix_exchange_refusals_at", "exchange_refusals", ["at"])
    op.create_table(
        "exchange_shared",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("recipient", sa.String(length=8), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("as_suspect", sa.Boolean(), nullable=False),
        sa.Column("sent_at", _utc(), nullable=False),
        sa.Column("withdrawn_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint(
            "record_id", "recipient", "message_id", name=op.f("pk_exchange_shared")
        ),
    )
    op.create_index("ix_records_origin_node_origin_id", "records", ["origin_node", "origin_id"])


def downgrade() -> None:
    op.drop_index("ix_records_origin_node_origin_id", table_name="records")
    op.drop_table("exchange_shared")
    op.drop_index("ix_exchange_refusals_at", table_name="exchange_refusals")
    op.drop_table("exchange_refusals")
    op.drop_index("ix_exchange_outbox_status_next_attempt_at", table_name="exchange_outbox")
    op.drop_table("exchange_outbox")
    op.drop_index("ix_exchange_messages_in_reply_to", table_name="exchange_messages")
    op.drop_index("ix_exchange_messages_direction_kind_created", table_name="exchange_messages")
    op.drop_table("exchange_messages")
    op.drop_table("exchange_nodes")
