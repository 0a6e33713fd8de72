"""seed site admin and welcome post

Revision ID: d1bd96ca79ad
Revises: 958f6aed9799
Create Date: 2026-11-28 08:53:40.241608

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd1bd96ca79ad'
down_revision: Union[str, Sequence[str], None] = '958f6aed9799'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute(
        "INSERT INTO authors (name, email) VALUES ('Site admin', 'admin@example.com')"
    )
    op.execute(
        "INSERT INTO posts (author_id, title, body, published) "
        "SELECT id, 'Welcome to the blog', 'First post.', true FROM authors "
        "WHERE email = 'admin@example.com'"
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM posts WHERE title = 'Welcome to the blog'")
    op.execute("DELETE FROM authors WHERE email = 'admin@example.com'")
