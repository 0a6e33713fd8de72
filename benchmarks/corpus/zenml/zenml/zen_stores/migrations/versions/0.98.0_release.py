"""Release [0.98.0].

Revision ID: 0.98.0
Revises: c7d4e8a2b5f1
Create Date: 2026-10-13 12:53:11.253293

"""

# revision identifiers, used by Alembic.
revision = "0.98.0"
down_revision = "c7d4e8a2b5f1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
