"""Release [0.82.1].

Revision ID: 0.82.1
Revises: 0.82.0
Create Date: 2025-05-14 07:47:30.641830

"""

# revision identifiers, used by Alembic.
revision = "0.82.1"
down_revision = "0.82.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
