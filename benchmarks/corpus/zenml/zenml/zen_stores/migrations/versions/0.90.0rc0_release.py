"""Release [0.90.0rc0].

Revision ID: 0.90.0rc0
Revises: 0d69e308846a
Create Date: 2025-09-26 15:32:53.654204

"""

# revision identifiers, used by Alembic.
revision = "0.90.0rc0"
down_revision = "0d69e308846a"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
