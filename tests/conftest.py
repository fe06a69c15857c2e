"""Shared fixtures: the repository paths, a tiny timeline writer, a CliRunner."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "wagner-mutiny-meeting.txt"
BUNDLED = ROOT / "claims.yaml"

# A small synthetic timeline: two related events (linked by confused_with, sharing an
# entity) and one unrelated event. Names are invented so that the tests do not depend
# on the curated claims.yaml.
SYNTHETIC = """\
schema: 1
title: Synthetic timeline
events:
  - id: legion-mutiny-2023
    title: Ostrava Legion mutiny
    date: 2023-06-23
    end: 2023-06-24
    aliases: [Legion mutiny, Legion rebellion]
    keywords: [mutiny, rebellion, uprising]
    entities: [Ostrava Legion, Ivan Dorokhov]
    sources: [https://example.org/mutiny]
    confused_with: [legion-arrests-2020]
  - id: legion-arrests-2020
    title: Minsk detains Legion fighters
    date: 2020-07-29
    aliases: [Legion arrests]
    keywords: [arrested, detained, arrests]
    entities: [Ostrava Legion, Minsk]
    sources: [https://example.org/arrests, "Minsk Herald, 30 July 2020"]
    confused_with: [legion-mutiny-2023]
  - id: kelso-dam-collapse-2015
    title: Kelso dam collapse
    date: 2015-03-14
    aliases: [Kelso dam collapse]
    keywords: [collapse, flood]
    entities: [Kelso Dam]
    sources: [https://example.org/dam]
"""


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
