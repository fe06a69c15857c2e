"""`factcheck audit --engine dask` on a LocalCluster on loopback: same rows as --jobs 1.

Skipped when `distributed` is not installed (the optional extra factcheck[dask])."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_audit_helpers import claim_set, file_set, make_corpus, write_timeline

from factcheck.cli import cli

distributed = pytest.importorskip("distributed")


def test_dask_engine_matches_jobs_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_corpus(tmp_path)
    write_timeline(tmp_path)
    inputs = ["docs", "globbed/*.txt", "single.txt", "archive.jsonl", "--timeline", "timeline.yaml"]
    runner = CliRunner()
    one = runner.invoke(cli, ["audit", *inputs, "--db", "one.db", "-j", "1"])
    assert one.exit_code == 2, one.output  # the corpus holds bad records
    args = ["audit", *inputs, "--db", "dask.db", "--engine", "dask", "-j", "2"]
    result = runner.invoke(cli, [*args, "--batch-size", "3"])
    assert result.exit_code == 2, result.output
    assert "14 documents (14 checked, 0 unchanged, 4 errors)" in result.output
    assert claim_set(Path("dask.db")) == claim_set(Path("one.db"))
    assert file_set(Path("dask.db")) == file_set(Path("one.db"))


def test_dask_engine_with_a_scheduler_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_corpus(tmp_path)
    write_timeline(tmp_path)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        args = ["audit", "archive.jsonl", "--timeline", "timeline.yaml", "--db", "s.db"]
        result = CliRunner().invoke(
            cli, [*args, "--engine", "dask", "--scheduler", cluster.scheduler_address]
        )
    assert result.exit_code == 2, result.output
    assert "9 documents (9 checked, 0 unchanged, 4 errors)" in result.output
