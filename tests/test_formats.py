"""Output formats for CI (sarif, github, junit, line, jsonl), Markdown/HTML positions and
decoys, and standard input: the "factcheck as a CI check on editorial drafts" issue."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import CLAIM_KEYS, CONFLATED_SENTENCE, FIXTURES, ROOT, SEED_NAMES, TIMELINE, invoke

from factcheck.cli import cli
from factcheck.formatters.github import escape_data, escape_property

CURATED = ROOT / "claims.yaml"
GITHUB_LINE = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")
LINE_FORMAT = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) "
    r"(?P<verdict>supported|contradicted|conflated|unverifiable): (?P<message>\S.*)$"
)
SARIF_LEVELS = {"none", "note", "warning", "error"}


pytestmark = pytest.mark.usefixtures("isolated_env")




def run_check(runner: CliRunner, *args, **kwargs):
    return invoke(runner, ["check", *args, "--timeline", TIMELINE], **kwargs)


class Seeds:
    """The three seed articles copied to one folder; each run's (exit code, stdout) is
    kept, so that a report read by several tests is computed once (loading the curated
    timeline is the slow part of a run)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cache: dict[tuple, tuple[int, str]] = {}
        for name in SEED_NAMES.values():
            shutil.copyfile(FIXTURES / name, folder / name)

    def path(self, kind: str) -> Path:
        return self.folder / SEED_NAMES[kind]

    def run(self, kind: str, *args: str) -> tuple[int, str]:
        key = (kind, args)
        if key not in self.cache:
            previous = os.getcwd()
            os.chdir(self.folder)  # relative paths, as a CI job gives them
            try:
                result = CliRunner().invoke(
                    cli,
                    ["check", SEED_NAMES[kind], "--timeline", str(TIMELINE), *args],
                    env={"FACTCHECK_CONFIG": None, "GITHUB_STEP_SUMMARY": None},
                )
            finally:
                os.chdir(previous)
            assert "Traceback" not in result.output, result.output
            self.cache[key] = (result.exit_code, result.stdout)
        return self.cache[key]

    def report(self, kind: str, *args: str) -> dict:
        code, stdout = self.run(kind, "--format", "json", *args)
        assert code in (0, 1), stdout
        (file,) = json.loads(stdout)["files"]
        return file


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Seeds:
    return Seeds(tmp_path_factory.mktemp("seeds"))


def copy_seed(tmp_path: Path, kind: str, name: str | None = None) -> Path:
    target = tmp_path / (name or SEED_NAMES[kind])
    shutil.copyfile(FIXTURES / SEED_NAMES[kind], target)
    return target


def json_file_report(runner: CliRunner, path, *args, **kwargs) -> dict:
    result = run_check(runner, path, "--format", "json", *args, **kwargs)
    assert result.exit_code in (0, 1), result.output
    (file,) = json.loads(result.stdout)["files"]
    return file


def conflation_position(path: Path) -> tuple[int, int]:
    """(line, column), 1-based, of "July 2020" in the conflated sentence, as written."""
    lines = path.read_text(encoding="utf-8").split("\n")
    (line,) = [i for i, text in enumerate(lines, 1) if CONFLATED_SENTENCE in text]
    return line, lines[line - 1].index(CONFLATED_SENTENCE) + len("In ") + 1


def only_conflation(file: dict) -> dict:
    conflated = [c for c in file["claims"] if c["verdict"] == "conflated"]
    assert len(conflated) == 1, [(c["line"], c["time"]["text"]) for c in conflated]
    return conflated[0]


def arrests_evidence(claim: dict) -> dict:
    (arrests,) = [e for e in claim["evidence"] if e["date"].startswith("2020")]
    return arrests


