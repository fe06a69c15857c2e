"""Shared test data and helpers (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# The curated events the seed touches, an excerpt of claims.yaml
# (test_formats.test_excerpt_timeline_gives_the_curated_findings checks it gives the same
# findings): loading all of claims.yaml for every run would make the CLI tests slow.
TIMELINE = FIXTURES / "wagner-timeline.yaml"
SEED_NAMES = {
    "txt": "wagner-mutiny-meeting.txt",
    "md": "wagner-mutiny-meeting.md",
    "html": "wagner-mutiny-meeting.html",
}
# The sentence of the conflation (the code-block decoys have "In July 2020 the mutiny").
CONFLATED_SENTENCE = "In July 2020, it was alleged"

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

# The keys of CONTRACTS §4.
FILE_KEYS = {"path", "reference_date", "error", "claims", "summary"}
CLAIM_KEYS = {
    "line",
    "column",
    "end_line",
    "end_column",
    "sentence",
    "time",
    "event",
    "verdict",
    "severity",
    "rule",
    "rule_id",
    "trace",
    "message",
    "suggestion",
    "evidence",
}
TIME_KEYS = {"text", "value", "start", "end", "relation"}
EVENT_KEYS = {"id", "title", "date", "end", "score"}


def invoke(runner: CliRunner, args: list, **kwargs: object) -> Result:
    """Run the CLI with every argument as a string; a traceback is always a failure."""
    result = runner.invoke(cli, [str(a) for a in args], **kwargs)  # type: ignore[arg-type]
    assert "Traceback" not in result.output, result.output
    return result
