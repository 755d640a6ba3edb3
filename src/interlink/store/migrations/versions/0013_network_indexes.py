"""network: records by change time, and the records each alert names

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 20:00:00.000000
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_updated_at", "records", ["updated_at"])
    op.create_table(
        "network_alert_records",
        sa.Column("alert_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["network_alerts.id"],
            name=op.f("fk_network_alert_records_alert_id_network_alerts"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ux_network_alert_records_alert_record",
        "network_alert_records",
        ["alert_id", "record_id"],
        unique=True,
    )
    op.create_index("ix_network_alert_records_record_id", "network_alert_records", ["record_id"])
    _fill()


def _fill() -> None:
    """The records of the alerts raised before this migration."""
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, record_ids FROM network_alerts")).all()
    pairs = []
    for alert_id, record_ids in rows:
        ids = json.loads(record_ids) if isinstance(record_ids, str) else record_ids
        pairs += [{"a": alert_id, "r": str(r)} for r in sorted(set(ids))]
    if pairs:
        conn.execute(
            sa.text("INSERT INTO network_alert_records (alert_id, record_id) VALUES (:a, :r)"),
            pairs,
        )


def downgrade() -> None:
    op.drop_index("ix_network_alert_records_record_id", table_name="network_alert_records")
    op.drop_index("ux_network_alert_records_alert_record", table_name="network_alert_records")
    op.drop_table("network_alert_records")
    op.drop_index("ix_records_updated_at", table_name="records")
