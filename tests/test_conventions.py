"""Issue 13, the conventions users expect (ruff, Vale, black): quiet, statistics, rule
selection and severities, inline ignores, short sources, JSON timelines, JUnit passing
cases, GitLab Code Quality."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import FIXTURES, TIMELINE

from factcheck.cli import cli

SEED = FIXTURES / "wagner-mutiny-meeting.txt"
ARGS = ["--timeline", str(TIMELINE), "--no-color"]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def check(*args: str) -> Result:
    return invoke("check", *ARGS, *args)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("FACTCHECK_CONFIG", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_quiet_prints_the_findings_only(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing dated here.\n", encoding="utf-8")
    result = check(str(SEED), str(clean), "--quiet")
    assert result.exit_code == 1
    assert "CONFLATED" in result.stdout
    assert "checked" not in result.stdout and "clean.txt" not in result.stdout


def test_statistics_count_claims_per_rule_and_verdict() -> None:
    text = check(str(SEED), "--statistics")
    assert text.exit_code == 1
    assert "1  conflation  conflated (error)" in text.stdout
    assert "CONFLATED" not in text.stdout
    rows = json.loads(check(str(SEED), "--statistics", "--format", "json").stdout)
    assert {"rule": "conflation", "verdict": "conflated", "severity": "error", "count": 1} in rows
    assert sum(r["count"] for r in rows) == 6


def test_text_output_names_the_rule() -> None:
    assert "CONFLATED  [conflation] The text ties" in check(str(SEED)).stdout


def test_select_ignore_and_severity_on_the_command_line() -> None:
    assert check(str(SEED), "--ignore", "conflation").exit_code == 0
    assert check(str(SEED), "--ignore", "Conflation").exit_code == 0  # by name too
    only = json.loads(check(str(SEED), "--select", "weekday", "--format", "json").stdout)
    assert {c["rule"] for c in only["files"][0]["claims"]} == {"weekday"}
    lowered = check(str(SEED), "--severity", "conflation=warning", "--format", "line")
    assert lowered.exit_code == 0
    assert ": warning conflated:" in lowered.stdout
    failing = check(str(SEED), "--severity", "conflation=warning", "--fail-on", "warning")
    assert failing.exit_code == 1
    for bad in (["--select", "nosuch"], ["--severity", "conflation=fatal"]):
        result = check(str(SEED), *bad)
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1


def test_select_ignore_and_severity_in_the_config(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text(
        "severity: {conflation: warning}\nignore: [weekday]\n", encoding="utf-8"
    )
    report = json.loads(check(str(SEED), "--format", "json", "--show", "all").stdout)
    claims = report["files"][0]["claims"]
    assert "weekday" not in {c["rule"] for c in claims}
    assert [c["severity"] for c in claims if c["rule"] == "conflation"] == ["warning"]
    (tmp_path / ".factcheck.yaml").write_text("severity: {conflation: fatal}\n")
    assert check(str(SEED)).exit_code == 2


@pytest.mark.parametrize(
    ("name", "edit", "found"),
    [
        ("a.txt", lambda lines: lines.insert(8, "# factcheck: ignore[conflation]"), False),
        ("b.txt", lambda lines: lines.insert(8, "# factcheck: ignore[wrong-date]"), True),
        (
            "c.md",
            lambda lines: lines.__setitem__(
                8, lines[8] + " <!-- factcheck: ignore[Conflation] -->"
            ),
            False,
        ),
    ],
)
def test_inline_ignore_of_a_rule(tmp_path: Path, name: str, edit, found: bool) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    edit(lines)
    (tmp_path / name).write_text("\n".join(lines), encoding="utf-8")
    result = check(name, "--format", "line")
    assert ("conflated" in result.stdout) is found
    assert result.exit_code == (1 if found else 0)


def test_sources_are_short_unless_shown_in_full() -> None:
    short = check(str(SEED)).stdout
    assert "https://" not in short
    assert "source: nationalpost.com/pmn/" in short
    assert all(len(line) <= 100 for line in short.splitlines() if "source:" in line)
    full = check(str(SEED), "--show", "sources").stdout
    assert "source: https://nationalpost.com/pmn/news-pmn/crime-pmn/belarus-seeks" in full


def test_timeline_show_as_json() -> None:
    shown = json.loads(invoke("timeline", "show", str(TIMELINE), "--format", "json").stdout)
    assert shown["sha256"] and shown["paths"] == [str(TIMELINE)]
    (mutiny,) = [e for e in shown["events"] if e["id"] == "wagner-mutiny-2023"]
    assert mutiny["date"] == "2023-06-23" and mutiny["end"] == "2023-06-24"
    assert mutiny["sources"] and mutiny["line"] > 0


def test_junit_lists_passing_files(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text("Nothing dated here.\n", encoding="utf-8")
    root = ET.fromstring(check(str(SEED), "clean.txt", "--format", "junit").stdout)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    clean = suites["clean.txt"]
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    (case,) = clean.iter("testcase")
    assert not list(case)
    assert root.get("tests") == "2" and root.get("failures") == "1"


def test_gitlab_code_quality(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01 binary")
    result = check(str(SEED), "bin.txt", "--format", "gitlab")
    issues = json.loads(result.stdout)
    assert result.exit_code == 2
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    (conflated,) = [i for i in issues if i["check_name"] == "conflation"]
    assert conflated["severity"] == "major"
    assert conflated["location"]["positions"]["begin"] == {"line": 9, "column": 256}
    assert any(i["severity"] == "critical" for i in issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


# -- suggestions in the article's own wording, SARIF fixes, differences in words ----------

MUTINY_2018 = "The Wagner mutiny of July 2018 shook Moscow.\n"


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("July 2020", "June 2023"),
        ("24 May 2023", "23–24 June 2023"),
        ("May 24, 2023", "June 23–24, 2023"),
        ("2021", "2023"),
        ("2021-05-24", "2023-06-23 to 2023-06-24"),
        ("Sept. 2019", "Jun. 2023"),
        ("5 July", "23–24 June"),
    ],
)
def test_rewrite_in_the_articles_form(written: str, suggested: str) -> None:
    from factcheck import load_timeline
    from factcheck.phrasing import rewrite

    mutiny = load_timeline(TIMELINE).get("wagner-mutiny-2023")
    assert mutiny is not None
    assert rewrite(written, mutiny) == suggested


def test_suggestion_in_the_articles_words_and_as_a_sarif_fix(tmp_path: Path) -> None:
    text = check(str(SEED)).stdout
    assert "suggestion: June 2023 (2023-06-23 to 2023-06-24)" in text
    report = json.loads(check(str(SEED), "--format", "json").stdout)
    (claim,) = [c for c in report["files"][0]["claims"] if c["verdict"] == "conflated"]
    assert claim["replacement"] == "June 2023"
    assert claim["suggestion"] == "2023-06-23 to 2023-06-24"  # the contract's field as it was
    sarif = json.loads(check(str(SEED), "--format", "sarif").stdout)
    (result,) = sarif["runs"][0]["results"]
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "June 2023"
    region = replacement["deletedRegion"]
    line = SEED.read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "July 2020"


def test_differences_in_years_and_months(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MUTINY_2018, encoding="utf-8")
    line = check("a.txt", "--reference-date", "2024-01-10", "--format", "line").stdout
    assert "(off by 4 years 11 months)" in line


def test_sarif_with_fixes_and_warnings_validates(tmp_path: Path) -> None:
    """Only with jsonschema installed and FACTCHECK_SARIF_SCHEMA naming the schema (CI)."""
    import os

    jsonschema = pytest.importorskip("jsonschema")
    schema_path = os.environ.get("FACTCHECK_SARIF_SCHEMA")
    if not schema_path:
        pytest.skip("FACTCHECK_SARIF_SCHEMA is not set")
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    (tmp_path / "w.md").write_bytes(b"Caf\xe9.\n<!-- factcheck off -->\n")
    sarif = json.loads(
        check(str(SEED), "w.md", "--report-unused-suppressions", "--format", "sarif").stdout
    )
    assert sarif["runs"][0]["results"][0]["fixes"]
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(sarif)]
    assert not errors, errors[:5]


def test_timeline_validate_warns_about_sources(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(
        """schema: 1
