"""`factcheck audit`: inputs, the store, resume, errors, parallel runs, exports, the CLI."""

from __future__ import annotations

import csv
import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_audit_helpers import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    WEEKDAY,
    claim_set,
    file_set,
    make_corpus,
    rows,
    write_jsonl,
    write_timeline,
)

from factcheck import audit as core
from factcheck.cli import cli

UNREADABLE = 2  # the corpus holds bad records: the audit records them and exits 2


def run(args: list[str]) -> Result:
    return CliRunner().invoke(cli, ["audit", *args], catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.chdir(tmp_path)
    paths = make_corpus(tmp_path)
    paths["timeline"] = write_timeline(tmp_path)
    return paths


def audit_all(corpus: dict[str, Path], db: str, *extra: str) -> Result:
    return run(
        [
            "docs",
            "globbed/*.txt",
            "single.txt",
            "archive.jsonl",
            "--timeline",
            str(corpus["timeline"]),
            "--db",
            db,
            "--jobs",
            "1",
            *extra,
        ]
    )


EXPECTED_KEYS = {
    os.path.join("docs", "a.txt"),
    os.path.join("docs", "sub", "b.md"),
    os.path.join("globbed", "g0.txt"),
    os.path.join("globbed", "g1.txt"),
    "single.txt",
    "archive.jsonl#r1",
    "archive.jsonl#2",
    "archive.jsonl#news/c.txt",
    "archive.jsonl#https://example.org/story",
    "archive.jsonl#5",
    "archive.jsonl#empty",
    "archive.jsonl#7",
    "archive.jsonl#8",
    "archive.jsonl#baddate",
}


def test_inputs_files_directories_globs_and_archives(corpus: dict[str, Path]) -> None:
    docs = list(core.iter_documents(["docs", "globbed/*.txt", "single.txt", "archive.jsonl"]))
    assert {d.key for d in docs} == EXPECTED_KEYS
    by_key = {d.key: d for d in docs}
    assert by_key["archive.jsonl#r1"].reference_date == date(2023, 7, 1)
    assert by_key["archive.jsonl#https://example.org/story"].location == (
        "https://example.org/story"
    )
    assert by_key[os.path.join("docs", "sub", "b.md")].input_format == "markdown"
    assert by_key["single.txt"].location == str(corpus["single"])


def test_audit_records_every_document_once(corpus: dict[str, Path]) -> None:
    result = audit_all(corpus, "audit.db")
    assert result.exit_code == UNREADABLE, result.output
    files = {r[0]: r for r in rows(Path("audit.db"), "SELECT path, status, claims FROM files")}
    assert set(files) == EXPECTED_KEYS
    verdicts = dict(rows(Path("audit.db"), "SELECT verdict, count(*) FROM claims GROUP BY 1"))
    assert verdicts == {"supported": 3, "contradicted": 3, "conflated": 2, "unverifiable": 3}
    assert "14 documents (14 checked, 0 unchanged, 4 errors)" in result.output
    assert "11 claims: 3 supported, 3 contradicted, 2 conflated, 3 unverifiable" in result.output


def test_record_dates_are_reference_dates(tmp_path: Path) -> None:
    archive = write_jsonl(
        tmp_path / "week.jsonl",
        [
            {"id": "before", "text": WEEKDAY, "date": "2015-03-16"},
            {"id": "after", "text": WEEKDAY, "date": "2015-03-25T08:00:00Z"},
            {"id": "default", "text": WEEKDAY},
        ],
    )
    db = tmp_path / "w.db"
    timeline = write_timeline(tmp_path)
    args = [str(archive), "--timeline", str(timeline), "--db", str(db), "-j", "1"]
    assert run([*args, "--reference-date", "2015-03-17"]).exit_code == 0
    got = {
        p.split("#")[1]: (v, t, d)
        for p, v, t, d in rows(
            db,
            "SELECT c.path, verdict, time_value, f.reference_date "
            "FROM claims c JOIN files f USING (path)",
        )
    }
    assert got == {
        "before": ("supported", "2015-03-14", "2015-03-16"),
        "after": ("contradicted", "2015-03-21", "2015-03-25"),
        "default": ("supported", "2015-03-14", "2015-03-17"),
    }


def test_error_records(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "audit.db").exit_code == UNREADABLE
    errors = dict(rows(Path("audit.db"), "SELECT path, error FROM files WHERE status = 'error'"))
    assert errors == {
        "archive.jsonl#empty": "archive.jsonl:6: record has no text",
        "archive.jsonl#7": "archive.jsonl:7: invalid JSON "
        "(Expecting property name enclosed in double quotes)",
        "archive.jsonl#8": "archive.jsonl:8: a record must be a JSON object",
        "archive.jsonl#baddate": "archive.jsonl:9: invalid date 'yesterday' (expected YYYY-MM-DD)",
    }
    no_claims = "SELECT count(*) FROM claims c JOIN files f USING (path) WHERE f.status = 'error'"
    assert rows(Path("audit.db"), no_claims) == [(0,)]


def test_unreadable_file_is_an_error_row(corpus: dict[str, Path]) -> None:
    (corpus["docs"] / "bad.txt").write_bytes(b"\x00\x00binary")
    assert audit_all(corpus, "audit.db").exit_code == UNREADABLE
    assert rows(Path("audit.db"), "SELECT status, error FROM files WHERE path LIKE '%bad.txt'") == [
        ("error", os.path.join("docs", "bad.txt") + ": binary file, not text")
    ]


def test_refuses_a_non_empty_db_without_resume_or_overwrite(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "audit.db").exit_code == UNREADABLE
    again = audit_all(corpus, "audit.db")
    assert again.exit_code == 2
    assert "already holds an audit of 14 documents" in again.output
    assert "--resume" in again.output
    both = audit_all(corpus, "audit.db", "--resume", "--overwrite")
    assert both.exit_code == 2


def test_overwrite_starts_afresh(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "audit.db").exit_code == UNREADABLE
    args = ["single.txt", "--timeline", str(corpus["timeline"]), "--db", "audit.db", "-j", "1"]
    assert run([*args, "--overwrite"]).exit_code == 0
    assert rows(Path("audit.db"), "SELECT path FROM files") == [("single.txt",)]


def test_resume_skips_unchanged_and_rechecks_changed(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "audit.db").exit_code == UNREADABLE
    before = file_set(Path("audit.db"))
    checked_at = dict(rows(Path("audit.db"), "SELECT path, checked_at FROM files"))
    corpus["single"].write_text(SUPPORTED + "\n", encoding="utf-8")
    result = audit_all(corpus, "audit.db", "--resume")
    assert result.exit_code == UNREADABLE, result.output
    # the 4 error rows are re-tried, the changed file re-checked, the other 9 skipped
    assert "14 documents (5 checked, 9 unchanged, 4 errors)" in result.output
    after = file_set(Path("audit.db"))
    changed = {r for r in after if r[0] == "single.txt"}
    assert len(changed) == 1 and changed != {r for r in before if r[0] == "single.txt"}
    assert {r for r in after if r[0] != "single.txt"} == {r for r in before if r[0] != "single.txt"}
    assert rows(Path("audit.db"), "SELECT verdict FROM claims WHERE path = 'single.txt'") == [
        ("supported",)
    ]
    now = dict(rows(Path("audit.db"), "SELECT path, checked_at FROM files"))
    assert now["archive.jsonl#r1"] == checked_at["archive.jsonl#r1"]


def test_resume_rechecks_when_options_change(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "audit.db").exit_code == UNREADABLE
    result = audit_all(corpus, "audit.db", "--resume", "--min-score", "70")
    assert "14 documents (14 checked, 0 unchanged" in result.output


def test_resume_counts_skipped_findings_for_fail_on(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "audit.db").exit_code == UNREADABLE
    result = audit_all(corpus, "audit.db", "--resume", "--fail-on", "error")
    assert result.exit_code == UNREADABLE  # unreadable documents come first, as in `check`
    assert "3 contradicted, 2 conflated" in result.output


def test_fail_on(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "a.db", "--fail-on", "error").exit_code == UNREADABLE
    args = ["globbed", "--timeline", str(corpus["timeline"]), "-j", "1", "--fail-on", "warning"]
    assert run([*args, "--db", "b.db"]).exit_code == 0  # unverifiable only: info


def test_duplicate_ids_get_unique_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "dup.jsonl", [{"id": "x", "text": SUPPORTED}, {"id": "x", "text": "b"}])
    keys = [d.key for d in core.iter_documents(["dup.jsonl", "dup.jsonl", "./dup.jsonl"])]
    assert keys == ["dup.jsonl#x", "dup.jsonl#x@2"]


