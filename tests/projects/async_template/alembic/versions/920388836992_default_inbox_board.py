"""default inbox board

Revision ID: 920388836992
Revises: 28d2b4694e75
Create Date: 2026-11-28 08:53:46.158648

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '920388836992'
down_revision: Union[str, Sequence[str], None] = '28d2b4694e75'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("INSERT INTO boards (name) VALUES ('Inbox')")
    op.execute(
        "INSERT INTO tasks (board_id, title) "
        "SELECT id, 'Try the new board' FROM boards WHERE name = 'Inbox'"
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM boards WHERE name = 'Inbox'")
