"""A line-based bash reader: logical lines, comments, heredocs, command lists and words.

Enough of bash's lexing for start scripts: backslash continuations are joined, heredoc bodies
dropped, comments stripped outside quotes, and `;`/`&&`/`||`/`&`/`|` lists split into simple
commands, each marked when it runs only sometimes or in a subshell.
"""

from __future__ import annotations

import re
import shlex

_HEREDOC = re.compile(r"(?<!<)<<(?!<)(-?)\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\2")


def logical_lines(text: str) -> list[tuple[int, str]]:
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
        for strip_tabs, word in heredocs(line):
            while i < len(lines) and (lines[i].lstrip("\t") if strip_tabs else lines[i]) != word:
                i += 1
            i += 1
    return out


def heredocs(line: str) -> list[tuple[bool, str]]:
    """Heredoc markers (`<<WORD`, `<<-WORD`) outside quotes and comments, in order."""
    unquoted = re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", "''", strip_comment(line))
    return [(m.group(1) == "-", m.group(3)) for m in _HEREDOC.finditer(unquoted)]


def strip_comment(line: str) -> str:
    """Drop a `#` comment, leaving `#` inside quotes or words alone."""
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


def split_commands(line: str) -> list[tuple[str, bool]]:
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


def words_of(command: str) -> list[str]:
    """Split a simple command into words as the shell would (plain split when quotes do not close)."""
    try:
        return shlex.split(command, posix=True)
    except ValueError:
        return command.split()
