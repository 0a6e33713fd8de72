"""Release [0.41.0].

Revision ID: 0.41.0
Revises: 0.40.3
Create Date: 2023-07-03 16:37:51.155379

"""

# revision identifiers, used by Alembic.
revision = "0.41.0"
down_revision = "0.40.3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
