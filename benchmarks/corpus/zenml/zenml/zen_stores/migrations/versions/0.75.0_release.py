"""Release [0.75.0].

Revision ID: 0.75.0
Revises: 0.74.0
Create Date: 2025-02-26 11:05:32.891837

"""

# revision identifiers, used by Alembic.
revision = "0.75.0"
down_revision = "0.74.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
