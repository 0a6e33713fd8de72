"""Benchmark: the analyzer's data-loss findings against hand labels on real projects' migrations.

Reads benchmarks/corpus/labels.csv (one row per migration file: data_loss yes/no, how it was
labelled, why), analyses every file in this one process (a warm-up pass first, then the timed
pass) and prints:
  recall and precision of "this file loses data" (target: precision >= 95% at recall >= 99%),
  files that could not be rendered offline (and why, grouped), crashes, median ms per file,
  false positives and false negatives by rule, each with the file.
It also re-checks the labelling rule: a file labelled by rule (not read) must match none of the
data-loss-looking patterns, else the labels are stale.

    python benchmarks/analyzer_corpus.py [--corpus benchmarks/corpus] [--verbose]
"""

from __future__ import annotations

import argparse
import ast
import collections
import csv
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The labelling rule (see corpus/SOURCES.md): a file whose upgrade-side source has none of these was
# labelled "no data loss" without reading it; every other file was read and labelled by hand.
PATTERN = re.compile(r"drop_table|drop_column|\bDELETE\b|\bTRUNCATE\b|\bUPDATE\b|\bDROP\b|type_\s*=|"
                     r"batch_alter_table|\.delete\(|\bdelete\(|\.update\(|\bupdate\(", re.I)


def upgrade_side_lines(source: str) -> list[str]:
    """Return the file's lines minus downgrade functions, the module docstring and comment lines."""
    tree = ast.parse(source)
    drop: set[int] = set()
    for i, node in enumerate(tree.body):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("downgrade"):
            drop.update(range(node.lineno - len(node.decorator_list), (node.end_lineno or node.lineno) + 1))
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            drop.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return [line for no, line in enumerate(source.splitlines(), 1)
            if no not in drop and not line.strip().startswith("#")]


def main() -> int:
    """Run the benchmark and print its figures; exit 1 if the targets are missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "benchmarks" / "corpus"))
    parser.add_argument("--verbose", action="store_true", help="list every false positive and negative")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    with open(corpus / "labels.csv", newline="") as fh:
        labels = {row["file"]: row for row in csv.DictReader(fh)}
    files = sorted(p for p in corpus.rglob("*.py") if p.name != "__init__.py")
    missing = [str(p.relative_to(corpus)) for p in files if str(p.relative_to(corpus)) not in labels]
    if missing:
        print(f"{len(missing)} file(s) have no label, e.g. {missing[0]}; label them first")
        return 2

    from opsconsole.analyze import analyze_one

    stale = [k for k, row in labels.items() if row["basis"] == "rule"
             and any(PATTERN.search(line) for line in upgrade_side_lines((corpus / k).read_text()))]
    for path in files:  # warm-up: imports, pglast, SQLAlchemy caches
        analyze_one(path)
    times, reports = [], {}
    started = time.perf_counter()
    for path in files:
        t0 = time.perf_counter()
        reports[str(path.relative_to(corpus))] = analyze_one(path)
        times.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - started

    tp = fp = fn = tn = 0
    fp_rules: collections.Counter[str] = collections.Counter()
    fn_files: list[tuple[str, str]] = []
    fp_files: list[tuple[str, str]] = []
    for key, report in reports.items():
        truth = labels[key]["data_loss"] == "yes"
        flagged = report.data_loss
        rules = sorted({f.rule for f in report.findings if f.severity == "data-loss" and not f.suppressed})
        if flagged and truth:
            tp += 1
        elif flagged:
            fp += 1
            fp_rules.update(rules)
            fp_files.append((key, ", ".join(rules)))
        elif truth:
            fn += 1
            fn_files.append((key, labels[key]["why"]))
        else:
            tn += 1
    projects = sorted({k.split("/")[0] for k in reports})
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    unrendered = [r for r in reports.values() if r.rendered in ("no", "partly")]
    crashes = [r for r in reports.values() if r.error]
    reasons = collections.Counter(_reason(r.render_error or "") for r in unrendered)
    silent = [k for k, r in reports.items() if r.rendered in ("no", "partly")
              and not any(f.rule == "offline-render-failed" for f in r.findings)]

    print(f"corpus: {len(reports)} files from {len(projects)} projects ({', '.join(projects)}); "
          f"{sum(1 for r in labels.values() if r['data_loss'] == 'yes')} labelled data loss, "
          f"{sum(1 for r in labels.values() if r['basis'] == 'read')} read by hand")
    print(f"recall    {recall:7.1%}  ({tp} of {tp + fn} data-loss files flagged)      target >= 99%")
    print(f"precision {precision:7.1%}  ({tp} of {tp + fp} flagged files lose data)       target >= 95%")
    print(f"not rendered offline: {len(unrendered)} files ({len(unrendered) / len(reports):.0%}); "
          f"each says so in its report: {'yes' if not silent else f'NO, {len(silent)} silent'}")
    for reason, count in reasons.most_common(8):
        print(f"  {count:4}  {reason}")
    print(f"crashes (files that could not be analysed): {len(crashes)}")
    for r in crashes[:10]:
        print(f"  {r.path}: {r.error}")
    print(f"median {statistics.median(times):.1f} ms per file in-process (warm), p90 "
          f"{sorted(times)[int(len(times) * 0.9)]:.1f} ms, whole corpus {total:.1f} s      target median <= 20 ms")
    print(f"false positives by rule: {dict(fp_rules.most_common()) or 'none'}")
    for key, rules in fp_files if args.verbose else fp_files[:15]:
        print(f"  FP {key}: {rules}")
    print(f"false negatives: {len(fn_files)}")
    for key, why in fn_files:
        print(f"  FN {key}: {why}")
    if stale:
        print(f"STALE LABELS: {len(stale)} file(s) labelled by rule match a data-loss pattern: {stale[:5]}")
    ok = recall >= 0.99 and precision >= 0.95 and statistics.median(times) <= 20 and not silent and not stale
    return 0 if ok else 1


def _reason(error: str) -> str:
    error = re.sub(r"'[^']*'", "'…'", error)
    return error.split(";")[0][:110]


if __name__ == "__main__":
    sys.exit(main())
