"""Keep what a migration deletes: a copy of the data at risk, taken inside the step's own transaction.

    store.py    the backup schema (opsconsole_backup) and the catalogue (opsconsole.backups)
    plan.py     size first: what each pending data-loss revision will copy, against the limit
    take.py     the StepLog.on_begin hook that copies, so a backup exists iff its step committed
    manage.py   list, per-tenant losses, CSV download, delete (under the upgrade lock, audited)
    restore.py  put the data back in SQL (exact), under the upgrade lock, audited
"""

from .manage import backup_csv, delete_backup, list_backups, tenant_losses
from .plan import BackupPlan, Copy, human, plan, plan_for_upgrade, size_note
from .restore import RestoreResult, restore
from .store import BACKUP_SCHEMA, Backup, BackupError
from .take import Taker, prepare

__all__ = [
    "BACKUP_SCHEMA", "Backup", "BackupError", "BackupPlan", "Copy", "RestoreResult", "Taker", "backup_csv",
    "delete_backup", "human", "list_backups", "plan", "plan_for_upgrade", "prepare", "restore", "size_note", "tenant_losses",
]
