"""Release [0.55.2].

Revision ID: 0.55.2
Revises: 0.55.1
Create Date: 2024-02-06 11:32:02.715174

"""

# revision identifiers, used by Alembic.
revision = "0.55.2"
down_revision = "0.55.1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
