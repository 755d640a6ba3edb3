"""victim context, welfare agencies, referrals, risk, case priority

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 09:00:00.000000
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

UUID = sa.String(length=36)


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _at(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "case_assignments",
        sa.Column("case_id", UUID, nullable=False),
        sa.Column("user_id", UUID, nullable=False),
        _at("assigned_at"),
        sa.Column("assigned_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_case_assignments_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "user_id", name="pk_case_assignments"),
    )
    op.create_index("ix_case_assignments_user_id", "case_assignments", ["user_id"])
    op.create_table(
        "victim_profiles",
        sa.Column("record_id", UUID, nullable=False),
        sa.Column("context", _json(), nullable=False),
        sa.Column("risk_level", sa.String(length=10), nullable=False),
        sa.Column("risk_reasons", _json(), nullable=False),
        _at("updated_at"),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_victim_profiles")),
    )
    op.create_index("ix_victim_profiles_risk_level", "victim_profiles", ["risk_level"])
    op.create_table(
        "role_changes",
        sa.Column("id", UUID, nullable=False),
        sa.Column("record_id", UUID, nullable=False),
        sa.Column("from_role", sa.String(length=20), nullable=False),
        sa.Column("to_role", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _at("changed_at"),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_changes")),
    )
    op.create_index("ix_role_changes_record_id", "role_changes", ["record_id"])
    op.create_table(
        "welfare_agencies",
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("services", _json(), nullable=False),
        sa.Column("area", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=500), nullable=False),
        _at("created_at"),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name=op.f("fk_welfare_agencies_unit_code_units")
        ),
        sa.PrimaryKeyConstraint("unit_code", name=op.f("pk_welfare_agencies")),
    )
    op.create_table(
        "referrals",
        sa.Column("id", UUID, nullable=False),
        sa.Column("victim_id", UUID, nullable=False),
        sa.Column("agency_unit", sa.String(length=64), nullable=False),
        sa.Column("owning_unit", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("child", sa.Boolean(), nullable=False),
        sa.Column("consent", sa.String(length=20), nullable=False),
        sa.Column("carries", _json(), nullable=False),
        _at("created_at"),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        _at("state_since"),
        sa.Column("due", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_unit"], ["units.code"], name=op.f("fk_referrals_agency_unit_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    op.create_index("ix_referrals_agency_unit", "referrals", ["agency_unit"])
    op.create_index("ix_referrals_victim_id", "referrals", ["victim_id"])
    op.create_table(
        "referral_events",
        sa.Column("id", UUID, nullable=False),
        sa.Column("referral_id", UUID, nullable=False),
        _at("at"),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("by_unit", sa.String(length=64), nullable=True),
        sa.Column("from_state", sa.String(length=20), nullable=True),
        sa.Column("to_state", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_referral_events_referral_id_referrals"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_events")),
    )
    op.create_index("ix_referral_events_referral_id", "referral_events", ["referral_id"])
    op.create_table(
        "welfare_notifications",
        sa.Column("id", UUID, nullable=False),
        sa.Column("agency_unit", sa.String(length=64), nullable=False),
        _at("at"),
        sa.Column("by_unit", sa.String(length=64), nullable=False),
        sa.Column("summary", _json(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_unit"], ["units.code"], name=op.f("fk_welfare_notifications_agency_unit_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_welfare_notifications")),
    )


def downgrade() -> None:
    op.drop_table("welfare_notifications")
    op.drop_index("ix_referral_events_referral_id", table_name="referral_events")
    op.drop_table("referral_events")
    op.drop_index("ix_referrals_victim_id", table_name="referrals")
    op.drop_index("ix_referrals_agency_unit", table_name="referrals")
    op.drop_table("referrals")
    op.drop_table("welfare_agencies")
    op.drop_index("ix_role_changes_record_id", table_name="role_changes")
    op.drop_table("role_changes")
    op.drop_index("ix_victim_profiles_risk_level", table_name="victim_profiles")
    op.drop_table("victim_profiles")
    op.drop_index("ix_case_assignments_user_id", table_name="case_assignments")
    op.drop_table("case_assignments")
