"""Release [0.55.1].

Revision ID: 0.55.1
Revises: 0.55.0
Create Date: 2024-01-25 14:38:19.277169

"""

# revision identifiers, used by Alembic.
revision = "0.55.1"
down_revision = "0.55.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
