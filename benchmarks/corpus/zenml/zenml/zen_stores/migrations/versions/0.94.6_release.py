"""Release [0.94.6].

Revision ID: 0.94.6
Revises: 0.94.5
Create Date: 2026-06-02 07:45:37.786784

"""

# revision identifiers, used by Alembic.
revision = "0.94.6"
down_revision = "0.94.5"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
