"""check_export(): scan a start script and decide whether NAME=value is exported where the app starts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from opsconsole.startscript.commands import State, app_start, writes
from opsconsole.startscript.reader import logical_lines, split_commands, strip_comment, words_of

_FUNCTION = re.compile(r"^(?:function\s+([A-Za-z_][\w-]*)\s*(?:\(\s*\))?|([A-Za-z_][\w-]*)\s*\(\s*\))\s*(\{)?\s*(.*)$",
                       re.S)
_OPENERS = {"if": "if", "case": "case", "for": "loop", "while": "loop", "until": "loop", "select": "loop"}
_CLOSERS = {"fi": "if", "esac": "case", "done": "loop"}


@dataclass(frozen=True)
class ExportVerdict:
    """Whether NAME is exported with the wanted value where the app starts, and why not."""

    ok: bool
    reason: str
    line: int | None = None
    app_line: int | None = None


@dataclass
class _Function:
    starts_app: bool = False
    changes: bool = False


@dataclass
class _Scan:
    name: str
    wanted: str
    state: State = field(default_factory=State)
    stack: list[tuple[str, str | None]] = field(default_factory=list)  # (kind, function name)
    functions: dict[str, _Function] = field(default_factory=dict)
    risky: tuple[int, str] | None = None  # first line where some path changes NAME or starts the app early

    @property
    def nested(self) -> bool:
        return any(kind != "group" for kind, _ in self.stack)

    @property
    def function(self) -> str | None:
        return next((fn for kind, fn in reversed(self.stack) if kind == "func"), None)

    @property
    def good(self) -> bool:
        return self.state.value == self.wanted and self.state.exported

    def flag_risk(self, line: int, why: str) -> None:
        if self.risky is None:
            self.risky = (line, why)


def check_export(path: Path, name: str, wanted: str) -> ExportVerdict:
    """Decide whether `path` exports name=wanted on every path before the line that starts the app."""
    if not path.is_file():
        return ExportVerdict(False, f"{path} does not exist; create it with 'export {name}={wanted}' at the top.")
    raw = path.read_bytes()
    if not raw.strip():
        return ExportVerdict(False, f"{path} is empty; add 'export {name}={wanted}' at the top.")
    if b"\r\n" in raw:
        return ExportVerdict(False, f"{path} has Windows (CRLF) line endings, so bash would set {name} to "
                                    f"'{wanted}\\r'; convert it with 'dos2unix {path.name}'.")
    scan = _Scan(name, wanted)
    for number, line in logical_lines(raw.decode(errors="replace")):
        for command, conditional in split_commands(strip_comment(line)):
            app_line = _command(scan, command, conditional, number)
            if app_line:
                return _verdict(scan, app_line)
    return _verdict(scan, None)


def _command(scan: _Scan, command: str, conditional: bool, number: int) -> int | None:
    """Apply one simple command to the scan; return its line number if it starts the app at top level."""
    words = words_of(command)
    while words:
        head = words[0]
        if head in _CLOSERS or head in ("}", ")"):
            if scan.stack:
                scan.stack.pop()
            words = words[1:]
            continue
        if head in _OPENERS:
            scan.stack.append((_OPENERS[head], None))
            return None  # the condition / word list of the block
        if head in ("then", "else", "elif", "do") or (scan.stack and scan.stack[-1][0] == "case" and head.endswith(")")):
            words = words[1:]
            continue
        if head == "{":
            scan.stack.append(("group", None))
            words = words[1:]
            continue
        if head.startswith("(") and not head.startswith("(("):
            scan.stack.append(("subshell", None))
            words = [head[1:], *words[1:]] if head != "(" else words[1:]
            continue
        break
    if words and words[-1].endswith(")") and scan.stack and scan.stack[-1][0] == "subshell":
        closing = True
        words = [*words[:-1], words[-1][:-1]] if words[-1] != ")" else words[:-1]
    else:
        closing = False
    if words and words[-1] == "}" and scan.stack:
        words = words[:-1]
        closing = True
    try:
        return _simple(scan, [w for w in words if w], conditional, number)
    finally:
        if closing and scan.stack:
            scan.stack.pop()


def _simple(scan: _Scan, words: list[str], conditional: bool, number: int) -> int | None:
    if not words:
        return None
    definition = _FUNCTION.match(" ".join(words))
    if definition and (definition.group(3) or len(words) <= 3):
        fn = definition.group(1) or definition.group(2)
        scan.functions[fn] = _Function()
        scan.stack.append(("func", fn))
        rest = definition.group(4).strip()
        if rest:
            return _command(scan, rest, conditional, number)
        return None
    nested = scan.nested or conditional
    function = scan.function
    if words[:2] in (["set", "-a"], ["set", "-o"]) and (words[1] == "-a" or words[2:3] == ["allexport"]):
        if nested:
            scan.flag_risk(number, "set -a")
        scan.state.allexport = True
        return None
    if words[:2] in (["set", "+a"], ["set", "+o"]):
        scan.state.allexport = False
        return None
    change = writes(words, scan.name, scan.state)
    if change is not None:
        if function is not None:
            scan.functions[function].changes = True
        harmless = change[0] in ("export", "assign") and change[1] in (scan.wanted, None) and scan.good
        if nested or function is not None:
            if not harmless:
                scan.flag_risk(number, f"{scan.name} is changed inside a branch, function, subshell or conditional")
            return None
        _apply(scan.state, change, number)
        return None
    app, prefix = app_start(words, scan.name)
    if app:
        if function is not None:
            scan.functions[function].starts_app = True
            return None
        if nested:
            if not scan.good or (prefix is not None and prefix != scan.wanted):
                scan.flag_risk(number, "the app may start inside a branch, loop or conditional, before "
                                       f"{scan.name} is exported")
            return None
        if prefix is not None:
            scan.state.value, scan.state.exported, scan.state.line = prefix, True, number
        return number
    called = scan.functions.get(words[0])
    if called is not None:
        if called.changes:
            scan.flag_risk(number, f"the function {words[0]}() called here changes {scan.name}")
        if called.starts_app:
            if nested:
                if not scan.good:
                    scan.flag_risk(number, f"the app may start (in {words[0]}()) before {scan.name} is exported")
                return None
            return number
    return None


def _verdict(scan: _Scan, app_line: int | None) -> ExportVerdict:
    name, wanted, state = scan.name, scan.wanted, scan.state
    where = f"before the app starts on line {app_line}" if app_line else "by the end of the script"
    if scan.risky is not None:
        line, why = scan.risky
        return ExportVerdict(False, f"{why} on line {line}, so not every path exports it; keep one "
                                    f"'export {name}={wanted}' at the top level before the app starts.", line, app_line)
    if state.value is None:
        if state.line is not None and app_line:
            return ExportVerdict(False, f"{name} is unset on line {state.line}, before the app starts on line "
                                        f"{app_line}; remove the unset.", state.line, app_line)
        return ExportVerdict(False, f"{name} is never exported {where}; add 'export {name}={wanted}' "
                                    "at the top of the script.", None, app_line)
    if state.value != wanted:
        return ExportVerdict(False, f"{name} is set to '{state.value}' (line {state.line}), not '{wanted}'; "
                                    f"change it to 'export {name}={wanted}'.", state.line, app_line)
    if not state.exported:
        return ExportVerdict(False, f"{name}={wanted} is set on line {state.line} but not exported, so the app "
                                    f"never sees it; write 'export {name}={wanted}'.", state.line, app_line)
    suffix = f" before the app starts on line {app_line}" if app_line else ""
    return ExportVerdict(True, f"'export {name}={wanted}' on line {state.line}{suffix}.", state.line, app_line)


def _apply(state: State, change: tuple[str, str | None], number: int) -> None:
    action, value = change
    state.line = number
    if action == "unset":
        state.value, state.exported = None, False
    elif action == "unexport":
        state.exported = False
    elif action == "export":
        state.exported = True
        if value is not None:
            state.value = value
    elif action == "assign":
        state.value = value
        state.exported = state.exported or state.allexport
