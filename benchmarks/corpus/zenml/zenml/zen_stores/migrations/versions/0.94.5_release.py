"""Release [0.94.5].

Revision ID: 0.94.5
Revises: b9c4f2e1d3a8
Create Date: 2026-05-29 08:13:22.080048

"""

# revision identifiers, used by Alembic.
revision = "0.94.5"
down_revision = "b9c4f2e1d3a8"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade database schema and/or data, creating a new revision."""
    pass


def downgrade() -> None:
    """Downgrade database schema and/or data back to the previous revision."""
    pass
