"""one sku per warehouse, no negative stock

Revision ID: 0afccfddbcb2
Revises: 5e9e3f9d2442
Create Date: 2026-11-28 08:53:43.819645

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0afccfddbcb2'
down_revision: Union[str, Sequence[str], None] = '5e9e3f9d2442'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_unique_constraint('uq_items_warehouse_sku', 'items', ['warehouse_id', 'sku'])
    op.create_check_constraint('ck_items_quantity_nonnegative', 'items', 'quantity >= 0')


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint('ck_items_quantity_nonnegative', 'items', type_='check')
    op.drop_constraint('uq_items_warehouse_sku', 'items', type_='unique')
