"""Release [0.94.0rc0].

Revision ID: 0.94.0rc0
Revises: bf4203afb657
Create Date: 2026-03-03 13:06:51.140627

"""

# revision identifiers, used by Alembic.
revision = "0.94.0rc0"
down_revision = "bf4203afb657"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