def text_at(path: Path, line: int, column: int, end_column: int) -> str:
    return path.read_text(encoding="utf-8").split("\n")[line - 1][column - 1 : end_column - 1]


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_excerpt_timeline_gives_the_curated_findings(seeds, runner, kind):
    with_excerpt = seeds.run(kind, "--format", "jsonl")
    previous = os.getcwd()
    os.chdir(seeds.folder)
    try:
        curated = invoke(
            runner, ["check", SEED_NAMES[kind], "--timeline", CURATED, "--format", "jsonl"]
        )
    finally:
        os.chdir(previous)
    assert curated.exit_code == with_excerpt[0]

    def comparable(stdout: str) -> list[dict]:
        records = [json.loads(line) for line in stdout.splitlines()]
        for record in records:  # how well, and how, the event matched depends on the
            record.pop("context")  # whole index; the findings themselves must not
            record.pop("trace")  # the link rules in it too
            if record["event"]:
                record["event"].pop("score")
        return records

    assert comparable(curated.stdout) == comparable(with_excerpt[1])
    assert '"conflated"' in curated.stdout


# -- SARIF --------------------------------------------------------------------------------


def sarif_for(runner, path, *args) -> tuple[int, dict]:
    result = run_check(runner, path, "--format", "sarif", *args)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_sarif_structure_and_conflation(seeds, kind):
    path = seeds.path(kind)
    code, stdout = seeds.run(kind, "--format", "sarif")
    sarif = json.loads(stdout)
    assert code == 1
    assert sarif["version"] == "2.1.0"
    assert "sarif" in sarif["$schema"] and "2.1.0" in sarif["$schema"]
    assert len(sarif["runs"]) == 1
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    rules = driver["rules"]
    assert rules
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert isinstance(rule["id"], str) and rule["id"]
        assert rule["shortDescription"]["text"].strip()
        assert rule["help"]["text"].strip()
        assert rule["defaultConfiguration"]["level"] in SARIF_LEVELS
    assert run["results"]
    for result in run["results"]:
        assert result["ruleId"] in ids
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in SARIF_LEVELS
        assert result["message"]["text"].strip()
        fingerprints = result["partialFingerprints"]
        assert fingerprints and all(isinstance(v, str) and v for v in fingerprints.values())

    claim = only_conflation(seeds.report(kind))
    conflations = [r for r in run["results"] if r["ruleId"] == "conflation"]
    assert len(conflations) == 1
    result = conflations[0]
    assert result["level"] == "error"
    (location,) = result["locations"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == path.name
    region = physical["region"]
    assert (
        region["startLine"],
        region["startColumn"],
        region["endLine"],
        region["endColumn"],
    ) == (claim["line"], claim["column"], claim["end_line"], claim["end_column"])
    assert (region["startLine"], region["startColumn"]) == conflation_position(path)
    assert text_at(path, region["startLine"], region["startColumn"], region["endColumn"]) == (
        "July 2020"
    )
    arrests = arrests_evidence(claim)
    message = result["message"]["text"]
    assert arrests["title"] in message
    urls = [s for s in arrests["sources"] if s.startswith("http")]
    assert urls and any(url in message for url in urls)


def test_sarif_show_all_has_a_result_per_claim_at_the_json_positions(seeds):
    sarif = json.loads(seeds.run("md", "--format", "sarif", "--show", "all")[1])
    file = seeds.report("md", "--show", "all")
    regions = sorted(
        (
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["locations"][0]["physicalLocation"]["region"]["endLine"],
            r["locations"][0]["physicalLocation"]["region"]["endColumn"],
        )
        for r in sarif["runs"][0]["results"]
    )
    expected = sorted(
        (c["line"], c["column"], c["end_line"], c["end_column"]) for c in file["claims"]
    )
    assert regions == expected
    levels = {r["ruleId"]: r["level"] for r in sarif["runs"][0]["results"]}
    assert levels["conflation"] == "error"
    # supported claims are not failures
    supported = [
        r for r in sarif["runs"][0]["results"] if r["properties"]["verdict"] == "supported"
    ]
    assert supported and all(r["level"] in ("none", "note") for r in supported)


def test_sarif_unreadable_file_is_a_notification(runner, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02 binary")
    code, sarif = sarif_for(runner, "bin.txt")
    assert code == 2
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert "bin.txt" in note["message"]["text"]


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_sarif_validates_against_a_local_schema(runner, tmp_path, kind):
    """Only with jsonschema installed and FACTCHECK_SARIF_SCHEMA naming the schema file."""
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = os.environ.get("FACTCHECK_SARIF_SCHEMA")
    if not schema_path:
        pytest.skip("FACTCHECK_SARIF_SCHEMA is not set")
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    path = copy_seed(tmp_path, kind)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02 binary")
    for args in ([path.name], [path.name, "--show", "all"], [path.name, "bin.txt"]):
        _, sarif = sarif_for(runner, *args)
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(sarif)]
        assert not errors, errors[:5]


# -- github -------------------------------------------------------------------------------


def parse_github(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Every line as (level, raw properties, raw message); fails on any other line."""
    parsed = []
    for line in output.splitlines():
        m = GITHUB_LINE.match(line)
        assert m, line
        props = {}
        if m.group(2):
            for item in m.group(2).split(","):
                key, sep, value = item.partition("=")
                assert sep, (item, line)
                assert key not in props
                props[key] = value
        parsed.append((m.group(1), props, m.group(3)))
    return parsed


def unescape(text: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_github_annotations(seeds, kind):
    path = seeds.path(kind)
    code, stdout = seeds.run(kind, "--format", "github")
    assert code == 1
    annotations = parse_github(stdout)
    errors = [a for a in annotations if a[0] == "error"]
    assert len(errors) == 1, annotations
    _, props, message = errors[0]
    assert set(props) == {"file", "line", "col", "endLine", "endColumn", "title"}
    claim = only_conflation(seeds.report(kind))
    assert props["file"] == path.name
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == tuple(
        str(claim[k]) for k in ("line", "column", "end_line", "end_column")
    )
    if kind == "txt":
        assert props["line"] == "9"
    assert "conflat" in unescape(props["title"])
    assert ":" not in props["title"] and "%3A" in props["title"]
    assert "\n" not in message
    text = unescape(message)
    assert arrests_evidence(claim)["title"] in text
    assert re.search(r"https?://", text)


def test_github_properties_are_percent_escaped(runner, tmp_path):
    copy_seed(tmp_path, "txt", "draft, v2: final.txt")
    result = run_check(runner, "draft, v2: final.txt", "--format", "github")
    assert result.exit_code == 1
    ((level, props, message),) = parse_github(result.stdout)
    assert level == "error"
    assert props["file"] == "draft%2C v2%3A final.txt"
    assert unescape(props["file"]) == "draft, v2: final.txt"
    assert props["line"] == "9"
    assert "%0A" in message  # the message has a second line (the sources)
    assert "\nSources: " in unescape(message)


@pytest.mark.skipif(sys.platform == "win32", reason="no newlines in Windows file names")
def test_github_newline_in_a_file_name_is_escaped(runner, tmp_path):
    copy_seed(tmp_path, "txt", "two\nlines.txt")
    result = run_check(runner, "two\nlines.txt", "--format", "github")
    assert result.exit_code == 1
    ((_, props, _),) = parse_github(result.stdout)
    assert props["file"] == "two%0Alines.txt"


def test_github_escape_functions():
    assert escape_property("a%b\r\nc,d:e") == "a%25b%0D%0Ac%2Cd%3Ae"
    assert escape_data("a%b\r\nc,d:e") == "a%25b%0D%0Ac,d:e"


def test_github_unreadable_file_is_an_escaped_error_annotation(runner, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02 binary")
    result = run_check(runner, "bin.txt", "--format", "github")
    assert result.exit_code == 2
    ((level, props, message),) = parse_github(result.stdout)
    assert level == "error"
    assert props["file"] == "bin.txt"
    assert "bin.txt" in unescape(message) and "binary" in message
    for value in props.values():
        assert not re.search(r"[:,\r\n]", value), props


def test_github_step_summary(runner, tmp_path, monkeypatch):
    path = copy_seed(tmp_path, "txt")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_check(runner, path.name, "--format", "github")
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")  # appended, not overwritten
    assert "factcheck" in text
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) >= 3  # header, separator, one finding
    assert re.match(r"^\|[-| :]+\|$", rows[1])
    finding = [r for r in rows if f"{path.name}:9:256" in r]
    assert len(finding) == 1
    assert "conflated" in finding[0] and "July 2020" in finding[0]
    # the summary goes to the file, not into the annotations
    assert all(GITHUB_LINE.match(line) for line in result.stdout.splitlines())


def test_github_without_step_summary_writes_only_annotations(runner, tmp_path):
    path = copy_seed(tmp_path, "txt")
    result = run_check(runner, path.name, "--format", "github")
    assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    parse_github(result.stdout)


def contradictions(n: int) -> str:
    months = "January February March April May August September October November December"
    names = months.split()
    return "\n\n".join(
        f"The Ostrava Legion mutiny, led by Ivan Dorokhov, began in "
        f"{names[i % len(names)]} {2001 + i}, report number {i}."
        for i in range(n)
    )


@pytest.mark.parametrize("n", [10, 15])
def test_github_at_most_ten_errors_then_a_notice(
    runner, tmp_path, synthetic_timeline, monkeypatch, n
):
    article = tmp_path / "many.txt"
    article.write_text(contradictions(n) + "\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = invoke(
        runner, ["check", article.name, "--timeline", synthetic_timeline, "--format", "github"]
    )
    assert result.exit_code == 1
    annotations = parse_github(result.stdout)
    errors = [a for a in annotations if a[0] == "error"]
    notices = [a for a in annotations if a[0] == "notice"]
    assert len(errors) == min(n, 10)
    assert [int(a[1]["line"]) for a in errors] == [1 + 2 * i for i in range(min(n, 10))]
    if n > 10:
        assert len(notices) == 1
        assert re.search(rf"\b{n - 10}\b", notices[0][2]), notices[0]
    else:
        assert notices == []
    # the job summary lists every finding, annotated or not
    rows = [r for r in summary.read_text(encoding="utf-8").splitlines() if "many.txt:" in r]
    assert len(rows) == n


# -- junit --------------------------------------------------------------------------------


def junit(runner, *args) -> tuple[int, ET.Element]:
    result = run_check(runner, *args, "--format", "junit")
    return result.exit_code, ET.fromstring(result.stdout.encode("utf-8"))


def assert_junit_counts(root: ET.Element) -> None:
    assert root.tag == "testsuites"
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(len(c.findall("failure")) for c in cases),
            "errors": sum(len(c.findall("error")) for c in cases),
        }
        for key, value in counts.items():
            assert int(suite.get(key)) == value, (suite.get("name"), key)
            totals[key] += value
    for key, value in totals.items():
        assert int(root.get(key)) == value, key


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_junit_failure_for_the_conflation(seeds, kind):
    path = seeds.path(kind)
    code, stdout = seeds.run(kind, "--format", "junit")
    root = ET.fromstring(stdout.encode("utf-8"))
    assert code == 1
    assert_junit_counts(root)
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == path.name
    failures = root.findall(".//failure")
    assert len(failures) == 1
    assert failures[0].get("type") == "conflation"
    claim = only_conflation(seeds.report(kind))
    assert arrests_evidence(claim)["title"] in failures[0].text
    case = root.find(".//testcase[failure]")
    assert case.get("line") == str(claim["line"])
    assert root.get("failures") == "1" and root.get("errors") == "0"


def test_junit_fail_on_never_has_no_failures(seeds):
    code, stdout = seeds.run("txt", "--format", "junit", "--fail-on", "never")
    root = ET.fromstring(stdout.encode("utf-8"))
    assert code == 0
    assert_junit_counts(root)
    assert root.findall(".//failure") == []
    assert root.get("failures") == "0"
    assert int(root.get("tests")) >= 1  # the finding is still a test case


def test_junit_unreadable_file_is_an_error(runner, tmp_path):
    path = copy_seed(tmp_path, "md")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02 binary")
    code, root = junit(runner, path.name, "bin.txt")
    assert code == 2
    assert_junit_counts(root)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {path.name, "bin.txt"}
    errors = suites["bin.txt"].findall(".//error")
    assert len(errors) == 1
    assert "bin.txt" in errors[0].get("message")
    assert suites["bin.txt"].findall(".//failure") == []
    assert len(suites[path.name].findall(".//failure")) == 1
    assert root.get("errors") == "1" and root.get("failures") == "1"


# -- line and jsonl -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_line_format(seeds, kind):
    path = seeds.path(kind)
    code, stdout = seeds.run(kind, "--format", "line")
    assert code == 1
    lines = stdout.splitlines()
    matches = [LINE_FORMAT.match(line) for line in lines]
    assert lines and all(matches), lines
    claim = only_conflation(seeds.report(kind))
    (m,) = [m for m in matches if m["verdict"] == "conflated"]
    assert m["path"] == path.name
    assert (int(m["line"]), int(m["col"])) == (claim["line"], claim["column"])
    assert m["severity"] == "error"
    assert m["message"] == " ".join(claim["message"].split())


def test_line_format_all_claims_one_a_line(seeds):
    _, stdout = seeds.run("md", "--format", "line", "--show", "all")
    file = seeds.report("md", "--show", "all")
    matches = [LINE_FORMAT.match(line) for line in stdout.splitlines()]
    assert all(matches)
    assert [(int(m["line"]), int(m["col"]), m["verdict"]) for m in matches] == [
        (c["line"], c["column"], c["verdict"]) for c in file["claims"]
    ]


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_jsonl(seeds, kind):
    path = seeds.path(kind)
    code, stdout = seeds.run(kind, "--format", "jsonl")
    assert code == 1
    records = [json.loads(line) for line in stdout.splitlines()]
    assert records
    for record in records:
        assert record["path"] == path.name
        assert set(record) >= CLAIM_KEYS, CLAIM_KEYS - set(record)
    file = seeds.report(kind, "--show", "all")
    assert [(r["line"], r["column"], r["time"]["text"], r["verdict"]) for r in records] == [
        (c["line"], c["column"], c["time"]["text"], c["verdict"]) for c in file["claims"]
    ]
    (conflated,) = [r for r in records if r["verdict"] == "conflated"]
    assert (conflated["line"], conflated["column"]) == conflation_position(path)


def test_output_file_gets_the_report(runner, tmp_path):
    path = copy_seed(tmp_path, "html")
    result = run_check(runner, path.name, "--format", "sarif", "--output", "out.sarif")
    assert result.exit_code == 1
    assert result.stdout == ""
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["conflation"]


# -- Markdown and HTML: positions, decoys, reference dates ---------------------------------


def decoy_lines(path: Path) -> set[int]:
    """Lines that are not prose: front matter, fenced code, script, style, pre."""
    lines = path.read_text(encoding="utf-8").split("\n")
    decoys: set[int] = set()
    if path.suffix == ".md":
        fences = [i for i, text in enumerate(lines, 1) if text.startswith("```")]
        assert len(fences) == 2
        decoys |= set(range(fences[0], fences[1] + 1))
        marks = [i for i, text in enumerate(lines, 1) if text == "---"]
        assert marks[0] == 1
        decoys |= set(range(1, marks[1] + 1))
    else:
        decoys |= {
            i
            for i, text in enumerate(lines, 1)
            if any(tag in text for tag in ("<script", "<style", "<pre"))
        }
    assert decoys
    return decoys


DECOY_TEXTS = ("1999", "June 2021", "2019", "March 3")


@pytest.mark.parametrize("kind", ["md", "html"])
def test_markup_conflation_position_as_written(seeds, kind):
    path = seeds.path(kind)
    file = seeds.report(kind)
    claim = only_conflation(file)
    assert (claim["line"], claim["column"]) == conflation_position(path)
    assert claim["end_line"] == claim["line"]
    assert text_at(path, claim["line"], claim["column"], claim["end_column"]) == "July 2020"
    assert file["reference_date"] == "2023-07-24"
    assert file["reference_source"] == {"md": "front matter", "html": "HTML meta"}[kind]


@pytest.mark.parametrize("kind", ["md", "html"])
def test_markup_decoys_are_not_checked(seeds, kind):
    path = seeds.path(kind)
    file = seeds.report(kind, "--show", "all")
    decoys = decoy_lines(path)
    assert file["claims"]
    for claim in file["claims"]:
        assert claim["line"] not in decoys, claim
        assert not any(d in claim["time"]["text"] for d in DECOY_TEXTS), claim
        assert (
            text_at(path, claim["line"], claim["column"], claim["end_column"])
            == (claim["time"]["text"])
        )
    assert len([c for c in file["claims"] if c["time"]["text"] == "July 2020"]) == 1


@pytest.mark.parametrize("kind", ["md", "html"])
def test_markup_decoys_are_not_dates(runner, kind):
    path = FIXTURES / SEED_NAMES[kind]
    result = invoke(runner, ["dates", path, "--format", "json"])
    assert result.exit_code == 0
    (file,) = json.loads(result.stdout)["files"]
    assert file["reference_date"] == "2023-07-24"
    decoys = decoy_lines(path)
    texts = [t["text"] for t in file["times"]]
    assert "July 2020" in texts
    for t in file["times"]:
        assert t["line"] not in decoys, t
        assert not any(d in t["text"] for d in DECOY_TEXTS), t
        assert not t["value"].startswith(("1999", "2019", "2021")), t
    (july,) = [t for t in file["times"] if t["text"] == "July 2020"]
    assert (july["line"], july["column"]) == conflation_position(path)


def test_input_format_text_overrides_the_extension(seeds):
    path = seeds.path("md")
    file = seeds.report("md", "--input-format", "text", "--show", "all")
    decoys = decoy_lines(path)
    in_code = [c for c in file["claims"] if c["line"] in decoys]
    texts = {c["time"]["text"] for c in in_code}
    assert "July 2020" in texts, texts
    assert any("1999" in t for t in texts), texts
    (decoy_july,) = [c for c in in_code if c["time"]["text"] == "July 2020"]
    assert text_at(path, decoy_july["line"], decoy_july["column"], decoy_july["end_column"]) == (
        "July 2020"
    )


def test_input_format_markdown_on_a_txt_name(runner, tmp_path):
    copy_seed(tmp_path, "md", "draft.txt")
    as_markdown = json_file_report(
        runner, "draft.txt", "--show", "all", "--input-format", "markdown"
    )
    decoys = decoy_lines(FIXTURES / SEED_NAMES["md"])
    assert as_markdown["claims"]
    assert not any(c["line"] in decoys for c in as_markdown["claims"])
    assert as_markdown["reference_date"] == "2023-07-24"


# -- standard input -----------------------------------------------------------------------


def test_stdin_seed(runner):
    text = (FIXTURES / SEED_NAMES["txt"]).read_text(encoding="utf-8")
    result = run_check(runner, "-", "--format", "json", input=text)
    assert result.exit_code == 1
    (file,) = json.loads(result.stdout)["files"]
    assert file["path"] == "<stdin>"
    claim = only_conflation(file)
    assert (claim["line"], claim["column"]) == (9, 256)


def test_stdin_filename_names_the_report(runner):
    text = (FIXTURES / SEED_NAMES["txt"]).read_text(encoding="utf-8")
    result = run_check(
        runner, "-", "--stdin-filename", "news/draft.txt", "--format", "line", input=text
    )
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith("news/draft.txt:9:256: error conflated: ")


def test_stdin_filename_picks_markdown(runner):
    path = FIXTURES / SEED_NAMES["md"]
    text = path.read_text(encoding="utf-8")
    decoys = decoy_lines(path)
    result = run_check(
        runner, "-", "--stdin-filename", "draft.md", "--format", "json", "--show", "all", input=text
    )
    assert result.exit_code == 1
    (file,) = json.loads(result.stdout)["files"]
    assert file["path"] == "draft.md"
    assert file["reference_date"] == "2023-07-24"
    assert not any(c["line"] in decoys for c in file["claims"])
    assert (only_conflation(file)["line"], only_conflation(file)["column"]) == (
        conflation_position(path)
    )
    # without the name, standard input is plain text: the fenced decoy is seen
    plain = run_check(runner, "-", "--format", "json", "--show", "all", input=text)
    (plain_file,) = json.loads(plain.stdout)["files"]
    assert any(c["line"] in decoys for c in plain_file["claims"])
