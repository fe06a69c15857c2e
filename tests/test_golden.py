"""Golden test: the seed article's JSON report, compared with tests/golden/seed.json.

Run with FACTCHECK_UPDATE_GOLDEN=1 to rewrite the golden file (then review the diff).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from factcheck.cli import cli

GOLDEN = Path(__file__).resolve().parent / "golden" / "seed.json"


def normalise(report: dict) -> dict:
    """Only what depends on where the timeline lives (or how it is edited) is replaced."""
    report = json.loads(json.dumps(report))
    report["timeline"]["paths"] = ["<timeline>"] * len(report["timeline"]["paths"])
    report["timeline"]["sha256"] = "<sha256>"
    return report


def test_seed_report_matches_golden(runner, tmp_path, monkeypatch, seed_path, bundled_timeline):
    (tmp_path / "fixtures").mkdir()
    shutil.copyfile(seed_path, tmp_path / "fixtures" / seed_path.name)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        cli,
        [
            "check",
            f"fixtures/{seed_path.name}",
            "--format",
            "json",
            "--timeline",
            str(bundled_timeline),
        ],
        env={"NO_COLOR": None, "FORCE_COLOR": None},
    )
    assert result.exit_code == 1, result.output
    actual = normalise(json.loads(result.stdout))
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert GOLDEN.exists(), "run with FACTCHECK_UPDATE_GOLDEN=1 to create the golden file"
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert actual == expected
