"""pattern alerts and their review; addresses indexed as identifiers for the link graph

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 09:00:00.000000
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

JsonType = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "network_alerts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("pattern", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("owning_unit", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("record_ids", JsonType, nullable=False),
        sa.Column("details", JsonType, nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'dismissed', 'resolved')", name="ck_network_alerts_status"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_alerts")),
    )
    op.create_index(
        "ux_network_alerts_pattern_key", "network_alerts", ["pattern", "key"], unique=True
    )
    op.create_index("ix_network_alerts_unit_status", "network_alerts", ["owning_unit", "status"])
    op.create_table(
        "network_alert_reviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("alert_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by_user", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["network_alerts.id"],
            name=op.f("fk_network_alert_reviews_alert_id_network_alerts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_alert_reviews")),
    )
    op.create_index("ix_network_alert_reviews_alert_id", "network_alert_reviews", ["alert_id"])
    op.create_table(
        "network_pattern_settings",
        sa.Column("pattern", sa.String(length=40), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("params", JsonType, nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("pattern", name=op.f("pk_network_pattern_settings")),
    )
    op.create_table(
        "network_state",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_network_state")),
    )
    _index_addresses()


def _index_addresses() -> None:
    """Addresses became identifiers (``domain.registry.identifiers``): index the records
    stored before, as ``store.records`` now does for every write."""
    from interlink.identity.normalize import normalize_identifier

    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, kind, facts FROM records "
            "WHERE kind IN ('person', 'organization', 'address')"
        )
    )
    found: set[tuple[str, str, str]] = set()
    for rid, kind, facts in rows:
        data = json.loads(facts) if isinstance(facts, str) else facts
        texts = [data.get("full") or ""] if kind == "address" else data.get("addresses") or []
        for text in texts:
            value = normalize_identifier("address", str(text))[:200]
            if value:
                found.add(("address", value, rid))
    if found:
        conn.execute(
            sa.text(
                "INSERT INTO identifiers (kind, value, record_id) VALUES (:kind, :value, :rid)"
            ),
            [{"kind": k, "value": v, "rid": r} for k, v, r in sorted(found)],
        )


def downgrade() -> None:
    op.execute("DELETE FROM identifiers WHERE kind = 'address'")
    op.drop_table("network_state")
    op.drop_table("network_pattern_settings")
    op.drop_index("ix_network_alert_reviews_alert_id", table_name="network_alert_reviews")
    op.drop_table("network_alert_reviews")
    op.drop_index("ix_network_alerts_unit_status", table_name="network_alerts")
    op.drop_index("ux_network_alerts_pattern_key", table_name="network_alerts")
    op.drop_table("network_alerts")
