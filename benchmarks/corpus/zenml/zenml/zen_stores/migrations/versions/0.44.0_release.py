"""Release [0.44.0].

Revision ID: 0.44.0
Revises: e1d66d91a099
Create Date: 2023-08-28 16:44:39.678447

"""

# revision identifiers, used by Alembic.
revision = "0.44.0"
down_revision = "e1d66d91a099"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
