"""Release [0.94.3].

Revision ID: 0.94.3
Revises: 9306debdfe0c
Create Date: 2026-04-24 09:47:23.286923

"""

# revision identifiers, used by Alembic.
revision = "0.94.3"
down_revision = "9306debdfe0c"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
