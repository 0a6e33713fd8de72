"""Release [0.57.0rc2].

Revision ID: 0.57.0rc2
Revises: 0.57.0rc1
Create Date: 2024-04-30 13:13:47.380816

"""

# revision identifiers, used by Alembic.
revision = "0.57.0rc2"
down_revision = "0.57.0rc1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
