"""task priority

Revision ID: 1fac54111a12
Revises: 920388836992
Create Date: 2026-11-28 08:53:46.775390

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '1fac54111a12'
down_revision: Union[str, Sequence[str], None] = '920388836992'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('tasks', sa.Column('priority', sa.SmallInteger(), server_default='0', nullable=False))
    op.create_check_constraint('ck_tasks_priority_range', 'tasks', 'priority BETWEEN 0 AND 3')
    op.execute("UPDATE tasks SET priority = 2 WHERE title = 'Try the new board'")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint('ck_tasks_priority_range', 'tasks', type_='check')
    op.drop_column('tasks', 'priority')
