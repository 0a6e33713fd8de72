"""Release [0.45.2].

Revision ID: 0.45.2
Revises: 0.45.1
Create Date: 2023-10-16 10:08:00.420601

"""

# revision identifiers, used by Alembic.
revision = "0.45.2"
down_revision = "0.45.1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
