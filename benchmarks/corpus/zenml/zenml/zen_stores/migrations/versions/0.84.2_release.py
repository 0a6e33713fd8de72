"""Release [0.84.2].

Revision ID: 0.84.2
Revises: 0.84.1
Create Date: 2025-08-06 07:52:42.915891

"""

# revision identifiers, used by Alembic.
revision = "0.84.2"
down_revision = "0.84.1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
