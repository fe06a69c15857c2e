"""Issue 13: what a new user trips over. One test (or more) per defect."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import FIXTURES, TIMELINE

from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CONTRADICTED = "The Wagner mutiny began on 12 March 2021 in Rostov-on-Don.\n"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# -- 2: audit keys do not depend on how a path is spelt ---------------------------------


def test_audit_resume_is_idempotent_however_the_path_is_spelt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "a.txt").write_text(CONTRADICTED, encoding="utf-8")
    (news / "sub" / "b.txt").write_text(CONTRADICTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    common = ["--timeline", str(TIMELINE), "--jobs", "1", "--no-progress"]
    first = invoke("audit", "news", "--db", "d.sqlite", *common)
    assert first.exit_code == 0, first.output
    for spelling, cwd in ((str(news), tmp_path), ("./news/", tmp_path), (".", news)):
        monkeypatch.chdir(cwd)
        db = str(tmp_path / "d.sqlite")
        again = invoke("audit", spelling, "--db", db, "--resume", *common)
        assert again.exit_code == 0, again.output
        assert "0 checked" in again.output and "2 unchanged" in again.output, again.output
    with sqlite3.connect(tmp_path / "d.sqlite") as db:
        keys = sorted(row[0] for row in db.execute("SELECT path FROM files"))
    assert keys == [os.path.join("news", "a.txt"), os.path.join("news", "sub", "b.txt")]
