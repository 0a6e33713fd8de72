"""SQLAlchemy models of the multi-tenant application schema that opsconsole manages.

Split over two modules as the runbook's application is (`app/models.py`,
`aam_hybrid/shared/models.py`): `core` holds tenants, plans and users; `content` holds projects,
documents and events. Alembic's `env.py` compares the live database against `metadata`.
"""

from __future__ import annotations

from models.base import Base
from models import content, core

metadata = Base.metadata

__all__ = ["Base", "content", "core", "metadata"]
