"""python -m opsconsole <command>."""

from opsconsole.cli import main

raise SystemExit(main())
