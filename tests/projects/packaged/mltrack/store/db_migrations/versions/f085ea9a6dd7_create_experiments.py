"""create experiments

Revision ID: f085ea9a6dd7
Revises: 
Create Date: 2026-11-28 08:53:59.648441

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f085ea9a6dd7'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    experiments = op.create_table(
        "experiments",
        sa.Column("experiment_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("lifecycle_stage", sa.String(length=32), server_default="active", nullable=False),
        sa.PrimaryKeyConstraint("experiment_id", name="experiment_pk"),
        sa.UniqueConstraint("name"),
    )
    op.bulk_insert(experiments, [{"experiment_id": 0, "name": "Default", "lifecycle_stage": "active"}])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("experiments")
