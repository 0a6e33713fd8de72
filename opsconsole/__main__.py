"""python -m opsconsole <command>."""

from opsconsole.cli import main

# A one-shot, single-threaded process: commands that run env.py run it here, no worker needed.
raise SystemExit(main(inline_process=True))