events:
  - id: a-2020
    title: Event A
    date: 2020-07-29
    sources:
      - https://www.reuters.com/world/a
      - https://reuters.com/world/a/
      - see above
      - https://www.urdupoint.com/en/world/a.html
      - "Minsk Herald, 30 July 2020"
""",
        encoding="utf-8",
    )
    result = invoke("timeline", "validate", "t.yaml")
    assert result.exit_code == 0  # warnings, not problems
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 3, warnings
    assert "given twice" in warnings[0]
    assert "'see above' is neither a URL" in warnings[1]
    assert "aggregator page (urdupoint.com)" in warnings[2]
    assert all(":3:1: a-2020:" in w for w in warnings)
    shown = json.loads(invoke("timeline", "validate", "t.yaml", "--format", "json").stdout)
    assert shown["valid"] is True and len(shown["warnings"]) == 3


def test_bundled_timeline_cites_no_aggregator_the_issue_names() -> None:
    from factcheck.timeline import bundled_timeline_path, load_timeline, source_warnings

    for path in (bundled_timeline_path(), TIMELINE):
        warnings = [w.message for w in source_warnings(load_timeline(path))]
        named = ("urdupoint.com", "devdiscourse.com", "news.az")
        assert not [w for w in warnings if any(f"({host})" in w for host in named)], path
        assert not [w for w in warnings if "twice" in w or "neither" in w], path
