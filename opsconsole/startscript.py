"""Read a platform start script the way bash would, to prove a variable is exported before the app starts.

Not a full shell parser: a line-based reader that understands comments, quotes, line
continuations, heredocs, `;`/`&&`/`||`/`&`/`|` lists, blocks (if, case, loops, functions, brace
groups, subshells) and `set -a`, which is what start scripts are made of. It answers one question —
at the line that starts the app, is NAME exported with the wanted value on every path? — and
errs towards "no": a change to NAME, or an app start, that only some paths reach fails the check.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

_ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\+?=)(.*)$", re.S)
_HEREDOC = re.compile(r"(?<!<)<<(?!<)(-?)\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\2")
_FUNCTION = re.compile(r"^(?:function\s+([A-Za-z_][\w-]*)\s*(?:\(\s*\))?|([A-Za-z_][\w-]*)\s*\(\s*\))\s*(\{)?\s*(.*)$",
                       re.S)
_REDIRECT = re.compile(r"^(\d*[<>]|&>|>\(|<\()")
_OPENERS = {"if": "if", "case": "case", "for": "loop", "while": "loop", "until": "loop", "select": "loop"}
_CLOSERS = {"fi": "if", "esac": "case", "done": "loop"}
_SERVERS = {"streamlit", "gunicorn", "uvicorn", "hypercorn", "daphne", "waitress-serve"}
_WRAPPERS = {"nohup", "time", "setsid", "nice", "command", "stdbuf"}
_NOT_APP_MODULES = {"pip", "venv", "ensurepip", "opsconsole", "alembic", "pytest", "compileall", "playwright"}


@dataclass(frozen=True)
class ExportVerdict:
    """Whether NAME is exported with the wanted value where the app starts, and why not."""

    ok: bool
    reason: str
    line: int | None = None
    app_line: int | None = None


@dataclass
class _State:
    value: str | None = None
    exported: bool = False
    line: int | None = None
    allexport: bool = False


@dataclass
class _Function:
    starts_app: bool = False
    changes: bool = False


@dataclass
class _Scan:
    name: str
    wanted: str
    state: _State = field(default_factory=_State)
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
    for number, line in _logical_lines(raw.decode(errors="replace")):
        for command, conditional in _commands(_strip_comment(line)):
            app_line = _command(scan, command, conditional, number)
            if app_line:
                return _verdict(scan, app_line)
    return _verdict(scan, None)


def _command(scan: _Scan, command: str, conditional: bool, number: int) -> int | None:
    """Apply one simple command to the scan; return its line number if it starts the app at top level."""
    words = _words(command)
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
    change = _writes(words, scan.name, scan.state)
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
    app, prefix = _app_start(words, scan.name)
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


def _apply(state: _State, change: tuple[str, str | None], number: int) -> None:
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


def _writes(words: list[str], name: str, state: _State) -> tuple[str, str | None] | None:
    """Return what a command does to NAME: (export|assign|unset|unexport, value) or None."""
    head = words[0]
    if head in ("export", "declare", "typeset", "local", "readonly"):
        flags = [w for w in words[1:] if w.startswith("-")]
        exporting = head == "export" or any("x" in f for f in flags)
        unexport = head == "export" and "-n" in flags
        for word in words[1:]:
            if word.startswith("-"):
                continue
            match = _ASSIGN.match(word)
            var, value = (match.group(1), _value(match, state)) if match else (word, None)
            if var != name:
                continue
            if unexport:
                return ("unexport", None)
            if head == "local":
                return ("assign", value) if value is not None else None
            return ("export", value) if exporting else ("assign", value)
        return None
    if head == "unset":
        return ("unset", None) if name in words[1:] else None
    matches = [_ASSIGN.match(word) for word in words]
    if not all(matches):
        return None  # VAR=value cmd: a prefix assignment lasts for that one command only
    for match in matches:
        if match and match.group(1) == name:
            return ("assign", _value(match, state))
    return None


def _value(match: re.Match[str], state: _State) -> str:
    return (state.value or "") + match.group(3) if match.group(2) == "+=" else match.group(3)


def _app_start(words: list[str], name: str) -> tuple[bool, str | None]:
    """Whether a command starts the application, and the value a `NAME=value cmd` prefix gives it."""
    prefix = None
    while True:
        while words and _ASSIGN.match(words[0]):
            match = _ASSIGN.match(words[0])
            if match and match.group(1) == name:
                prefix = match.group(3)
            words = words[1:]
        if not words:
            return False, None
        head = words[0].rsplit("/", 1)[-1]
        if head == "exec":
            rest = words[1:]
            if not rest or _REDIRECT.match(rest[0]):
                return False, None  # `exec > log 2>&1` only redirects the script's own output
            words = rest
            continue
        if head == "env":
            words = [w for w in words[1:] if not w.startswith("-")]
            continue
        if head in _WRAPPERS:
            words = words[1:]
            continue
        if head in ("uv", "poetry", "pipenv", "pdm", "hatch") and words[1:2] == ["run"]:
            words = words[2:]
            continue
        break
    return _is_app(head, words[1:]), prefix


def _is_app(head: str, args: list[str]) -> bool:
    if head in _SERVERS:
        return True
    if head == "flask":
        return "run" in args
    if head.startswith("python") or head.startswith("$"):
        if not args or args[0] == "-c":
            return False
        if args[0] == "-m":
            return len(args) > 1 and args[1] not in _NOT_APP_MODULES
        return args[0].endswith(".py")
    if head in ("node", "deno", "bun"):
        return bool(args) and not args[0].startswith("-")
    if head in ("npm", "yarn", "pnpm"):
        return args[:1] == ["start"] or (args[:1] == ["run"] and args[1:2] in (["start"], ["dev"], ["serve"],
                                                                                ["prod"], ["preview"]))
    return False


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Join backslash continuations and drop heredoc bodies; keep each command's first line number."""
    out: list[tuple[int, str]] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        number, line = i + 1, lines[i]
        while line.endswith("\\") and i + 1 < len(lines):
            i += 1
            line = line[:-1] + " " + lines[i]
        out.append((number, line))
        i += 1
        for strip_tabs, word in _heredocs(line):
            while i < len(lines) and (lines[i].lstrip("\t") if strip_tabs else lines[i]) != word:
                i += 1
            i += 1
    return out


