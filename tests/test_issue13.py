"""Issue 13: what a new user trips over. One test (or more) per defect."""

from __future__ import annotations

import json
import os
import re
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


# -- 3: exclude however the path is spelt, --force-exclude, .gitignore -------------------


def _tree(tmp_path: Path) -> Path:
    for name in (
        "drafts/keep.txt",
        "drafts/archive/old.txt",
        "drafts/node_modules/pkg/readme.md",
        "drafts/generated/page.html",
        "drafts/.cache/notes.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Nothing dated here.\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n", encoding="utf-8")
    (tmp_path / ".factcheck.yaml").write_text('exclude: ["drafts/archive/*"]\n', encoding="utf-8")
    return tmp_path


def _checked(*args: str) -> list[str]:
    result = invoke("check", "--timeline", str(TIMELINE), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return sorted(f["path"].replace(os.sep, "/") for f in json.loads(result.stdout)["files"])


@pytest.mark.parametrize("spelling", ["drafts", "drafts/", "./drafts", "ABS"])
def test_config_exclude_does_not_depend_on_how_the_path_is_spelt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    root = _tree(tmp_path)
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.chdir(root)
    path = str(root / "drafts") if spelling == "ABS" else spelling
    (found,) = _checked(path)
    assert found.endswith("drafts/keep.txt")


def test_config_exclude_from_inside_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path)
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.chdir(root / "drafts")
    assert _checked(".") == ["./keep.txt"]


def test_force_exclude_applies_to_named_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path)
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.chdir(root)
    named = ["drafts/keep.txt", "drafts/archive/old.txt", "drafts/generated/page.html"]
    assert len(_checked(*named)) == 3  # named files are checked, as ruff does
    assert _checked("--force-exclude", *named) == ["drafts/keep.txt"]


def test_walks_skip_gitignored_and_tool_folders_unless_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path)
    (root / ".factcheck.yaml").unlink()
    monkeypatch.chdir(root)
    assert _checked("drafts") == ["drafts/archive/old.txt", "drafts/keep.txt"]
    assert _checked("drafts", "--no-respect-gitignore") == [
        "drafts/archive/old.txt",
        "drafts/generated/page.html",
        "drafts/keep.txt",
    ]


# -- 4: timeline discovery stops at the repository root; --print-config shows it ---------


