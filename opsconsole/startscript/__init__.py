"""Read a platform start script the way bash would, to prove a variable is exported before the app starts.

Not a full shell parser: a line-based reader that understands comments, quotes, line
continuations, heredocs, `;`/`&&`/`||`/`&`/`|` lists, blocks (if, case, loops, functions, brace
groups, subshells) and `set -a`, which is what start scripts are made of. It answers one question —
at the line that starts the app, is NAME exported with the wanted value on every path? — and
errs towards "no": a change to NAME, or an app start, that only some paths reach fails the check.
"""

from __future__ import annotations

from opsconsole.startscript.export import ExportVerdict, check_export

__all__ = ["ExportVerdict", "check_export"]
