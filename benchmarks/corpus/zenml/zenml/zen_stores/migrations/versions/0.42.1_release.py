"""Release [0.42.1].

Revision ID: 0.42.1
Revises: 0.42.0
Create Date: 2023-07-21 16:01:02.690661

"""

# revision identifiers, used by Alembic.
revision = "0.42.1"
down_revision = "0.42.0"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