def test_timeline_discovery_stops_at_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "claims.yaml").write_text("other_program: {setting: 1}\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    (repo / "docs" / "a.txt").write_text("Nothing dated here.\n", encoding="utf-8")
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.chdir(repo / "docs")
    result = invoke("check", "a.txt")
    assert result.exit_code == 0, result.output
    shown = invoke("check", "--print-config")
    from factcheck.timeline import bundled_timeline_path

    assert f"- {bundled_timeline_path()}" in shown.stdout
    (repo / "claims.yaml").write_text((ROOT / "fixtures" / "wagner-timeline.yaml").read_text())
    assert f"- {(repo / 'claims.yaml').resolve()}" in invoke("check", "--print-config").stdout


# -- 5: the seed as Markdown (heading-like lines without #) keeps its conflation ---------


def test_plain_article_saved_as_markdown_keeps_the_conflation(tmp_path: Path) -> None:
    text = (FIXTURES / "wagner-mutiny-meeting.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    found = {}
    for name in ("a.txt", "a.md"):
        result = invoke(
            "check", str(tmp_path / name), "--timeline", str(TIMELINE), "--format", "json"
        )
        assert result.exit_code == 1, (name, result.output)  # the pre-commit hook fails
        claims = json.loads(result.stdout)["files"][0]["claims"]
        found[name] = [(c["line"], c["column"], c["verdict"]) for c in claims]
    assert (9, 256, "conflated") in found["a.md"]
    assert found["a.md"] == found["a.txt"]


# -- 6: Markdown and HTML sentences read as prose; positions stay exact -----------------

MARKED = {
    "md": "The talks came a month after the **Wagner** mutiny of [July 2020](https://x.org/a), "
    "said an aide.\n",
    "html": "<p>The talks came a month after the <b>Wagner</b> mutiny of "
    '<a href="https://x.org/a">July 2020</a>, said an aide.</p>\n',
}


@pytest.mark.parametrize("kind", ["md", "html"])
def test_marked_up_sentences_are_shown_as_prose(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"a.{kind}"
    path.write_text(MARKED[kind], encoding="utf-8")
    args = ["check", str(path), "--timeline", str(TIMELINE), "--reference-date", "2023-07-24"]
    report = json.loads(invoke(*args, "--format", "json", "--show", "all").stdout)
    claims = report["files"][0]["claims"]
    assert claims
    prose = "The talks came a month after the Wagner mutiny of July 2020, said an aide."
    for claim in claims:
        assert claim["sentence"] == prose
        assert "  " not in claim["time"]["text"] and "  " not in claim["message"]
        line = MARKED[kind].split("\n")[claim["line"] - 1]
        start = claim["column"] - 1
        written = line[start : claim["end_column"] - 1]
        for tag in ("**", "<b>", "</b>"):
            written = written.replace(tag, "")
        assert " ".join(written.split()) == claim["time"]["text"]
    text = invoke(*args, "--show", "all", "--no-color").stdout
    assert prose in text and "text says: a month after the Wagner mutiny" in text


# -- 7: warnings once, in JSON and SARIF, counted by --fail-on warning; unreadable files --

LATIN1 = b"Caf\xe9 talks.\n<!-- factcheck off -->\nNothing here.\n"


def _warned(tmp_path: Path) -> list[str]:
    (tmp_path / "w.md").write_bytes(LATIN1)
    return [str(tmp_path / "w.md"), "--timeline", str(TIMELINE), "--report-unused-suppressions"]


def test_warnings_are_printed_once_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("factcheck.cli._on_terminal", lambda: True)
    result = invoke("check", *_warned(tmp_path), str(tmp_path / "nosuch.txt"))
    assert result.output.count("unused suppression") == 1
    assert result.output.count("read as cp1252") == 1
    assert result.output.count("no such file") == 1


def test_warnings_are_in_json_and_sarif_and_fail_on_warning(tmp_path: Path) -> None:
    args = _warned(tmp_path)
    report = json.loads(invoke("check", *args, "--format", "json").stdout)
    (warnings,) = [f["warnings"] for f in report["files"]]
    assert any("unused suppression" in w for w in warnings)
    assert any("cp1252" in w for w in warnings)
    sarif = json.loads(invoke("check", *args, "--format", "sarif").stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert sorted(n["level"] for n in notes) == ["warning", "warning"]
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert invoke("check", *args).exit_code == 0
    assert invoke("check", *args, "--fail-on", "warning").exit_code == 1


def test_a_missing_file_is_not_counted_as_checked(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path / "nosuch.txt"), "--timeline", str(TIMELINE))
    assert result.exit_code == 2
    assert "0 files checked" in result.stdout and "1 unreadable" in result.stdout
    assert "1 file checked" not in result.stdout


# -- 8: bare factcheck shows the help; a mistyped command is suggested ------------------


def test_bare_factcheck_prints_the_help_on_stdout() -> None:
    result = invoke()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ") and "COMMAND" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(("typed", "meant"), [("chek", "check"), ("dats", "dates")])
def test_a_mistyped_command_is_suggested(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, meant: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(typed, "x.md")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert f"no such command {typed!r}; did you mean {meant!r}?" in line
    (tmp_path / typed).write_text("A file of that name is checked.\n", encoding="utf-8")
    assert "did you mean" not in invoke(typed, "--timeline", str(TIMELINE)).stderr


# -- 9: the API takes one path or a list, ISO reference dates; ships py.typed ------------


def test_api_takes_a_path_and_iso_reference_dates(synthetic_checker) -> None:
    import factcheck
    from factcheck.errors import InputError

    one = factcheck.load_timeline(str(TIMELINE))
    assert one.paths == factcheck.load_timeline([TIMELINE]).paths and len(one) > 0
    assert len(factcheck.load_timeline(TIMELINE)) == len(one)
    text = "The Legion mutiny began on Sunday."
    by_string = synthetic_checker.check_text(text, reference_date="2023-06-26")
    from datetime import date

    by_date = synthetic_checker.check_text(text, reference_date=date(2023, 6, 26))
    assert by_string.reference_date == date(2023, 6, 26)
    assert by_string.to_dict() == by_date.to_dict()
    with pytest.raises(InputError, match="not a date"):
        synthetic_checker.check_text(text, reference_date="26/06/2023")
    assert (ROOT / "factcheck" / "py.typed").is_file()
    assert "py.typed" in (ROOT / "setup.cfg").read_text(encoding="utf-8")


# -- 10: a record's url does not make its text HTML --------------------------------------


def test_a_records_url_does_not_decide_its_format(tmp_path: Path) -> None:
    from factcheck.audit import iter_documents

    archive = tmp_path / "a.jsonl"
    records = [
        {"id": "u", "url": "https://example.org/story.html", "text": "A <b> tag in prose."},
        {"id": "p", "path": "news/story.html", "text": "<p>Markup.</p>"},
        {"id": "f", "url": "https://example.org/x.html", "format": "html", "text": "<p>x</p>"},
    ]
    archive.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    formats = {d.key.split("#")[1]: d.input_format for d in iter_documents([str(archive)])}
    assert formats == {"u": "text", "p": "html", "f": "html"}


# -- 11: --help and --version do not import spaCy ----------------------------------------

_PROBE = """
import sys
from factcheck.cli import main
sys.argv = ["factcheck", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("SPACY" if "spacy" in sys.modules else "NO-SPACY", file=sys.stderr)
"""


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["check", "--help"]])
def test_help_and_version_do_not_import_spacy(args: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=False
    )
    assert proc.stderr.strip().endswith("NO-SPACY"), proc.stderr
    assert proc.stdout.strip()


def test_importing_the_cli_does_not_import_spacy_and_severities_agree() -> None:
    code = "import sys, factcheck, factcheck.cli; print('spacy' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "False", proc.stderr
    from factcheck.claims.verdicts import SEVERITY_RANK as JUDGED
    from factcheck.severity import SEVERITY_RANK

    assert SEVERITY_RANK == JUDGED


# -- 12: SARIF informationUri, README references, LICENSE --------------------------------

_REPO_PATH = re.compile(r"`((?:tools|benchmarks|tests|factcheck|fixtures|\.ci)/[\w./-]*\w)")


def test_readme_names_only_files_that_are_in_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(_REPO_PATH.findall(readme))
    assert named, "the pattern finds the README's paths"
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert not missing, missing
    tags = subprocess.run(
        ["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    for rev in re.findall(r"rev: (\S+)", readme):
        assert rev == "main" or rev in tags, rev


def test_license_file_and_sarif_information_uri(tmp_path: Path) -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "the factcheck authors" in text
    (tmp_path / "a.txt").write_text(CONTRADICTED, encoding="utf-8")
    sarif = json.loads(
        invoke(
            "check", str(tmp_path / "a.txt"), "--timeline", str(TIMELINE), "--format", "sarif"
        ).stdout
    )
    driver = sarif["runs"][0]["tool"]["driver"]
    assert "pypi.org" not in driver.get("informationUri", "")


# -- 13: jsonschema in the test extra; the slow test is its own CI step -----------------


def test_ci_runs_the_schema_tests_and_the_slow_test_as_its_own_step() -> None:
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    test_extra = setup.split("test =", 1)[1].split("\n\n", 1)[0].split("dask =")[0]
    assert "jsonschema" in test_extra
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "FACTCHECK_SARIF_SCHEMA" in ci and "../shared/schemas/sarif-2.1.0.json" in ci
    steps = [line.strip() for line in ci.splitlines() if line.strip().startswith("pytest")]
    assert steps == ['pytest -m "not slow"', "pytest -m slow"]
    assert "slow: " in setup  # the marker is registered
