"""Release [0.81.0].

Revision ID: 0.81.0
Revises: ff538a321a92
Create Date: 2025-04-15 13:02:07.885988

"""

# revision identifiers, used by Alembic.
revision = "0.81.0"
down_revision = "ff538a321a92"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
