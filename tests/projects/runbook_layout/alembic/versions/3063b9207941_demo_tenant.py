"""demo tenant

Revision ID: 3063b9207941
Revises: 3a906cc82a37
Create Date: 2026-11-28 08:53:58.118335

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '3063b9207941'
down_revision: Union[str, Sequence[str], None] = '3a906cc82a37'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("INSERT INTO tenants (slug, name) VALUES ('demo', 'Demo tenant')")
    op.execute(
        "INSERT INTO users (tenant_id, email, role) "
        "SELECT id, 'owner@demo.example', 'owner' FROM tenants WHERE slug = 'demo'"
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM users WHERE email = 'owner@demo.example'")
    op.execute("DELETE FROM tenants WHERE slug = 'demo'")
