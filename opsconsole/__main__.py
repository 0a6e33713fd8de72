"""python -m opsconsole <command>."""

from opsconsole.alembic_env.runner import allow_inline_process
from opsconsole.cli import main

allow_inline_process()  # a one-shot, single-threaded process: runs env.py itself, no worker needed
raise SystemExit(main())
