"""welcome note for the first user

Revision ID: f226bad19de6
Revises: a2e9865af0ba
Create Date: 2026-11-28 08:53:50.478215

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f226bad19de6'
down_revision = 'a2e9865af0ba'
branch_labels = None
depends_on = None


def upgrade():
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('username', sa.String),
                     sa.column('email', sa.String))
    op.bulk_insert(users, [{'id': 1, 'username': 'admin', 'email': 'admin@example.com'}])
    op.execute("SELECT setval(pg_get_serial_sequence('users', 'id'), 1)")
    op.execute(
        "INSERT INTO notes (user_id, body, created_at) VALUES (1, 'Welcome to Notes', now())"
    )


def downgrade():
    op.execute("DELETE FROM notes WHERE body = 'Welcome to Notes'")
    op.execute("DELETE FROM users WHERE username = 'admin'")