def test_gzip_archive(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "z", "text": CONTRADICTED}) + "\n")
    docs = list(core.iter_documents([str(path)]))
    assert [(d.key.split("#")[1], d.text) for d in docs] == [("z", CONTRADICTED)]


def test_missing_path_is_a_usage_error(corpus: dict[str, Path]) -> None:
    result = run(["nope.txt", "--db", "x.db", "--timeline", str(corpus["timeline"])])
    assert result.exit_code == 2
    assert "nope.txt: no such file or directory" in result.output
    assert not Path("x.db").exists()
    assert run(["nothing-*.jsonl", "--db", "x.db"]).exit_code == 2


def test_usage_errors(corpus: dict[str, Path]) -> None:
    assert run(["--db", "x.db"]).exit_code == 2  # nothing to do
    assert run(["single.txt", "--db", "x.db", "--scheduler", "tcp://h:1"]).exit_code == 2
    assert run(["-", "--db", "x.db"]).exit_code == 2
    Path("notadb").write_text("hello, this is not sqlite at all" * 10)
    bad = run(["single.txt", "--db", "notadb", "--timeline", str(corpus["timeline"])])
    assert bad.exit_code == 2 and "notadb" in bad.output


def test_dask_engine_without_dask(corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = run(["single.txt", "--db", "x.db", "--engine", "dask"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "install factcheck[dask]" in lines[0]


def test_jobs_2_equals_jobs_1(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "one.db").exit_code == UNREADABLE
    result = audit_all(corpus, "two.db", "--jobs", "2", "--batch-size", "2")
    assert result.exit_code == UNREADABLE, result.output
    assert claim_set(Path("one.db")) == claim_set(Path("two.db"))
    assert file_set(Path("one.db")) == file_set(Path("two.db"))
    full = 'SELECT * FROM claims ORDER BY path, line, "column", rule'
    assert rows(Path("one.db"), full) == rows(Path("two.db"), full)


def test_default_jobs_is_one_process_for_small_inputs(
    corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = ["docs", "globbed/*.txt", "single.txt", "archive.jsonl"]
    size = core.input_bytes(inputs)
    one, archive = Path("single.txt").stat().st_size, Path("archive.jsonl").stat().st_size
    assert core.input_bytes(["single.txt", "archive.jsonl", "single.txt"]) == one + archive
    assert size > one + archive  # and the files of the directory and the glob
    assert core.input_bytes(inputs, limit=1) < size  # stops once the limit is reached
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert core.default_jobs(inputs) == 1  # a few hundred bytes: no pool
    monkeypatch.setattr("factcheck.audit_engines.SMALL_AUDIT_BYTES", size)
    assert core.default_jobs(inputs) == 8  # as large as a large audit: every core


def test_export_jsonl_and_csv(corpus: dict[str, Path]) -> None:
    assert audit_all(corpus, "audit.db", "--export", "out.jsonl").exit_code == UNREADABLE
    docs = [json.loads(line) for line in Path("out.jsonl").read_text().splitlines()]
    assert {d["path"] for d in docs} == EXPECTED_KEYS
    single = next(d for d in docs if d["path"] == "single.txt")
    assert single["status"] == "ok" and single["summary"]["contradicted"] == 1
    claim = single["claims"][0]
    assert claim["verdict"] == "contradicted" and claim["evidence"] == ["kelso-dam-collapse-2015"]
    assert claim["event_id"] == "kelso-dam-collapse-2015" and claim["time_value"] == "2017"
    assert sum(len(d["claims"]) for d in docs) == 11
    # export only (no PATH): from the database
    result = run(["--db", "audit.db", "--export", "out.csv"])
    assert result.exit_code == 0, result.output
    with open("out.csv", newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == 11
    assert {(r["path"], r["verdict"]) for r in table} >= {("single.txt", "contradicted")}
    assert json.loads(table[0]["evidence"]) is not None


def test_export_needs_an_existing_db(corpus: dict[str, Path]) -> None:
    result = run(["--db", "missing.db", "--export", "out.csv"])
    assert result.exit_code == 2 and "no such audit database" in result.output
    assert not Path("missing.db").exists()
    assert audit_all(corpus, "audit.db").exit_code == UNREADABLE
    assert run(["--db", "audit.db", "--export", "out.txt"]).exit_code == 2


def test_api_run_audit(corpus: dict[str, Path]) -> None:
    from factcheck import load_timeline

    settings = core.AuditSettings(load_timeline([corpus["timeline"]]))
    with core.AuditStore("api.db") as store:
        seen: list[object] = []
        summary = core.run_audit(
            core.iter_documents(["single.txt", str(corpus["globbed"])]),
            store,
            settings,
            on_document=seen.append,
        )
        assert (summary.checked, summary.errors, len(seen)) == (3, 0, 3)
        assert summary.verdicts == {"contradicted": 1, "unverifiable": 2}
        again = core.run_audit(core.iter_documents(["single.txt"]), store, settings, resume=True)
        assert (again.checked, again.skipped) == (0, 1)
    assert rows(
        Path("api.db"), "SELECT DISTINCT sentence FROM claims WHERE verdict = 'unverifiable'"
    ) == [(UNVERIFIABLE,)]


def test_progress_bar_can_be_forced(corpus: dict[str, Path]) -> None:
    result = audit_all(corpus, "audit.db", "--progress")
    assert result.exit_code == UNREADABLE, result.output
    assert "14 documents" in result.output


def test_help_documents_the_exit_status() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    assert "Exit status" in result.output and "--resume" in result.output


def test_database_problems_are_one_line(corpus: dict[str, Path]) -> None:
    args = ["single.txt", "--timeline", str(corpus["timeline"]), "-j", "1"]
    missing_dir = run([*args, "--db", "no/such/dir/a.db"])
    assert missing_dir.exit_code == 2
    assert "no/such/dir/a.db: cannot use as an audit database" in missing_dir.output
    import sqlite3

    with sqlite3.connect("future.db") as conn:
        conn.execute("PRAGMA user_version = 99")
    future = run([*args, "--db", "future.db"])
    assert future.exit_code == 2 and "schema 99" in future.output
    with sqlite3.connect("other.db") as conn:
        conn.execute("CREATE TABLE t (x)")
    other = run([*args, "--db", "other.db"])
    assert other.exit_code == 2 and "not a factcheck audit database" in other.output


def test_configuration_file_as_for_check(corpus: dict[str, Path]) -> None:
    Path(".factcheck.yaml").write_text(
        "timeline: [timeline.yaml]\nreference_date: 2015-03-25\nfail_on: warning\n",
        encoding="utf-8",
    )
    write_jsonl(Path("week.jsonl"), [{"id": "w", "text": WEEKDAY}])
    result = run(["week.jsonl", "--db", "c.db", "-j", "1"])
    assert result.exit_code == 0, result.output  # fail_on is check's: audit's default stays
    assert rows(Path("c.db"), "SELECT event_id, time_value FROM claims") == [
        ("kelso-dam-collapse-2015", "2015-03-21")
    ]
    again = run(["week.jsonl", "--db", "c.db", "--overwrite", "--reference-date", "2015-03-16"])
    assert again.exit_code == 0
    assert rows(Path("c.db"), "SELECT time_value FROM claims") == [("2015-03-14",)]


def test_decoding_warnings_are_shown(corpus: dict[str, Path]) -> None:
    Path("latin.txt").write_bytes(CONTRADICTED.replace("dam", "d\xe4m").encode("latin-1"))
    result = run(["latin.txt", "--db", "l.db", "-j", "1", "--timeline", str(corpus["timeline"])])
    assert result.exit_code == 0
    assert "warning: latin.txt: not valid UTF-8" in result.output
