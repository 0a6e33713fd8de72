"""create runs

Revision ID: 901cf15404f6
Revises: f085ea9a6dd7
Create Date: 2026-11-28 08:54:00.146220

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '901cf15404f6'
down_revision: Union[str, Sequence[str], None] = 'f085ea9a6dd7'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "runs",
        sa.Column("run_uuid", sa.String(length=32), nullable=False),
        sa.Column("experiment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="RUNNING", nullable=False),
        sa.Column("start_time", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["experiment_id"], ["experiments.experiment_id"]),
        sa.PrimaryKeyConstraint("run_uuid", name="run_pk"),
    )
    with op.batch_alter_table("runs") as batch_op:
        batch_op.create_check_constraint(
            "ck_runs_status", "status IN ('RUNNING', 'FINISHED', 'FAILED', 'KILLED')"
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("runs")
