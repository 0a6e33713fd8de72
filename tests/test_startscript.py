"""The start-script reader: the flag must be exported at top level before the app starts, on every path."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsconsole.startscript import check_export

ROOT = Path(__file__).resolve().parents[1]
APP = "exec streamlit run app.py\n"

CASES = {
    "plain": ("export DISABLE_AUTO_MIGRATIONS=true\n" + APP, True, "line 2"),
    "quoted": ('export DISABLE_AUTO_MIGRATIONS="true"  # keep\n' + APP, True, "line 2"),
    "assign-then-export": ("DISABLE_AUTO_MIGRATIONS=true\nexport DISABLE_AUTO_MIGRATIONS\n" + APP, True, "line 3"),
    "declare-x": ("declare -x DISABLE_AUTO_MIGRATIONS=true\n" + APP, True, "line 2"),
    "harmless-repeat-in-branch": ("export DISABLE_AUTO_MIGRATIONS=true\nif [ -n \"$X\" ]; then "
                                  "export DISABLE_AUTO_MIGRATIONS=true; fi\n" + APP, True, "line 2"),
    "commented-out": ("# export DISABLE_AUTO_MIGRATIONS=true\n" + APP, False, "never exported"),
    "other-value": ("export DISABLE_AUTO_MIGRATIONS=false\n" + APP, False, "set to 'false'"),
    "uppercase-value": ("export DISABLE_AUTO_MIGRATIONS=TRUE\n" + APP, False, "set to 'TRUE'"),
    "not-exported": ("DISABLE_AUTO_MIGRATIONS=true\n" + APP, False, "not exported"),
    "if-branch": ("if [ \"$ENV\" = prod ]; then\n  export DISABLE_AUTO_MIGRATIONS=true\nfi\n" + APP, False, "branch"),
    "function": ("setup() {\n  export DISABLE_AUTO_MIGRATIONS=true\n}\nsetup\n" + APP, False, "function"),
    "and-chain": ("[ -f .env ] && export DISABLE_AUTO_MIGRATIONS=true\n" + APP, False, "conditional"),
    "unset-later": ("export DISABLE_AUTO_MIGRATIONS=true\nunset DISABLE_AUTO_MIGRATIONS\n" + APP, False, "unset"),
    "overwritten-later": ("export DISABLE_AUTO_MIGRATIONS=true\nDISABLE_AUTO_MIGRATIONS=no\n" + APP, False, "'no'"),
    "unexported-later": ("export DISABLE_AUTO_MIGRATIONS=true\nexport -n DISABLE_AUTO_MIGRATIONS\n" + APP, False,
                         "not exported"),
    "unset-in-branch": ("export DISABLE_AUTO_MIGRATIONS=true\nif [ x ]; then unset DISABLE_AUTO_MIGRATIONS; fi\n" + APP,
                        False, "branch"),
    "unset-in-case": ("export DISABLE_AUTO_MIGRATIONS=true\ncase \"$1\" in\n  dev) unset DISABLE_AUTO_MIGRATIONS;;\n"
                      "esac\n" + APP, False, "branch"),
    "after-app-start": ("streamlit run app.py &\nexport DISABLE_AUTO_MIGRATIONS=true\nwait\n", False, "line 2"),
    "heredoc": ("cat > .env <<EOF\nexport DISABLE_AUTO_MIGRATIONS=true\nEOF\n" + APP, False, "never exported"),
    "echo": ('echo "export DISABLE_AUTO_MIGRATIONS=true"\n' + APP, False, "never exported"),
    "prefix-only": ("DISABLE_AUTO_MIGRATIONS=true python -m opsconsole upgrade\n" + APP, False, "never exported"),
    "subshell": ("(export DISABLE_AUTO_MIGRATIONS=true)\n" + APP, False, "branch"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_start_script_cases(tmp_path: Path, name: str) -> None:
    body, ok, words = CASES[name]
    script = tmp_path / "start.sh"
    script.write_text("#!/usr/bin/env bash\n" + body)
    verdict = check_export(script, "DISABLE_AUTO_MIGRATIONS", "true")
    assert verdict.ok is ok, verdict.reason
    assert words in verdict.reason


def test_crlf_line_endings_fail(tmp_path: Path) -> None:
    script = tmp_path / "start.sh"
    script.write_bytes(b"#!/bin/bash\r\nexport DISABLE_AUTO_MIGRATIONS=true\r\nexec streamlit run app.py\r\n")
    verdict = check_export(script, "DISABLE_AUTO_MIGRATIONS", "true")
    assert not verdict.ok and "CRLF" in verdict.reason


def test_empty_and_missing_files_fail(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sh"
    empty.write_text("  \n")
    assert "empty" in check_export(empty, "DISABLE_AUTO_MIGRATIONS", "true").reason
    missing = check_export(tmp_path / "nope.sh", "DISABLE_AUTO_MIGRATIONS", "true")
    assert not missing.ok and "does not exist" in missing.reason


def test_shipped_start_script_passes() -> None:
    verdict = check_export(ROOT / "start.sh", "DISABLE_AUTO_MIGRATIONS", "true")
    assert verdict.ok, verdict.reason
    assert verdict.line is not None and verdict.app_line is not None and verdict.line < verdict.app_line
