"""Release [0.90.0].

Revision ID: 0.90.0
Revises: 0.90.0rc0
Create Date: 2025-10-01 09:58:59.913159

"""

# revision identifiers, used by Alembic.
revision = "0.90.0"
down_revision = "0.90.0rc0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
