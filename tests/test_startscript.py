"""The start-script reader: the flag must be exported at top level before the app starts, on every path."""

from __future__ import annotations

import os
import subprocess
import sys
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


# Realistic scripts; what they do is not asserted by hand but measured by running them in bash below.
REALISTIC = {
    "exec-redirect-first": "exec > >(tee -a start.log) 2>&1\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n",
    "exec-2to1-first": "exec 2>&1\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n",
    "uv-sync-first": "uv sync\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n",
    "pip-install-first": "python3 -m pip --version >/dev/null\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n",
    "app-in-branch-first": "if [ \"$MODE\" = dev ]; then\n  exec streamlit run app.py\nfi\n"
                           "export DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n",
    "app-after-andand-first": "[ -n \"$DEV\" ] && exec streamlit run app.py\nexport DISABLE_AUTO_MIGRATIONS=true\n"
                              "exec streamlit run app.py\n",
    "cd-andand-app": "cd \"$(dirname \"$0\")\" && streamlit run app.py\nexport DISABLE_AUTO_MIGRATIONS=true\n",
    "prefix-override": "export DISABLE_AUTO_MIGRATIONS=true\nDISABLE_AUTO_MIGRATIONS=false streamlit run app.py\n",
    "one-line-function-unset": "export DISABLE_AUTO_MIGRATIONS=true\nreset_env() { unset DISABLE_AUTO_MIGRATIONS; }\n"
                               "reset_env\nstreamlit run app.py\n",
    "herestring-first": "read -r HOST PORT <<< \"localhost 8501\"\nexport DISABLE_AUTO_MIGRATIONS=true\n"
                        "exec streamlit run app.py\n",
    "herestring-then-unset": "export DISABLE_AUTO_MIGRATIONS=true\ngrep -q x <<< yes\nunset DISABLE_AUTO_MIGRATIONS\n"
                             "exec streamlit run app.py\n",
    "set-a": "set -a\nDISABLE_AUTO_MIGRATIONS=true\nset +a\nexec streamlit run app.py\n",
    "var-interpreter-app-first": "PY=python3\n\"$PY\" -m streamlit run app.py\nexport DISABLE_AUTO_MIGRATIONS=true\n",
    "env-wrapper-app-first": "env PORT=8501 streamlit run app.py\nexport DISABLE_AUTO_MIGRATIONS=true\n",
    "nohup-app-first": "nohup streamlit run app.py\nexport DISABLE_AUTO_MIGRATIONS=true\n",
    "brace-group": "{ export DISABLE_AUTO_MIGRATIONS=true; }\nexec streamlit run app.py\n",
    "line-continuation": "export \\\n  DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n",
    "background-export": "export DISABLE_AUTO_MIGRATIONS=true &\nwait\nexec streamlit run app.py\n",
    "pipeline-export": "export DISABLE_AUTO_MIGRATIONS=true | cat\nexec streamlit run app.py\n",
    "append": "export DISABLE_AUTO_MIGRATIONS=true\nDISABLE_AUTO_MIGRATIONS+=x\nexec streamlit run app.py\n",
    "function-starts-app-first": "start_app() {\n  exec streamlit run app.py\n}\nstart_app\n"
                                 "export DISABLE_AUTO_MIGRATIONS=true\n",
    "function-starts-app-after": "start_app() {\n  exec streamlit run app.py\n}\n"
                                 "export DISABLE_AUTO_MIGRATIONS=true\nstart_app\n",
    "heredoc-marker-in-quotes": "echo \"usage: cat <<EOF\"\nexport DISABLE_AUTO_MIGRATIONS=true\nexec streamlit run app.py\n",
    "restart-loop-first": "for i in 1; do streamlit run app.py; done\nexport DISABLE_AUTO_MIGRATIONS=true\n",
    "shipped-style": "export DISABLE_AUTO_MIGRATIONS=true\nset -uo pipefail\nPY=python3\n"
                     "if [ -x .venv/bin/python ]; then PY=.venv/bin/python; fi\n"
                     "\"$PY\" -m opsconsole --help >/dev/null || echo 'upgrade skipped' >&2\n"
                     "exec \"$PY\" -m streamlit run app.py\n",
}


@pytest.fixture(scope="module")
def fake_app(tmp_path_factory) -> Path:
    """A bin folder whose `streamlit` prints what the app would see (and a silent `uv`)."""
    bin_dir = tmp_path_factory.mktemp("fakebin")
    for tool, body in (("streamlit", 'echo "APP SAW ${DISABLE_AUTO_MIGRATIONS-<unset>}"'), ("uv", "exit 0")):
        fake = bin_dir / tool
        fake.write_text(f"#!/bin/bash\n{body}\n")
        fake.chmod(0o755)
    shim = bin_dir / "python3"  # `python3 -m streamlit` must reach the fake too
    shim.write_text(f"#!/bin/bash\nif [ \"$1 $2\" = \"-m streamlit\" ]; then shift 2; exec {bin_dir}/streamlit \"$@\"; fi\n"
                    f"exec {sys.executable} \"$@\"\n")
    shim.chmod(0o755)
    return bin_dir


@pytest.mark.parametrize("name", sorted(REALISTIC))
def test_reader_agrees_with_bash(tmp_path: Path, fake_app: Path, name: str) -> None:
    """Run each script in real bash (with MODE=dev, DEV=1) and compare with the reader's verdict."""
    script = tmp_path / "start.sh"
    script.write_text("#!/usr/bin/env bash\n" + REALISTIC[name])
    env = {k: v for k, v in os.environ.items() if k != "DISABLE_AUTO_MIGRATIONS"}
    env.update(PATH=f"{fake_app}:{env['PATH']}", MODE="dev", DEV="1")
    proc = subprocess.run(["bash", str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=30)
    seen = [line.removeprefix("APP SAW ") for line in proc.stdout.splitlines() if line.startswith("APP SAW")]
    assert seen, f"the app never started: {proc.stdout!r} {proc.stderr!r}"
    bash_ok = all(value == "true" for value in seen)
    verdict = check_export(script, "DISABLE_AUTO_MIGRATIONS", "true")
    assert verdict.ok is bash_ok, (seen, verdict.reason)
