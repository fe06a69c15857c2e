"""`factcheck audit` killed with SIGKILL (or interrupted) midway, then resumed, ends with
every document exactly once and the same rows as an uninterrupted run."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_audit_helpers import (
    CONFLATED,
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    WEEKDAY,
    claim_set,
    rows,
    write_jsonl,
    write_timeline,
)

from factcheck.cli import cli

DOCS = 200
KILL_AFTER = 30  # committed documents


def make_archive(folder: Path) -> Path:
    texts = [SUPPORTED, CONFLATED, CONTRADICTED, UNVERIFIABLE, WEEKDAY]
    records = [
        {
            "id": f"doc{i:03d}",
            "text": "\n\n".join(texts[(i + k) % 5] for k in range(8)),
            "date": f"2015-03-{10 + i % 15:02d}",
        }
        for i in range(DOCS)
    ]
    records[17] = {"id": "doc017"}  # an error record, too
    return write_jsonl(folder / "archive.jsonl", records)


def committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM files").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


def start(folder: Path, db: str, jobs: str, *extra: str) -> subprocess.Popen[bytes]:
    args = ["archive.jsonl", "--timeline", "timeline.yaml", "--db", db, "-j", jobs, *extra]
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "audit", *args, "--batch-size", "1"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    """Ctrl-C as in a terminal, even when the tests run as a background job: that ignores
    SIGINT, a child inherits it, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stop_midway(proc: subprocess.Popen[bytes], db: Path, sig: int) -> int:
    """Send `sig` to the auditing process once KILL_AFTER documents are committed."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        n = committed(db)
        if n >= KILL_AFTER:
            proc.send_signal(sig)
            return n
        time.sleep(0.005)
    raise AssertionError(f"the audit ended before it could be stopped: {proc.communicate()}")


def assert_whole_documents(db: Path) -> None:
    """Every recorded document has all its claims, and no claim is without its document."""
    mismatched = rows(
        db,
        "SELECT path FROM files f WHERE claims != "
        "(SELECT count(*) FROM claims c WHERE c.path = f.path)",
    )
    orphans = rows(db, "SELECT count(*) FROM claims WHERE path NOT IN (SELECT path FROM files)")
    assert mismatched == [] and orphans == [(0,)]


def file_rows(db: Path) -> set[tuple[object, ...]]:
    return set(rows(db, "SELECT path, sha256, status, error, claims, reference_date FROM files"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    make_archive(tmp_path)
    write_timeline(tmp_path)
    return tmp_path


@pytest.fixture
def clean(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An uninterrupted run's database."""
    monkeypatch.chdir(folder)
    args = ["audit", "archive.jsonl", "--timeline", "timeline.yaml", "--db", "clean.db", "-j", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output  # doc017 has no text
    return folder / "clean.db"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigkill_midway_then_resume(folder: Path, clean: Path, jobs: str) -> None:
    db = folder / "killed.db"
    proc = start(folder, db.name, jobs)
    try:
        stop_midway(proc, db, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
    finally:
        _kill_group(proc)
    partial = committed(db)
    assert KILL_AFTER <= partial < DOCS
    assert_whole_documents(db)
    assert file_rows(db) <= file_rows(clean)

    resumed = start(folder, db.name, jobs, "--resume")
    _, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 2, err.decode()  # doc017
    assert f"{DOCS} documents" in err.decode()
    assert_whole_documents(db)
    assert rows(db, "SELECT count(*) FROM files") == [(DOCS,)]
    assert rows(db, "SELECT count(*) FROM claims") == rows(clean, "SELECT count(*) FROM claims")
    assert claim_set(db) == claim_set(clean)
    assert file_rows(db) == file_rows(clean)


def test_interrupt_exits_130_and_keeps_committed_documents(folder: Path, clean: Path) -> None:
    db = folder / "interrupted.db"
    proc = start(folder, db.name, "1")
    try:
        stop_midway(proc, db, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        _kill_group(proc)
    assert proc.returncode == 130
    assert "interrupted" in err.decode() and "Traceback" not in err.decode()
    assert_whole_documents(db)
    assert file_rows(db) <= file_rows(clean)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Whatever the audit left running (orphaned pool workers) goes too."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
