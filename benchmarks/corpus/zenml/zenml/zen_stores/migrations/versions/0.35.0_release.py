"""Release [0.35.0].

Revision ID: 0.35.0
Revises: 623a234c11f5
Create Date: 2023-03-06 11:34:04.593677

"""

# revision identifiers, used by Alembic.
revision = "0.35.0"
down_revision = "623a234c11f5"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
