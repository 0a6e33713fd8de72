"""Release [0.57.0rc1].

Revision ID: 0.57.0rc1
Revises: 46506f72f0ed
Create Date: 2024-04-29 17:32:59.582096

"""

# revision identifiers, used by Alembic.
revision = "0.57.0rc1"
down_revision = "46506f72f0ed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
