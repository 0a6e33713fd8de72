"""Whole folders in one process, bad input, contained migration output, suppressions and CI formats."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from opsconsole.analyze import analyze_migration_file, analyze_one, analyze_paths, output
from opsconsole.cli import main
from opsconsole.errors import AnalysisError
from fake_urls import url_with_password

ROOT = Path(__file__).resolve().parents[1]
MIGRATION = '''\
"""{doc}"""
from alembic import op
import sqlalchemy as sa
{imports}
revision = "{rev}"
down_revision = None


{body}

def downgrade():
    pass
'''


def migration(folder: Path, name: str, body: str, imports: str = "", rev: str | None = None) -> Path:
    path = folder / name
    path.write_text(MIGRATION.format(doc=name, imports=imports, rev=rev or name.split("_")[0],
                                     body=textwrap.dedent(body)))
    return path


@pytest.fixture()
def versions(tmp_path: Path) -> Path:
    """A versions/ folder with a safe, a lossy and an unimportable migration, plus files Alembic ignores."""
    folder = tmp_path / "versions"
    (folder / "__pycache__").mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "__pycache__" / "junk.py").write_text("this is not python (")
    (folder / "README").write_text("notes")
    migration(folder, "a1_add.py", "def upgrade():\n    op.add_column('users', sa.Column('note', sa.Text()))\n")
    migration(folder, "b2_drop.py", "def upgrade():\n    op.drop_table('legacy')\n")
    migration(folder, "c3_app.py", "def upgrade():\n    op.drop_column('users', 'fax')\n",
              imports="from myapp.models import User\n")
    return folder


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_a_folder_is_analysed_file_by_file(versions: Path) -> None:
    before = sorted(versions.rglob("*"))
    report = analyze_paths([versions])
    assert sorted(versions.rglob("*")) == before  # nothing written next to the migrations (no __pycache__)
    assert [Path(f.path).name for f in report.files] == ["a1_add.py", "b2_drop.py", "c3_app.py"]
    by_name = {Path(f.path).name: f for f in report.files}
    assert not by_name["a1_add.py"].data_loss and by_name["a1_add.py"].rendered == "yes"
    assert [(x.rule, x.object, x.line) for x in by_name["b2_drop.py"].findings] == \
        [("drop-table", "public.legacy", 10), ("missing-lock-timeout", "public.legacy", 10)]
    assert report.summary()["data_loss_files"] == 2 and report.exit_code == 1


def test_an_unrendered_file_says_so_with_the_reason_and_what_the_source_showed(versions: Path,
                                                                               monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", url_with_password("pw"))
    report = analyze_one(versions / "c3_app.py")
    assert report.rendered == "no" and "No module named 'myapp'" in report.render_error
    assert report.source_found == ("data-loss drop-column public.users.fax",
                                   "locking missing-lock-timeout public.users")
    code, out, _ = cli("analyze", str(versions), "--json")
    data = json.loads(out)
    [entry] = [f for f in data["files"] if f["path"].endswith("c3_app.py")]
    assert entry["rendered"] == "no" and "myapp" in entry["render_error"]
    assert entry["source_found"][0] == "data-loss drop-column public.users.fax"
    note = next(f for f in entry["findings"] if f["rule"] == "offline-render-failed")
    assert "checked from the source instead" in note["message"] and "drop-column public.users.fax" in note["message"]
    code, out, _ = cli("analyze", str(versions))
    assert code == 1
    assert "not rendered offline: importing the file failed: ModuleNotFoundError: No module named 'myapp'" in out
    assert "the source reading found instead: data-loss drop-column public.users.fax" in out
    assert "3 file(s): 2 lose data, 1 not (fully) rendered offline" in out


def test_bad_files_get_an_error_each_and_the_rest_is_still_analysed(tmp_path: Path) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    migration(folder, "a1_ok.py", "def upgrade():\n    op.drop_table('old')\n")
    (folder / "b2_syntax.py").write_text("def upgrade(:\n    pass\n")
    (folder / "c3_big.py").write_text("# " + "x" * 10_000_000 + "\ndef upgrade():\n    pass\n")
    (folder / "d4_binary.py").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    (folder / "e5_loop.py").write_text(
        "from alembic import op\nrevision = 'e5'\nwhile True:\n    pass\n\n"
        "def upgrade():\n    op.drop_column('users', 'fax')\n")
    (folder / "f6_exit.py").write_text("import sys\nsys.exit(3)\n\ndef upgrade():\n    pass\n")
    (folder / "g7_broken.sql").write_text("DROP TABLEX users;")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a migration")
    started = time.monotonic()
    report = analyze_paths([folder, notes], timeout=1.0)
    assert time.monotonic() - started < 15
    by_name = {Path(f.path).name: f for f in report.files}
    assert [(x.rule, x.object) for x in by_name["a1_ok.py"].findings] == [("drop-table", "public.old"),
                                                                          ("missing-lock-timeout", "public.old")]
    assert "syntax error at line 1" in by_name["b2_syntax.py"].error
    assert "10.0 MB" in by_name["c3_big.py"].error
    assert "cannot read the file" in by_name["d4_binary.py"].error
    loop = by_name["e5_loop.py"]
    assert loop.error is None and loop.rendered == "no" and "timed out after 1 s" in loop.render_error
    assert ("drop-column", "public.users.fax") in [(x.rule, x.object) for x in loop.findings]
    exited = by_name["f6_exit.py"]
    assert exited.rendered == "no" and "sys.exit(3)" in exited.render_error
    assert "syntax error" in by_name["g7_broken.sql"].error
    assert "cannot analyse a .txt file" in by_name["notes.txt"].error
    for name in ("b2_syntax.py", "c3_big.py", "d4_binary.py", "g7_broken.sql", "notes.txt"):
        assert [(x.rule, x.severity) for x in by_name[name].findings] == [("unanalysable", "data-loss")]
    assert report.summary()["errors"] == 5


def test_a_loop_in_upgrade_is_stopped_and_the_next_file_still_renders(tmp_path: Path) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    migration(folder, "a1_spin.py", "def upgrade():\n    op.drop_table('spun')\n    while True:\n        pass\n")
    migration(folder, "b2_next.py", "def upgrade():\n    op.drop_table('after')\n")
    spin, after = analyze_paths([folder], timeout=1.0).files
    assert spin.rendered == "no" and "timed out after 1 s" in spin.render_error
    assert ("drop-table", "public.spun") in [(f.rule, f.object) for f in spin.findings]  # read from the source
    assert after.rendered == "yes" and after.ms < 1000  # the interrupted render released the lock


def test_a_missing_path_stops_the_command(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="does not exist"):
        analyze_paths([tmp_path / "nope"])


def test_the_guard_api_still_raises_for_an_unreadable_migration(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("def upgrade(:\n")
    with pytest.raises(AnalysisError, match="syntax error"):
        analyze_migration_file(tmp_path / "bad.py")


def test_migration_output_never_reaches_the_json(tmp_path: Path) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    migration(folder, "a1_chatty.py", """
        print("importing the chatty migration")

        def upgrade():
            print("{not json")
            sys.stderr.write("warning from the migration\\n")
            op.drop_table("chatty")
        """, imports="import sys\n")
    env = {**os.environ, "DATABASE_URL": url_with_password("pw"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "opsconsole", "analyze", str(folder), "--json"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    data = json.loads(proc.stdout)  # valid JSON: nothing the migration printed is in it
    assert proc.returncode == 1 and "chatty" not in proc.stderr
    [entry] = data["files"]
    assert entry["printed_chars"] == len("importing the chatty migration\n{not json\nwarning from the migration\n")
    assert [f["rule"] for f in entry["findings"]] == ["drop-table", "missing-lock-timeout"]


def test_suppression_comment_is_shown_with_its_reason(tmp_path: Path) -> None:
    path = migration(tmp_path, "a1_s.py", """
        def upgrade():
            # opsconsole: ignore[drop-table] archived to s3://backups/legacy on 2026-11-01
            op.drop_table("legacy")
            op.drop_column("users", "fax")  # opsconsole: ignore[drop-column] fax numbers were never used
            op.drop_column("users", "pager")  # opsconsole: ignore[drop-table] wrong rule, no effect
        """)
    report = analyze_one(path)
    found = {(f.rule, f.object): f.suppressed for f in report.findings if f.rule != "missing-lock-timeout"}
    assert found == {("drop-table", "public.legacy"): "archived to s3://backups/legacy on 2026-11-01",
                     ("drop-column", "public.users.fax"): "fax numbers were never used",
                     ("drop-column", "public.users.pager"): None}
    assert report.data_loss and report.counts()["suppressed"] == 2
    text = output.text(analyze_paths([path]))
    assert "SUPPRESSED: archived to s3://backups/legacy on 2026-11-01" in text
    sql = tmp_path / "change.sql"
    sql.write_text("-- opsconsole: ignore[truncate] scratch table, refilled nightly\nTRUNCATE scratch;\n")
    [f] = [f for f in analyze_one(sql).findings if f.rule == "truncate"]
    assert f.suppressed == "scratch table, refilled nightly" and not analyze_one(sql).data_loss


def test_sarif_output_has_the_required_shape_and_lines(versions: Path) -> None:
    log = json.loads(output.sarif(analyze_paths([versions])))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "opsconsole"
    assert all({"id", "shortDescription", "help", "defaultConfiguration"} <= set(r) for r in rules)
    by_rule = {r["ruleId"]: r for r in run["results"]}
    drop = by_rule["drop-table"]
    assert drop["level"] == "error" and rules[drop["ruleIndex"]]["id"] == "drop-table"
    location = drop["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("versions/b2_drop.py")
    assert location["region"]["startLine"] == 10
    assert all(r["level"] in ("none", "note", "warning", "error") for r in run["results"])
    assert all(r["message"]["text"] for r in run["results"])


def test_github_annotations_mark_the_line_and_escape_untrusted_text(tmp_path: Path) -> None:
    migration(tmp_path, "a1_x.py", "def upgrade():\n    op.execute('DELETE FROM \"odd,name:%\"')\n")
    lines = output.github(analyze_paths([tmp_path])).splitlines()
    assert lines[0].startswith("::error file=") and ",line=10,title=data-loss delete-without-where::" in lines[0]
    assert "odd,name:%25" in lines[0].split("::", 2)[2]  # message: % escaped, the rest literal
    assert lines[-1].startswith("opsconsole analyze: 1 file(s), 1 lose data")


def test_cli_formats(versions: Path, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", url_with_password("pw"))
    code, out, _ = cli("analyze", str(versions / "a1_add.py"), "--format", "github")
    warning, summary = out.strip().splitlines()
    assert code == 0 and warning.startswith("::warning file=") and "title=locking missing-lock-timeout::" in warning
    assert summary == "opsconsole analyze: 1 file(s), 0 lose data, 0 not rendered offline, 0 could not be analysed"
    code, out, _ = cli("analyze", str(versions), "--format", "sarif")
    assert code == 1 and json.loads(out)["version"] == "2.1.0"
