"""add post slug

Revision ID: 35f935e3d63a
Revises: 481065558b1b
Create Date: 2026-11-28 08:53:41.426625

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '35f935e3d63a'
down_revision: Union[str, Sequence[str], None] = '481065558b1b'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('posts', sa.Column('slug', sa.String(length=200), nullable=True))
    op.execute("UPDATE posts SET slug = lower(replace(title, ' ', '-')) WHERE slug IS NULL")
    op.create_index('ix_posts_slug', 'posts', ['slug'], unique=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_posts_slug', table_name='posts')
    op.drop_column('posts', 'slug')
