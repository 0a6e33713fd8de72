"""Demo data: only ever in the embedded database, idempotent, spread unevenly over tenants."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsconsole import db
from opsconsole.demo import seed
from opsconsole.errors import OpsConsoleError
from opsconsole.settings import load_settings
from opsconsole.alembic_env import upgrade

ROOT = Path(__file__).resolve().parents[1]


def test_refuses_any_database_but_the_embedded_one(settings) -> None:
    upgrade(settings, by="t")
    with pytest.raises(OpsConsoleError, match="only seeded into the embedded"):
        seed(settings)
    with db.read_only(settings) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM tenants").scalar() == 0


def test_embedded_seed_is_idempotent_and_uneven(tmp_path) -> None:
    s = load_settings(env={"OPSCONSOLE_HOME": str(tmp_path / "oc"),
                           "OPSCONSOLE_ALEMBIC_INI": str(ROOT / "alembic.ini")}, secrets={}, base_dir=ROOT)
    assert s.embedded
    try:
        upgrade(s, by="demo")
        first = seed(s)
        second = seed(s)
        assert first.inserted and not second.inserted
        assert first.rows == second.rows
        assert first.rows["tenants"] == 9 and first.rows["events"] == 3000 and first.rows["users"] == 400
        with db.read_only(s) as conn:
            per_tenant = dict(conn.exec_driver_sql(
                "SELECT tenant_id, count(*) FROM events GROUP BY tenant_id").all())
            tests = conn.exec_driver_sql("SELECT count(*) FROM tenants WHERE is_test").scalar()
        assert tests == 3
        assert len(per_tenant) >= 8 and max(per_tenant.values()) > 5 * min(per_tenant.values())
    finally:
        db.dispose_engines()
