"""What one simple command does: change a variable (export, assign, unset) or start the app."""

from __future__ import annotations

import re
from dataclasses import dataclass

ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\+?=)(.*)$", re.S)
_REDIRECT = re.compile(r"^(\d*[<>]|&>|>\(|<\()")
_SERVERS = {"streamlit", "gunicorn", "uvicorn", "hypercorn", "daphne", "waitress-serve"}
_WRAPPERS = {"nohup", "time", "setsid", "nice", "command", "stdbuf"}
_NOT_APP_MODULES = {"pip", "venv", "ensurepip", "opsconsole", "alembic", "pytest", "compileall", "playwright"}


@dataclass
class State:
    """The variable as the script has left it so far: value, exported, where, and `set -a`."""

    value: str | None = None
    exported: bool = False
    line: int | None = None
    allexport: bool = False


def writes(words: list[str], name: str, state: State) -> tuple[str, str | None] | None:
    """Return what a command does to NAME: (export|assign|unset|unexport, value) or None."""
    head = words[0]
    if head in ("export", "declare", "typeset", "local", "readonly"):
        flags = [w for w in words[1:] if w.startswith("-")]
        exporting = head == "export" or any("x" in f for f in flags)
        unexport = head == "export" and "-n" in flags
        for word in words[1:]:
            if word.startswith("-"):
                continue
            match = ASSIGN.match(word)
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
    matches = [ASSIGN.match(word) for word in words]
    if not all(matches):
        return None  # VAR=value cmd: a prefix assignment lasts for that one command only
    for match in matches:
        if match and match.group(1) == name:
            return ("assign", _value(match, state))
    return None


def _value(match: re.Match[str], state: State) -> str:
    return (state.value or "") + match.group(3) if match.group(2) == "+=" else match.group(3)


def app_start(words: list[str], name: str) -> tuple[bool, str | None]:
    """Whether a command starts the application, and the value a `NAME=value cmd` prefix gives it."""
    prefix = None
    while True:
        while words and ASSIGN.match(words[0]):
            match = ASSIGN.match(words[0])
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
    return is_app(head, words[1:]), prefix


def is_app(head: str, args: list[str]) -> bool:
    """Whether a command (after wrappers) is a server, a Python app, or a package script that serves."""
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
