"""Release [0.94.2].

Revision ID: 0.94.2
Revises: 0.94.1
Create Date: 2026-04-08 08:48:51.827046

"""

# revision identifiers, used by Alembic.
revision = "0.94.2"
down_revision = "0.94.1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
