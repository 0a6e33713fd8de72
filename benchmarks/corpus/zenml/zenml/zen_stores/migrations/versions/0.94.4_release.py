"""Release [0.94.4].

Revision ID: 0.94.4
Revises: c2f8d07a91b4
Create Date: 2026-05-12 10:05:32.105970

"""

# revision identifiers, used by Alembic.
revision = "0.94.4"
down_revision = "c2f8d07a91b4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
