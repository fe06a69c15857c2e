"""factcheck in CI: suppression comments, configuration files, baselines, and the
pre-commit hook and GitHub composite action definitions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import CONFLATED_SENTENCE, FIXTURES, ROOT, SEED_NAMES, TIMELINE, invoke

from factcheck.formatters import FORMATTERS

# Where the "Setting the Stage" section starts, where the next one starts, and where the
# paragraph with the conflation starts, in each format.
SECTION = {
    "txt": ("Setting the Stage", "The Diplomatic Encounter", "Before delving"),
    "md": ("## Setting the Stage", "## The Diplomatic Encounter", "Before delving"),
    "html": ("<h2>Setting the Stage", "<h2>The Diplomatic Encounter", "<p>Before delving"),
}
LATER_HEADING = {
    "txt": "Strengthening Bilateral Ties",
    "md": "## Strengthening Bilateral Ties",
    "html": "<h2>Strengthening Bilateral Ties",
}
FIRST_HEADING = {
    "txt": "A Historic Meeting",
    "md": "## A Historic Meeting",
    "html": "<h2>A Historic Meeting",
}


def comment(kind: str, directive: str) -> str:
    return f"# factcheck {directive}" if kind == "txt" else f"<!-- factcheck {directive} -->"


KINDS = ["md", "html", "txt"]


pytestmark = pytest.mark.usefixtures("isolated_env")




def check(runner: CliRunner, *args, timeline: bool = True, **kwargs):
    extra = ["--timeline", TIMELINE] if timeline else []
    return invoke(runner, ["check", *args, *extra], **kwargs)


def report(runner: CliRunner, *args, **kwargs) -> tuple[int, list[dict]]:
    result = check(runner, *args, "--format", "json", **kwargs)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["files"]


def seed_text(kind: str) -> str:
    return (FIXTURES / SEED_NAMES[kind]).read_text(encoding="utf-8")


def insert_before(text: str, anchor: str, new: str) -> str:
    assert text.count(anchor) == 1, anchor
    return text.replace(anchor, new + anchor)


def conflated(files: list[dict]) -> list[dict]:
    return [c for f in files for c in f["claims"] if c["verdict"] == "conflated"]


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# -- suppression comments -----------------------------------------------------------------


def suppressed_by_directives(runner, path, text: str) -> list[dict]:
    """Check `text` saved at `path`: the conflation is gone, and the directives did it
    (none reported unused: the claim was not merely judged otherwise). The JSON files."""
    path.write_text(text, encoding="utf-8")
    result = check(
        runner, path.name, "--show", "all", "--format", "json", "--report-unused-suppressions"
    )
    assert result.exit_code == 0
    files = json.loads(result.stdout)["files"]
    assert conflated(files) == []
    assert "unused suppression" not in result.stderr
    return files


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_off_on_around_the_section(runner, tmp_path, kind):
    start, end, _ = SECTION[kind]
    # plain text paragraphs are separated by blank lines: so are the directives
    after = "\n\n" if kind == "txt" else "\n"
    text = insert_before(seed_text(kind), start, comment(kind, "off") + after)
    text = insert_before(text, end, comment(kind, "on") + after)
    files = suppressed_by_directives(runner, tmp_path / f"draft.{kind}", text)
    assert not any(c["time"]["text"] == "July 2020" for c in files[0]["claims"])
    # only the section is suppressed: the claims after it are still checked
    lines = text.split("\n")
    on_line = lines.index(comment(kind, "on")) + 1
    assert any(c["line"] > on_line for c in files[0]["claims"])
    # and without the comments the same text has the conflation
    plain = tmp_path / f"plain.{kind}"
    plain.write_text(seed_text(kind), encoding="utf-8")
    code, files = report(runner, plain.name)
    assert code == 1
    assert len(conflated(files)) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_ignore_next_line(runner, tmp_path, kind):
    _, _, paragraph = SECTION[kind]
    text = insert_before(seed_text(kind), paragraph, comment(kind, "ignore-next-line") + "\n")
    files = suppressed_by_directives(runner, tmp_path / f"draft.{kind}", text)
    assert files[0]["claims"]  # the other claims are still there


@pytest.mark.parametrize("blank", ["", "\n"])
def test_plain_text_directive_line_does_not_change_findings(runner, tmp_path, blank):
    """A directive that covers nothing must leave the conflation as it is."""
    _, _, paragraph = SECTION["txt"]
    text = insert_before(seed_text("txt"), paragraph, "# factcheck on\n" + blank)
    (tmp_path / "draft.txt").write_text(text, encoding="utf-8")
    code, files = report(runner, "draft.txt")
    assert code == 1
    (claim,) = conflated(files)
    assert CONFLATED_SENTENCE in text.split("\n")[claim["line"] - 1]


@pytest.mark.parametrize("kind", KINDS)
def test_report_unused_suppressions(runner, tmp_path, kind):
    _, _, paragraph = SECTION[kind]
    text = insert_before(seed_text(kind), paragraph, comment(kind, "ignore-next-line") + "\n")
    text = insert_before(text, LATER_HEADING[kind], comment(kind, "ignore-next-line") + "\n")
    path = tmp_path / f"draft.{kind}"
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    used, unused = (i for i, line in enumerate(lines, 1) if "factcheck ignore" in line)
    result = check(runner, path.name, "--report-unused-suppressions", "--format", "line")
    assert result.exit_code == 0
    warnings = [line for line in stderr_lines(result) if "unused suppression" in line]
    assert len(warnings) == 1, result.stderr
    assert f"{path.name}:{unused}" in warnings[0]
    assert f"{path.name}:{used}:" not in result.stderr
    assert "warning" in warnings[0]
    quiet = check(runner, path.name, "--format", "line")
    assert quiet.exit_code == 0
    assert "unused suppression" not in quiet.stderr


# -- configuration ------------------------------------------------------------------------


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    path = tmp_path / "seed.txt"
    shutil.copyfile(FIXTURES / SEED_NAMES["txt"], path)
    return path


def test_config_file_in_the_working_directory(runner, tmp_path, seed_copy):
    (tmp_path / ".factcheck.yaml").write_text("fail_on: never\n", encoding="utf-8")
    assert check(runner, seed_copy.name).exit_code == 0
    # the command line wins over the file
    assert check(runner, seed_copy.name, "--fail-on", "error").exit_code == 1


def test_config_file_found_in_a_parent_directory(runner, tmp_path, seed_copy, monkeypatch):
    (tmp_path / ".factcheck.yaml").write_text("fail_on: never\n", encoding="utf-8")
    deeper = tmp_path / "a" / "b"
    deeper.mkdir(parents=True)
    monkeypatch.chdir(deeper)
    assert check(runner, seed_copy).exit_code == 0


def test_no_config_file_fails_on_the_seed(runner, seed_copy):
    assert check(runner, seed_copy.name).exit_code == 1


def test_pyproject_tool_table(runner, tmp_path, seed_copy):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.factcheck]\nfail_on = "never"\nformat = "line"\n',
        encoding="utf-8",
    )
    result = check(runner, seed_copy.name)
    assert result.exit_code == 0
    assert result.stdout.startswith("seed.txt:9:256: error conflated: ")


def test_pyproject_without_the_table_is_not_a_config(runner, tmp_path, seed_copy):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "newsroom"\n', encoding="utf-8")
    assert check(runner, seed_copy.name).exit_code == 1


def test_config_from_the_environment(runner, tmp_path, seed_copy, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "ci.yaml").write_text("fail_on: never\nformat: line\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(elsewhere / "ci.yaml"))
    result = check(runner, seed_copy.name)
    assert result.exit_code == 0
    assert result.stdout.startswith("seed.txt:9:256: ")


def test_config_option_wins_over_the_environment(runner, tmp_path, seed_copy, monkeypatch):
    (tmp_path / "env.yaml").write_text("format: jsonl\n", encoding="utf-8")
    (tmp_path / "given.yaml").write_text("format: line\nfail_on: never\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "env.yaml"))
    result = check(runner, seed_copy.name, "--config", "given.yaml")
    assert result.exit_code == 0
    assert result.stdout.startswith("seed.txt:9:256: ")


@pytest.mark.parametrize(
    "name, text, line, words",
    [
        (".factcheck.yaml", "fail_on: never\nshow: all\nbogus: 1\n", 3, ["bogus"]),
        (".factcheck.yaml", "fail_on: sometimes\n", 1, ["fail_on"]),
        (".factcheck.yaml", "show: all\nmin_score: 200\n", 2, ["min_score"]),
        (".factcheck.yaml", "reference_date: yesterday\n", 1, ["reference_date"]),
        (".factcheck.yaml", "timeline: 5\n", 1, ["timeline"]),
        ("pyproject.toml", '[tool.factcheck]\nshow = "all"\nfail-soon = 3\n', 3, ["fail-soon"]),
        ("pyproject.toml", '[tool.factcheck]\nformat = "pdf"\n', 2, ["format"]),
    ],
)
def test_bad_config_is_one_error_line(runner, tmp_path, seed_copy, name, text, line, words):
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = check(runner, seed_copy.name)
    assert result.exit_code == 2
    (message,) = stderr_lines(result)
    assert f"{name}:{line}" in message
    for word in words:
        assert word in message
    assert result.stdout == ""


def test_print_config_shows_merged_values(runner, tmp_path):
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "factcheck.yaml").write_text(
        "fail_on: warning\nshow: all\ntimeline: [timelines/]\nexclude: ['archive/*']\n"
        "min_score: 65\n",
        encoding="utf-8",
    )
    result = invoke(
        runner,
        ["check", "--config", conf / "factcheck.yaml", "--format", "sarif", "--print-config"],
    )
    assert result.exit_code == 0
    printed = yaml.safe_load(result.stdout)
    assert printed["fail_on"] == "warning"
    assert printed["show"] == "all"
    assert printed["format"] == "sarif"  # the command line
    assert printed["min_score"] == 65
    assert printed["exclude"] == ["archive/*"]
    assert [Path(p).resolve() for p in printed["timeline"]] == [(conf / "timelines").resolve()]
    assert Path(printed["config"]).resolve() == (conf / "factcheck.yaml").resolve()


def test_config_timeline_is_relative_to_the_config_file(
    runner, tmp_path, synthetic_timeline, monkeypatch
):
    conf = tmp_path / "conf"
    (conf / "timelines").mkdir(parents=True)
    shutil.copyfile(synthetic_timeline, conf / "timelines" / "legion.yaml")
    (conf / ".factcheck.yaml").write_text("timeline: timelines/legion.yaml\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    (work / "draft.txt").write_text(
        "The Ostrava Legion mutiny took place in July 2020.\n", encoding="utf-8"
    )
    monkeypatch.chdir(work)
    result = invoke(
        runner, ["check", "draft.txt", "--config", "../conf/.factcheck.yaml", "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    (path,) = data["timeline"]["paths"]
    assert (work / path).resolve() == (conf / "timelines" / "legion.yaml").resolve()
    assert [c["verdict"] for c in data["files"][0]["claims"]] == ["conflated"]


@pytest.mark.parametrize("where", ["config", "option"])
def test_exclude_globs_when_walking(runner, tmp_path, where):
    drafts = tmp_path / "drafts"
    (drafts / "archive").mkdir(parents=True)
    for path in (drafts / "today.txt", drafts / "archive" / "old.txt", drafts / "old-note.md"):
        path.write_text(seed_text("txt"), encoding="utf-8")
    if where == "config":
        (tmp_path / ".factcheck.yaml").write_text(
            "exclude: ['archive/*', '*-note.md']\n", encoding="utf-8"
        )
        args = []
    else:
        args = ["--exclude", "archive/*", "--exclude", "*-note.md"]
    code, files = report(runner, "drafts", *args)
    assert code == 1
    names = [Path(f["path"]).name for f in files]
    assert names == ["today.txt"]


# -- baselines ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_baseline(runner, tmp_path, kind):
    path = tmp_path / f"draft.{kind}"
    path.write_text(seed_text(kind), encoding="utf-8")
    result = check(runner, path.name, "--write-baseline", "baseline.json")
    assert result.exit_code == 0
    assert "1 finding" in result.stderr
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert len(recorded["findings"]) == 1

    code, files = report(runner, path.name, "--baseline", "baseline.json")
    assert code == 0
    assert conflated(files) == []

    # an unrelated edit above the finding moves it down two lines: still in the baseline
    note = "<p>Editor's note: updated.</p>\n\n" if kind == "html" else "Editor's note: updated.\n\n"
    shifted = insert_before(seed_text(kind), FIRST_HEADING[kind], note)
    path.write_text(shifted, encoding="utf-8")
    code, files = report(runner, path.name)
    assert code == 1
    (moved,) = conflated(files)
    lines = shifted.split("\n")
    assert CONFLATED_SENTENCE in lines[moved["line"] - 1]
    code, files = report(runner, path.name, "--baseline", "baseline.json")
    assert code == 0
    assert conflated(files) == []

    # a changed date in the sentence is a new finding
    changed = shifted.replace(CONFLATED_SENTENCE, "In 29 July 2020, it was alleged")
    path.write_text(changed, encoding="utf-8")
    code, files = report(runner, path.name, "--baseline", "baseline.json")
    assert code == 1
    (again,) = conflated(files)
    assert again["time"]["text"] == "29 July 2020"


def test_bad_baseline_is_one_error_line(runner, tmp_path):
    (tmp_path / "draft.txt").write_text(seed_text("txt"), encoding="utf-8")
    (tmp_path / "baseline.json").write_text("{not json", encoding="utf-8")
    result = check(runner, "draft.txt", "--baseline", "baseline.json")
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert "baseline.json" in line


# -- pre-commit and the GitHub action ----------------------------------------------------


def test_pre_commit_hook(runner, tmp_path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (hook,) = [h for h in hooks if h["id"] == "factcheck"]
    assert hook["name"]
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html", "plain-text"}
    assert hook["require_serial"] is True
    entry = hook["entry"].split()
    assert entry[0] == "factcheck"
    # pre-commit appends the staged file names to the entry
    (tmp_path / "draft.md").write_text(seed_text("md"), encoding="utf-8")
    result = invoke(runner, [*entry[1:], "draft.md", "--timeline", TIMELINE])
    assert result.exit_code == 1
    assert "July 2020" in result.stdout


def test_console_script_is_declared():
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert "factcheck = factcheck.cli:main" in setup


def test_github_action():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["name"]
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"files", "fail-on", "format", "timeline"} <= set(inputs)
    assert inputs["fail-on"].get("default", "error") in ("error", "warning", "never")
    assert inputs["format"].get("default", "text") in FORMATTERS
    steps = action["runs"]["steps"]
    assert all("shell" in step for step in steps if "run" in step)
    script = "\n".join(
        str(step.get("run", "")) + "\n" + json.dumps(step.get("env", {})) for step in steps
    )
    assert "factcheck" in script
    for name in ("files", "fail-on", "format", "timeline"):
        assert f"inputs.{name}" in script, name
    for option in ("--fail-on", "--format", "--timeline"):
        assert option in script, option


def test_missing_config_file_is_one_error_line(runner, seed_copy):
    result = check(runner, seed_copy.name, "--config", "nope.yaml")
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert "nope.yaml" in line


def test_config_yml_and_boolean_keys(runner, tmp_path):
    _, _, paragraph = SECTION["md"]
    text = insert_before(seed_text("md"), LATER_HEADING["md"], "<!-- factcheck off -->\n")
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    (tmp_path / ".factcheck.yml").write_text(
        "report_unused_suppressions: true\nformat: line\n", encoding="utf-8"
    )
    result = check(runner, "draft.md")
    assert result.exit_code == 1  # the conflation is above the (unused) "off"
    assert result.stdout.startswith("draft.md:14:256: error conflated: ")
    (warning,) = [line for line in stderr_lines(result) if "unused suppression" in line]
    assert "draft.md:" in warning
