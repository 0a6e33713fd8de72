"""Release [0.96.2].

Revision ID: 0.96.2
Revises: b53125d4536d
Create Date: 2026-07-17 08:06:37.402727

"""

# revision identifiers, used by Alembic.
revision = "0.96.2"
down_revision = "b53125d4536d"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
