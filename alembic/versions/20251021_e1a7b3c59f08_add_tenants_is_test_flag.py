"""add tenants.is_test flag to separate test data from real data

Revision ID: e1a7b3c59f08
Revises: 5b2f8c6e9d47
Create Date: 2025-10-21 10:02:55.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "e1a7b3c59f08"
down_revision = "5b2f8c6e9d47"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tenants", sa.Column("is_test", sa.Boolean(), server_default=sa.text("false"), nullable=False))


def downgrade() -> None:
    op.drop_column("tenants", "is_test")
