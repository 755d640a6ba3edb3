"""match index: written again, since name particles are now dropped only where they lead
into another part and two name parts remain (``identity.names``)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 03:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from interlink.store.match_keys import reindex_stored_persons

    reindex_stored_persons(op.get_bind())


def downgrade() -> None:
    """Nothing in the schema to undo. The keys stay as this revision wrote them; they differ
    from the earlier rule's only for names with particles."""
