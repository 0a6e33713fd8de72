"""unique email per tenant, sync runs by connector

Revision ID: 23126570c5f3
Revises: 3063b9207941
Create Date: 2026-11-28 08:53:58.575607

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '23126570c5f3'
down_revision: Union[str, Sequence[str], None] = '3063b9207941'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_unique_constraint('uq_users_tenant_email', 'users', ['tenant_id', 'email'])
    op.create_index('ix_sync_runs_connector_id_started_at', 'sync_runs', ['connector_id', 'started_at'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_sync_runs_connector_id_started_at', table_name='sync_runs')
    op.drop_constraint('uq_users_tenant_email', 'users', type_='unique')
