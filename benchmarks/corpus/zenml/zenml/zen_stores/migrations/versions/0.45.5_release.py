"""Release [0.45.5].

Revision ID: 0.45.5
Revises: 0.45.4
Create Date: 2023-10-24 13:14:52.090249

"""

# revision identifiers, used by Alembic.
revision = "0.45.5"
down_revision = "0.45.4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
