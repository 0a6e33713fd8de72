"""Release [0.68.1].

Revision ID: 0.68.1
Revises: 0.68.0
Create Date: 2024-10-28 10:34:17.307663

"""

# revision identifiers, used by Alembic.
revision = "0.68.1"
down_revision = "0.68.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
