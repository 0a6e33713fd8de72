"""Release [0.96.0].

Revision ID: 0.96.0
Revises: c033e0f0f0d0
Create Date: 2026-07-02 10:00:38.963790

"""

# revision identifiers, used by Alembic.
revision = "0.96.0"
down_revision = "c033e0f0f0d0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
