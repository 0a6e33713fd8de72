"""mark finished runs

Revision ID: bdcaaa6b35f7
Revises: 93485cbb65da
Create Date: 2026-11-28 08:54:01.046154

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'bdcaaa6b35f7'
down_revision: Union[str, Sequence[str], None] = '93485cbb65da'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    bind.execute(sa.text(
        "INSERT INTO runs (run_uuid, experiment_id, status, start_time) "
        "VALUES ('0123456789abcdef0123456789abcdef', 0, 'RUNNING', 0)"
    ))
    bind.execute(sa.text("UPDATE runs SET status = 'FINISHED' WHERE start_time = 0"))


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM runs WHERE run_uuid = '0123456789abcdef0123456789abcdef'")
