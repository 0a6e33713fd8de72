"""Release [0.45.6].

Revision ID: 0.45.6
Revises: 0.45.5
Create Date: 2023-10-30 22:59:55.705885

"""

# revision identifiers, used by Alembic.
revision = "0.45.6"
down_revision = "0.45.5"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
