"""built-in reports

Revision ID: 066af2b362b7
Revises: 83f5a81e16df
Create Date: 2026-11-28 08:53:56.172601

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '066af2b362b7'
down_revision: Union[str, Sequence[str], None] = '83f5a81e16df'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    reports = sa.table(
        'reports',
        sa.column('tenant_id', sa.Integer),
        sa.column('title', sa.String),
        sa.column('query', sa.String),
    )
    op.bulk_insert(reports, [
        {'tenant_id': 1, 'title': 'Monthly signups', 'query': 'SELECT 1'},
        {'tenant_id': 1, 'title': 'Churned accounts', 'query': 'SELECT 2'},
    ])


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM reports WHERE title IN ('Monthly signups', 'Churned accounts')")
