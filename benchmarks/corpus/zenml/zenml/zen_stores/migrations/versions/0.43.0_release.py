"""Release [0.43.0].

Revision ID: 0.43.0
Revises: 0.42.1
Create Date: 2023-08-15 10:07:39.630284

"""

# revision identifiers, used by Alembic.
revision = "0.43.0"
down_revision = "0.42.1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
