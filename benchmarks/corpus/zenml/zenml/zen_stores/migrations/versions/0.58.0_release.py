"""Release [0.58.0].

Revision ID: 0.58.0
Revises: 0.57.1
Create Date: 2024-05-27 15:22:16.565094

"""

# revision identifiers, used by Alembic.
revision = "0.58.0"
down_revision = "0.57.1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
