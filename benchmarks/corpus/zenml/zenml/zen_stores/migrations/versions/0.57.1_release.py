"""Release [0.57.1].

Revision ID: 0.57.1
Revises: 0.57.0
Create Date: 2024-05-13 15:23:04.497158

"""

# revision identifiers, used by Alembic.
revision = "0.57.1"
down_revision = "0.57.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
