"""Release [0.40.0].

Revision ID: 0.40.0
Revises: 0b06faa59c93
Create Date: 2023-05-25 16:03:17.202406

"""

# revision identifiers, used by Alembic.
revision = "0.40.0"
down_revision = "0b06faa59c93"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
