"""Release [0.95.0].

Revision ID: 0.95.0
Revises: c465032f0ec0
Create Date: 2026-06-17 12:33:31.242771

"""

# revision identifiers, used by Alembic.
revision = "0.95.0"
down_revision = "c465032f0ec0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
