"""Release [0.58.1].

Revision ID: 0.58.1
Revises: 0.58.0
Create Date: 2024-06-06 12:49:10.783249

"""

# revision identifiers, used by Alembic.
revision = "0.58.1"
down_revision = "0.58.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
