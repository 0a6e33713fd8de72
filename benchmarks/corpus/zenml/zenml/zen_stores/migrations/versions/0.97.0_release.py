"""Release [0.97.0].

Revision ID: 0.97.0
Revises: 9f2b8c7d6e5a
Create Date: 2026-09-21 14:43:06.035350

"""

# revision identifiers, used by Alembic.
revision = "0.97.0"
down_revision = "9f2b8c7d6e5a"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
