"""stock the main warehouse

Revision ID: 5e9e3f9d2442
Revises: cb948bfd0b1f
Create Date: 2026-11-28 08:53:43.170748

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5e9e3f9d2442'
down_revision: Union[str, Sequence[str], None] = 'cb948bfd0b1f'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    bind.execute(
        sa.text("INSERT INTO warehouses (code, name) VALUES (:code, :name)"),
        [{"code": "MAIN", "name": "Main warehouse"}, {"code": "EAST", "name": "East depot"}],
    )
    main_id = bind.execute(sa.text("SELECT id FROM warehouses WHERE code = 'MAIN'")).scalar_one()
    bind.execute(
        sa.text("INSERT INTO items (warehouse_id, sku, quantity) VALUES (:w, :sku, :q)"),
        [{"w": main_id, "sku": "BOLT-M6", "q": 500}, {"w": main_id, "sku": "NUT-M6", "q": 450}],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM items WHERE sku IN ('BOLT-M6', 'NUT-M6')")
    op.execute("DELETE FROM warehouses WHERE code IN ('MAIN', 'EAST')")
