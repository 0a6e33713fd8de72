"""index invoices by customer and status; unique customer names per tenant

Revision ID: 7f57d223d37c
Revises: 1c1bb35c34c6
Create Date: 2026-11-28 08:53:54.125699

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7f57d223d37c'
down_revision: Union[str, Sequence[str], None] = '1c1bb35c34c6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index('ix_invoices_customer_id_status', 'invoices', ['customer_id', 'status'])
    op.create_unique_constraint('uq_customers_tenant_name', 'customers', ['tenant_id', 'name'])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint('uq_customers_tenant_name', 'customers', type_='unique')
    op.drop_index('ix_invoices_customer_id_status', table_name='invoices')
