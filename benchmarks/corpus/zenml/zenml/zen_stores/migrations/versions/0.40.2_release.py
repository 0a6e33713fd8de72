"""Release [0.40.2].

Revision ID: 0.40.2
Revises: 0.40.1
Create Date: 2023-06-05 17:18:54.108542

"""

# revision identifiers, used by Alembic.
revision = "0.40.2"
down_revision = "0.40.1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
