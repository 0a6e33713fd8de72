"""add users.last_login_at

Revision ID: 9d3e5f7a1b26
Revises: e1a7b3c59f08
Create Date: 2025-11-04 08:41:19.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "9d3e5f7a1b26"
down_revision = "e1a7b3c59f08"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "last_login_at")
