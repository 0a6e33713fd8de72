"""Release [0.72.0].

Revision ID: 0.72.0
Revises: a1237ba94fd8
Create Date: 2025-01-10 13:28:34.773707

"""

# revision identifiers, used by Alembic.
revision = "0.72.0"
down_revision = "a1237ba94fd8"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
