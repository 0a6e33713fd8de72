"""Release [0.96.3].

Revision ID: 0.96.3
Revises: 0.96.2
Create Date: 2026-08-06 08:25:11.500163

"""

# revision identifiers, used by Alembic.
revision = "0.96.3"
down_revision = "0.96.2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