def _heredocs(line: str) -> list[tuple[bool, str]]:
    """Heredoc markers (`<<WORD`, `<<-WORD`) outside quotes and comments, in order."""
    unquoted = re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", "''", _strip_comment(line))
    return [(m.group(1) == "-", m.group(3)) for m in _HEREDOC.finditer(unquoted)]


def _strip_comment(line: str) -> str:
    out, quote, prev = [], None, " "
    for ch in line:
        if quote:
            if ch == quote:
                quote = None
        elif ch in ("'", '"'):
            quote = ch
        elif ch == "#" and prev in " \t;&|(":
            break
        out.append(ch)
        prev = ch
    return "".join(out)


def _commands(line: str) -> list[tuple[str, bool]]:
    """Split a line into simple commands; mark those that run only sometimes or in a subshell.

    After `&&`/`||` a command is conditional; a command sent to the background with `&` or placed
    in a pipeline runs in a subshell, so its exports never reach the script.
    """
    parts: list[tuple[str, bool]] = []
    buf: list[str] = []
    quote: str | None = None
    conditional = False
    i = 0

    def flush(next_conditional: bool, this_subshell: bool = False) -> None:
        nonlocal buf, conditional
        parts.append(("".join(buf).strip(), conditional or this_subshell))
        buf, conditional = [], next_conditional

    while i < len(line):
        ch = line[i]
        if quote:
            if ch == quote:
                quote = None
            buf.append(ch)
        elif ch in ("'", '"'):
            quote = ch
            buf.append(ch)
        elif line.startswith(("&&", "||"), i):
            flush(True)
            i += 1
        elif ch == "&" and (i > 0 and line[i - 1] in "<>" or line[i + 1:i + 2] == ">"):
            buf.append(ch)  # 2>&1, &>file: a redirection
        elif ch == "&":
            flush(False, this_subshell=True)
        elif ch == "|":
            flush(True, this_subshell=True)
        elif ch == ";":
            flush(False)
        else:
            buf.append(ch)
        i += 1
    flush(False)
    return [(cmd, cond) for cmd, cond in parts if cmd]


def _words(command: str) -> list[str]:
    try:
        return shlex.split(command, posix=True)
    except ValueError:
        return command.split()
