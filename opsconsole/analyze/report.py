"""Analyse files and whole ``versions/`` folders in one process; one report per file, never silent.

Each file gets a FileReport: its findings, whether offline rendering worked (and if not, why and
what the source reading found instead), or the error that stopped its analysis. A bad file (not
Python or SQL, a syntax error, too large, a migration that never finishes importing) becomes an
``unanalysable`` finding for that file, and the rest of the folder is still analysed.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from opsconsole.errors import AnalysisError

from .render import DEFAULT_TIMEOUT
from .rules import SEVERITIES, Finding, finding

MAX_BYTES = 1_000_000  # a migration over 1 MB is generated data, not a reviewable change
_SKIP_DIRS = {"__pycache__", ".git", ".mypy_cache", ".pytest_cache", "node_modules"}


@dataclass(frozen=True)
class FileReport:
    """What the analyzer found in one file, and how it read it."""

    path: str
    revision: str | None = None
    findings: tuple[Finding, ...] = ()
    rendered: str = "yes"  # yes | partly | no | sql (a .sql file needs no rendering) | error
    render_error: str | None = None  # why offline rendering stopped or did not start
    source_found: tuple[str, ...] = ()  # what the source reading found, when rendering fell short
    error: str | None = None  # why the file could not be analysed at all
    printed: int = 0  # characters the migration printed while rendering (captured, never shown)
    ms: float = 0.0

    @property
    def data_loss(self) -> bool:
        """True if any finding that is not suppressed loses data."""
        return any(f.severity == "data-loss" and not f.suppressed for f in self.findings)

    def counts(self) -> dict[str, int]:
        """Return the number of active findings per severity, plus suppressed ones."""
        out = {s: 0 for s in SEVERITIES}
        out["suppressed"] = 0
        for f in self.findings:
            out["suppressed" if f.suppressed else f.severity] += 1
        return out

    def to_dict(self) -> dict:
        """Return the report as plain data, as printed by ``--json``."""
        return {"path": self.path, "revision": self.revision, "rendered": self.rendered,
                "render_error": self.render_error, "source_found": list(self.source_found),
                "error": self.error, "printed_chars": self.printed, "ms": round(self.ms, 2),
                "counts": self.counts(), "findings": [f.to_dict() | {"file": self.path} for f in self.findings]}


@dataclass(frozen=True)
class AnalysisReport:
    """The reports of every file analysed in one run."""

    files: tuple[FileReport, ...] = field(default_factory=tuple)

    @property
    def exit_code(self) -> int:
        """1 if any file loses data or could not be analysed, else 0."""
        return 1 if any(f.data_loss for f in self.files) else 0

    def summary(self) -> dict:
        """Return totals: files, data-loss files, unrendered files, errors, median ms per file."""
        times = [f.ms for f in self.files]
        return {"files": len(self.files), "data_loss_files": sum(f.data_loss for f in self.files),
                "not_rendered": sum(f.rendered in ("no", "partly") for f in self.files),
                "errors": sum(f.error is not None for f in self.files),
                "findings": {s: sum(f.counts()[s] for f in self.files) for s in (*SEVERITIES, "suppressed")},
                "median_ms": round(statistics.median(times), 2) if times else 0.0}

    def to_dict(self) -> dict:
        """Return the whole run as plain data; ``findings`` lists every file's findings with its path."""
        return {"summary": self.summary(), "files": [f.to_dict() for f in self.files],
                "findings": [d for f in self.files for d in f.to_dict()["findings"]]}


def expand(paths: list[str | Path]) -> list[Path]:
    """Return the files to analyse: files as given, folders searched for ``.py``/``.sql`` (``__init__.py`` skipped)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*"))
                     if p.is_file() and p.suffix.lower() in (".py", ".sql") and p.name != "__init__.py"
                     and not _SKIP_DIRS & set(p.relative_to(path).parts[:-1])
                     and not any(part.startswith(".") for part in p.relative_to(path).parts)]
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise AnalysisError(f"{path} does not exist; pass migration .py or .sql files, or a versions/ folder")
    return out


def analyze_paths(paths: list[str | Path], timeout: float = DEFAULT_TIMEOUT) -> AnalysisReport:
    """Analyse every file under ``paths`` in this process; a file that fails gets an error report."""
    return AnalysisReport(tuple(analyze_one(p, timeout) for p in expand(paths)))


def analyze_one(path: str | Path, timeout: float = DEFAULT_TIMEOUT) -> FileReport:
    """Analyse one file and return its report; never raises for a bad file."""
    from . import _analyze_file_report

    started = time.perf_counter()
    try:
        report = _analyze_file_report(Path(path), timeout)
    except AnalysisError as exc:
        message = str(exc)
        report = FileReport(str(path), rendered="error", error=message,
                            findings=(finding("unanalysable", None, None, None, message),))
    ms = (time.perf_counter() - started) * 1000
    return FileReport(report.path, report.revision, report.findings, report.rendered, report.render_error,
                      report.source_found, report.error, report.printed, ms)
