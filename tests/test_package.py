"""The package's surface: every module listed, none importing Streamlit."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import opsconsole

ROOT = Path(__file__).resolve().parents[1]


def test_all_lists_every_public_module() -> None:
    public = {m.name for m in pkgutil.iter_modules(opsconsole.__path__)
              if not m.name.startswith("_") and m.name != "cli"}
    assert public <= set(opsconsole.__all__)
    for name in opsconsole.__all__:
        importlib.import_module(f"opsconsole.{name}")


def test_library_never_imports_streamlit() -> None:
    code = ("import sys, importlib, pkgutil, opsconsole\n"
            "for m in pkgutil.walk_packages(opsconsole.__path__, 'opsconsole.'):\n"
            "    m.name.endswith('__main__') or importlib.import_module(m.name)\n"
            "print('streamlit' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
    for path in (ROOT / "opsconsole").rglob("*.py"):
        assert "import streamlit" not in path.read_text(), path
