"""create metrics

Revision ID: 93485cbb65da
Revises: 901cf15404f6
Create Date: 2026-11-28 08:54:00.616244

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '93485cbb65da'
down_revision: Union[str, Sequence[str], None] = '901cf15404f6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "metrics",
        sa.Column("key", sa.String(length=250), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("timestamp", sa.BigInteger(), nullable=False),
        sa.Column("step", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("run_uuid", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["run_uuid"], ["runs.run_uuid"]),
        sa.PrimaryKeyConstraint("key", "timestamp", "step", "run_uuid", name="metric_pk"),
    )
    op.create_index("index_metrics_run_uuid", "metrics", ["run_uuid"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("index_metrics_run_uuid", table_name="metrics")
    op.drop_table("metrics")
