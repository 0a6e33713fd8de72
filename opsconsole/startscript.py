"""Read a platform start script the way bash would, to prove a variable is exported before the app starts.

Not a full shell parser: a line-based reader that understands comments, quotes, heredocs,
`;`/`&&`/`||` lists and the block keywords, which is what start scripts are made of. It answers
one question — at the line that starts the app, is NAME exported with the wanted value on every path?
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

_ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", re.S)
_HEREDOC = re.compile(r"<<-?\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1")
_APP_COMMANDS = {"streamlit", "python", "python3", "gunicorn", "uvicorn", "node", "npm", "flask", "exec",
                 "bash", "sh", "poetry", "uv", "pipenv", "hypercorn", "daphne"}
_OPENERS = {"if": "fi", "case": "esac", "for": "done", "while": "done", "until": "done", "select": "done"}
_FUNCTION = re.compile(r"^\s*(function\s+[A-Za-z_][\w-]*|[A-Za-z_][\w-]*\s*\(\s*\))\s*\{?\s*$")


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
    return _scan(raw.decode(errors="replace").split("\n"), name, wanted)


def _scan(lines: list[str], name: str, wanted: str) -> ExportVerdict:
    state = _State()
    stack: list[str] = []
    nested_write: int | None = None
    heredoc: str | None = None
    mentioned = False
    for number, line in enumerate(lines, start=1):
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
            continue
        match = _HEREDOC.search(_strip_comment(line))
        if match:
            heredoc = match.group(2)
        for command, conditional in _commands(_strip_comment(line)):
            if command.startswith("(") and not command.startswith("(("):
                inner = command[1:].strip()
                if inner.endswith(")"):  # a one-line subshell: its exports die with it
                    conditional, command = True, inner[:-1].strip()
                else:
                    stack.append(")")
                    command = inner
            if not command:
                continue
            words = _words(command)
            if not words:
                continue
            head = words[0]
            if head in ("}", ")") or head in ("fi", "esac", "done"):
                if stack:
                    stack.pop()
                continue
            if _FUNCTION.match(command) or head in ("{", "("):
                stack.append("}")
                continue
            if head in _OPENERS:
                stack.append(_OPENERS[head])
                continue
            if head in ("then", "else", "elif", "do") or (stack and stack[-1] == "esac" and head.endswith(")")):
                words = words[1:]
                if not words:
                    continue
                head = words[0]
            writes = _writes(words, name)
            if writes is not None:
                mentioned = True
                if stack or conditional:
                    harmless = writes[0] in ("export", "assign") and writes[1] in (wanted, None)
                    if not harmless or state.value is None:
                        nested_write = nested_write or number
                    continue
                _apply(state, writes, number)
                continue
            if not stack and not conditional and _starts_app(words):
                return _verdict(state, name, wanted, number, nested_write, mentioned)
    return _verdict(state, name, wanted, None, nested_write, mentioned)


def _verdict(state: _State, name: str, wanted: str, app_line: int | None, nested: int | None,
             mentioned: bool) -> ExportVerdict:
    where = f"before the app starts on line {app_line}" if app_line else "by the end of the script"
    if nested is not None:
        return ExportVerdict(False, f"{name} is changed inside a branch, function or conditional on line {nested}, "
                                    f"so not every path exports it; move 'export {name}={wanted}' to the top level "
                                    "before the app starts.", nested, app_line)
    if state.value is None:
        if mentioned and app_line:
            return ExportVerdict(False, f"{name} is not exported {where} (it is set only after that line or "
                                        f"unset); put 'export {name}={wanted}' above line {app_line}.", None, app_line)
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


def _apply(state: _State, writes: tuple[str, str | None], number: int) -> None:
    action, value = writes
    if action == "unset":
        state.value, state.exported, state.line = None, False, number
    elif action == "unexport":
        state.exported, state.line = False, number
    elif action == "export":
        state.exported, state.line = True, number
        if value is not None:
            state.value = value
    elif action == "assign":
        state.value, state.line = value, number


def _writes(words: list[str], name: str) -> tuple[str, str | None] | None:
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
            var, value = (match.group(1), match.group(2)) if match else (word, None)
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
    assignments = []
    for word in words:
        match = _ASSIGN.match(word)
        if not match:
            return None  # VAR=value cmd: a prefix assignment lasts for that one command only
        assignments.append((match.group(1), match.group(2)))
    for var, value in assignments:
        if var == name:
            return ("assign", value)
    return None


def _starts_app(words: list[str]) -> bool:
    """Whether a command starts the application (or replaces the shell)."""
    while words and _ASSIGN.match(words[0]):
        words = words[1:]
    if not words:
        return False
    head = words[0].rsplit("/", 1)[-1]
    if head in ("bash", "sh") and len(words) > 1 and words[1] in ("-c",):
        return True
    return head in _APP_COMMANDS - {"bash", "sh"} or head.startswith("python")


def _strip_comment(line: str) -> str:
    out, quote = [], None
    prev = " "
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
    """Split a line on ; & && || outside quotes; a command after && or || runs only conditionally."""
    parts: list[tuple[str, bool]] = []
    buf: list[str] = []
    quote: str | None = None
    conditional = False
    i = 0
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
            parts.append(("".join(buf).strip(), conditional))
            buf, conditional = [], True
            i += 1
        elif ch in ";&":
            parts.append(("".join(buf).strip(), conditional))
            buf, conditional = [], False
        else:
            buf.append(ch)
        i += 1
    parts.append(("".join(buf).strip(), conditional))
    return parts


def _words(command: str) -> list[str]:
    try:
        return shlex.split(command, posix=True)
    except ValueError:
        return command.split()
