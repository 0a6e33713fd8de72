"""Release [0.44.1].

Revision ID: 0.44.1
Revises: 0.44.0
Create Date: 2023-08-31 13:50:02.954381

"""

# revision identifiers, used by Alembic.
revision = "0.44.1"
down_revision = "0.44.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
