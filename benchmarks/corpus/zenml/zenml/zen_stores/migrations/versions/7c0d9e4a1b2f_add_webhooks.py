#  Copyright (c) ZenML GmbH 2026. All Rights Reserved.
#
#  Licensed under the Apache License, Version 2.0 (the "License");
#  you may not use this file except in compliance with the License.
#  You may obtain a copy of the License at:
#
#       https://www.apache.org/licenses/LICENSE-2.0
#
#  Unless required by applicable law or agreed to in writing, software
#  distributed under the License is distributed on an "AS IS" BASIS,
#  WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express
#  or implied. See the License for the specific language governing
#  permissions and limitations under the License.
"""Add webhooks and webhook triggers [7c0d9e4a1b2f].

Revision ID: 7c0d9e4a1b2f
Revises: 0.96.3
Create Date: 2026-07-07

"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "7c0d9e4a1b2f"
down_revision = "0.96.3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create webhooks and associate webhook triggers."""
    op.create_table(
        "webhook",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("secret_id", sa.Uuid(), nullable=False),
        sa.Column(
            "webhook_type", sqlmodel.sql.sqltypes.AutoString(), nullable=False
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name="fk_webhook_project_id_project",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name="fk_webhook_user_id_user",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["secret_id"],
            ["secret.id"],
            name="fk_webhook_secret_id_secret",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "project_id",
            "name",
            name="unique_webhook_name_in_project",
        ),
    )
    op.create_index(
        "ix_webhook_webhook_type",
        "webhook",
        ["webhook_type"],
        unique=False,
    )
    op.create_table(
        "webhook_stats",
        sa.Column("webhook_id", sa.Uuid(), nullable=False),
        sa.Column(
            "received_count", sa.Integer(), nullable=False, server_default="0"
        ),
        sa.Column(
            "accepted_count", sa.Integer(), nullable=False, server_default="0"
        ),
        sa.Column(
            "auth_failed_count",
            sa.Integer(),
            nullable=False,
            server_default="0",
        ),
        sa.Column(
            "invalid_payload_count",
            sa.Integer(),
            nullable=False,
            server_default="0",
        ),
        sa.Column("last_received_at", sa.DateTime(), nullable=True),
        sa.Column("last_accepted_at", sa.DateTime(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(), nullable=True),
        sa.Column("last_error_summary", sa.TEXT(), nullable=True),
        sa.ForeignKeyConstraint(
            ["webhook_id"],
            ["webhook.id"],
            name=("fk_webhook_stats_webhook_id_webhook"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("webhook_id"),
    )
    with op.batch_alter_table("trigger", schema=None) as batch_op:
        batch_op.add_column(sa.Column("webhook_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            "fk_trigger_webhook_id_webhook",
            "webhook",
            ["webhook_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(
            "ix_trigger_type_webhook_id",
            ["type", "webhook_id"],
            unique=False,
        )


def downgrade() -> None:
    """Remove webhooks and their trigger association."""
    with op.batch_alter_table("trigger", schema=None) as batch_op:
        batch_op.drop_index("ix_trigger_type_webhook_id")
        batch_op.drop_constraint(
            "fk_trigger_webhook_id_webhook",
            type_="foreignkey",
        )
        batch_op.drop_column("webhook_id")
    op.drop_table("webhook_stats")
    op.drop_index(
        "ix_webhook_webhook_type",
        table_name="webhook",
    )
    op.drop_table("webhook")
