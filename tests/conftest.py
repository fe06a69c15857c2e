"""Shared fixtures: the repository paths, a tiny timeline writer, a CliRunner."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SYNTHETIC

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "wagner-mutiny-meeting.txt"
BUNDLED = ROOT / "claims.yaml"



@pytest.fixture
def seed_path() -> Path:
    """The origin article (read only)."""
    return SEED


@pytest.fixture
def bundled_timeline() -> Path:
    """The curated top-level claims.yaml."""
    return BUNDLED


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_timeline(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML text (dedented) to tmp_path/<name> and return the path."""

    def write(text: str, name: str = "timeline.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def synthetic_timeline(write_timeline: Callable[..., Path]) -> Path:
    return write_timeline(SYNTHETIC, "synthetic.yaml")


@pytest.fixture(scope="session")
def synthetic_checker(tmp_path_factory: pytest.TempPathFactory):
    """A Checker over SYNTHETIC, built once (building the pipeline is the slow part)."""
    import factcheck

    path = tmp_path_factory.mktemp("synthetic") / "synthetic.yaml"
    path.write_text(SYNTHETIC, encoding="utf-8")
    return factcheck.Checker(factcheck.load_timeline([path]))


@pytest.fixture
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No configuration or job summary from the environment; run in tmp_path."""
    for name in ("FACTCHECK_CONFIG", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
