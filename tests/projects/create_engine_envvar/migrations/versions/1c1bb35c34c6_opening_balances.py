"""opening balances

Revision ID: 1c1bb35c34c6
Revises: c6f82eaa11e5
Create Date: 2026-11-28 08:53:53.587838

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '1c1bb35c34c6'
down_revision: Union[str, Sequence[str], None] = 'c6f82eaa11e5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(
        "INSERT INTO customers (tenant_id, name) VALUES (1, 'Acme'), (2, 'Globex')"
    )
    op.execute(
        "INSERT INTO invoices (tenant_id, customer_id, amount_cents) "
        "SELECT tenant_id, id, 0 FROM customers"
    )
    op.execute("UPDATE invoices SET status = 'paid' WHERE amount_cents = 0")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM invoices WHERE amount_cents = 0")
    op.execute("DELETE FROM customers WHERE name IN ('Acme', 'Globex')")
