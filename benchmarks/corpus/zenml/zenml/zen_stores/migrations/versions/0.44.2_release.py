"""Release [0.44.2].

Revision ID: 0.44.2
Revises: 0.44.1
Create Date: 2023-09-11 10:03:39.650136

"""

# revision identifiers, used by Alembic.
revision = "0.44.2"
down_revision = "0.44.1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
