"""Release [0.84.3].

Revision ID: 0.84.3
Revises: 0.84.2
Create Date: 2025-08-27 08:07:15.302516

"""

# revision identifiers, used by Alembic.
revision = "0.84.3"
down_revision = "0.84.2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
