"""create events log

Revision ID: 5b2f8c6e9d47
Revises: c7d90e3f4a12
Create Date: 2025-10-15 16:48:10.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "5b2f8c6e9d47"
down_revision = "c7d90e3f4a12"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name="fk_events_tenant_id_tenants"),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_tenant_created", "events", ["tenant_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_events_tenant_created", table_name="events")
    op.drop_table("events")
