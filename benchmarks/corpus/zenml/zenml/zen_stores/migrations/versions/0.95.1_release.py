"""Release [0.95.1].

Revision ID: 0.95.1
Revises: 0.95.0
Create Date: 2026-06-18 11:25:04.874689

"""

# revision identifiers, used by Alembic.
revision = "0.95.1"
down_revision = "0.95.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
