"""Release [0.96.4].

Revision ID: 0.96.4
Revises: d91e2f4a6b3c
Create Date: 2026-09-04 10:27:12.955820

"""

# revision identifiers, used by Alembic.
revision = "0.96.4"
down_revision = "d91e2f4a6b3c"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
