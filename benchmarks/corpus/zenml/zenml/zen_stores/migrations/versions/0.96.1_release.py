"""Release [0.96.1].

Revision ID: 0.96.1
Revises: 0.96.0
Create Date: 2026-07-02 18:14:55.905254

"""

# revision identifiers, used by Alembic.
revision = "0.96.1"
down_revision = "0.96.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
