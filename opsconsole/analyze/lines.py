"""Lines in the analysed file: where each finding's statement is, and which findings a comment suppresses.

A finding from rendered SQL has no line of its own; it is placed on the ``upgrade()`` call that names
its table (and column), else on ``def upgrade``. A comment ``# opsconsole: ignore[rule-id] reason``
(``-- opsconsole: …`` in SQL) on the statement's first line, on its last line or on the line just
above suppresses that rule for that statement; ``ignore[*]`` suppresses every rule. The reason is
kept in the finding, so the report shows what was suppressed and why.
"""

from __future__ import annotations

import ast
import dataclasses
import re

from .rules import Finding

_IGNORE = re.compile(r"(?:#|--)\s*opsconsole:\s*ignore\[([a-z0-9*,\s-]+)\]\s*(.*)$", re.I)


def locate(findings: list[Finding], tree: ast.Module | None) -> list[Finding]:
    """Give each finding without a line the line of the upgrade() call that names its object."""
    if tree is None or all(f.line is not None for f in findings):
        return findings
    calls = _upgrade_calls(tree)
    fallback = next((n.lineno for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "upgrade"), None)
    out = []
    for f in findings:
        if f.line is None:
            f = dataclasses.replace(f, line=_line_for(f, calls) or fallback)
        out.append(f)
    return out


def _upgrade_calls(tree: ast.Module) -> list[tuple[int, int, set[str], str]]:
    """Return (line, end line, string literals, source words) of each call reachable from upgrade()."""
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    todo, seen, out = ["upgrade"], set(), []
    while todo:
        name = todo.pop(0)
        if name in seen or name not in functions:
            continue
        seen.add(name)
        for node in ast.walk(functions[name]):
            if isinstance(node, ast.Call):
                if isinstance(node.func, ast.Name):
                    todo.append(node.func.id)
                strings = {c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)}
                words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", " ".join(strings)))
                out.append((node.lineno, node.end_lineno or node.lineno, strings | words,
                            ast.unparse(node.func).lower()))
    return sorted(out, key=lambda c: (c[0], -c[1]))


def _line_for(f: Finding, calls: list[tuple[int, int, set[str], str]]) -> int | None:
    if not f.object:
        return None
    parts = f.object.split(".")
    wanted = parts[1:] if len(parts) > 1 else parts  # drop the schema
    verb = f.rule.split("-")[0]  # drop, rename, delete, update, truncate, add, create, …
    best = None
    for line, _end, strings, func in calls:
        if all(w in strings for w in wanted):
            if verb in func or verb in " ".join(strings).lower():
                return line
            best = best or line
    return best


def suppress(findings: list[Finding], source: str) -> list[Finding]:
    """Mark findings suppressed by an ``opsconsole: ignore[rule]`` comment, keeping the reason."""
    if "opsconsole:" not in source:
        return findings
    lines = source.splitlines()
    marks: dict[int, list[tuple[set[str], str]]] = {}
    for no, text in enumerate(lines, 1):
        m = _IGNORE.search(text)
        if m:
            rules = {r.strip() for r in m.group(1).split(",") if r.strip()}
            marks.setdefault(no, []).append((rules, m.group(2).strip() or "(no reason given)"))
    if not marks:
        return findings
    out = []
    for f in findings:
        span = _span(f, lines)
        for no in span:
            for rules, reason in marks.get(no, ()):
                if f.rule in rules or "*" in rules:
                    f = dataclasses.replace(f, suppressed=reason)
        out.append(f)
    return out


def _span(f: Finding, lines: list[str]) -> list[int]:
    """Lines whose comment applies to ``f``: the one above its statement, and every line of the statement."""
    if f.line is None:
        return []
    height = len((f.statement or "").strip().splitlines()) or 1
    span = list(range(f.line, min(len(lines), f.line + height - 1) + 1))
    above = lines[f.line - 2].strip() if f.line >= 2 else ""
    if above.startswith(("#", "--")):  # a comment line of its own just above the statement
        span.insert(0, f.line - 1)
    return span
