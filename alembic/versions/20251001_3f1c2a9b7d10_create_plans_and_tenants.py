"""create plans and tenants

Revision ID: 3f1c2a9b7d10
Revises:
Create Date: 2025-10-01 09:12:44.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "3f1c2a9b7d10"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("max_users", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_plans"),
    )
    op.create_table(
        "tenants",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("plan_code", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["plan_code"], ["plans.code"], name="fk_tenants_plan_code_plans"),
        sa.PrimaryKeyConstraint("id", name="pk_tenants"),
        sa.UniqueConstraint("name", name="uq_tenants_name"),
    )


def downgrade() -> None:
    op.drop_table("tenants")
    op.drop_table("plans")
