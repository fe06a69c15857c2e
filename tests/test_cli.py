"""The command line (CONTRACTS §1, §4), through click's CliRunner and a few real processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import CLAIM_KEYS, EVENT_KEYS, FILE_KEYS, TIME_KEYS

from factcheck.cli import cli

ANSI = "\x1b["

EVIDENCE_KEYS = {"id", "title", "date", "end", "sources"}
VERDICTS = ("supported", "contradicted", "conflated", "unverifiable")


def invoke(runner: CliRunner, args: list[str], **kwargs):
    env = {"NO_COLOR": None, "FORCE_COLOR": None, **kwargs.pop("env", {})}
    return runner.invoke(cli, [str(a) for a in args], env=env, **kwargs)


def json_report(runner, *args, **kwargs) -> tuple[int, dict]:
    result = invoke(runner, ["check", *args, "--format", "json"], **kwargs)
    assert "Traceback" not in result.stderr
    return result.exit_code, json.loads(result.stdout)


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def assert_one_error_line(result, *names: str) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    lines = stderr_lines(result)
    assert len(lines) == 1, result.stderr
    for name in names:
        assert name in lines[0], (name, lines[0])
    return lines[0]


@pytest.fixture(scope="module")
def seed_report(request) -> tuple[int, dict]:
    root = Path(__file__).resolve().parent.parent
    seed = root / "fixtures" / "wagner-mutiny-meeting.txt"
    return json_report(CliRunner(), seed, "--timeline", root / "claims.yaml")


def claims_on(report: dict, line: int) -> list[dict]:
    return [c for c in report["files"][0]["claims"] if c["line"] == line]


# -- the seed article -------------------------------------------------------------------


def test_seed_exit_status(runner, seed_path, bundled_timeline):
    assert invoke(runner, [seed_path, "--timeline", bundled_timeline]).exit_code == 1
    result = invoke(runner, [seed_path, "--timeline", bundled_timeline, "--fail-on", "never"])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_seed_fail_on_warning_is_at_least_as_strict(runner, seed_path, bundled_timeline):
    result = invoke(runner, [seed_path, "--timeline", bundled_timeline, "--fail-on", "warning"])
    assert result.exit_code == 1


def test_seed_json_schema(seed_report, seed_path, bundled_timeline):
    status, report = seed_report
    assert status == 1
    assert report["schema_version"] == 1
    assert report["tool"] == {"name": "factcheck", "version": "0.1.0"}
    timeline = report["timeline"]
    assert timeline["paths"] == [str(bundled_timeline)]
    assert re.fullmatch(r"[0-9a-f]{64}", timeline["sha256"])
    assert timeline["events"] >= 40
    (file,) = report["files"]
    assert set(file) >= FILE_KEYS
    assert file["path"] == str(seed_path)
    assert file["error"] is None
    assert file["claims"]
    for claim in file["claims"]:
        assert set(claim) >= CLAIM_KEYS, set(claim) ^ CLAIM_KEYS
        assert set(claim["time"]) >= TIME_KEYS
        assert claim["event"] is None or set(claim["event"]) >= EVENT_KEYS
        for evidence in claim["evidence"]:
            assert set(evidence) >= EVIDENCE_KEYS
            assert evidence["sources"]
        assert claim["verdict"] in VERDICTS
        assert claim["severity"] in ("info", "warning", "error")
        assert claim["message"]
        assert (claim["end_line"], claim["end_column"]) >= (claim["line"], claim["column"])
    counts = {v: sum(c["verdict"] == v for c in file["claims"]) for v in VERDICTS}
    assert file["summary"] == counts
    assert report["summary"] == {"files": 1, "errors": 0, **counts}


def test_seed_conflation_on_line_9(seed_report, seed_path):
    _, report = seed_report
    (claim,) = [c for c in claims_on(report, 9) if c["verdict"] == "conflated"]
    line9 = seed_path.read_text(encoding="utf-8").split("\n")[8]
    assert line9[claim["column"] - 1 :].startswith("July 2020")
    assert claim["time"]["text"] == "July 2020"
    assert claim["time"]["value"] == "2020-07"
    assert (claim["time"]["start"], claim["time"]["end"]) == ("2020-07-01", "2020-07-31")
    assert (claim["end_line"], claim["end_column"]) == (9, claim["column"] + len("July 2020"))
    assert claim["event"]["id"] == "wagner-mutiny-2023"
    assert claim["severity"] == "error"
    assert claim["suggestion"] == "2023-06-23 to 2023-06-24"
    evidence = {e["id"]: e for e in claim["evidence"]}
    assert "belarus-wagner-arrests-2020" in evidence
    arrests = evidence["belarus-wagner-arrests-2020"]
    assert arrests["date"] == "2020-07-29"
    assert arrests["sources"] and all(isinstance(s, str) and s for s in arrests["sources"])
    assert "July 2020" in claim["sentence"]


def test_seed_sunday_supported(seed_report):
    _, report = seed_report
    (claim,) = [c for c in claims_on(report, 5) if c["time"]["text"] == "Sunday"]
    assert claim["event"]["id"] == "putin-lukashenko-st-petersburg-2023"
    assert claim["verdict"] == "supported"


def test_seed_no_false_alarms_on_top_lines(seed_report):
    _, report = seed_report
    for line in (1, 3, 5):
        for claim in claims_on(report, line):
            assert claim["severity"] not in ("error", "warning"), claim


def test_seed_text_output(runner, seed_path, bundled_timeline):
    result = invoke(runner, [seed_path, "--timeline", bundled_timeline])
    assert "CONFLATED" in result.stdout
    assert "9:" in result.stdout
    assert "SUPPORTED" not in result.stdout  # problems only by default
    everything = invoke(runner, [seed_path, "--timeline", bundled_timeline, "--show", "all"])
    assert everything.exit_code == 1
    assert "SUPPORTED" in everything.stdout
    assert "CONFLATED" in everything.stdout
    assert re.search(r"^\s*5:\d+\s+SUPPORTED", everything.stdout, re.MULTILINE)


# -- colour ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, env",
    [
        (["--no-color"], {}),
        ([], {"NO_COLOR": "1"}),
        (["--no-color"], {"FORCE_COLOR": "1", "TERM": "xterm-256color"}),
    ],
)
def test_no_colour(runner, seed_path, bundled_timeline, args, env):
    result = invoke(runner, [seed_path, "--timeline", bundled_timeline, *args], env=env)
    assert result.exit_code == 1
    assert "CONFLATED" in result.stdout
    assert ANSI not in result.stdout


def test_force_colour(runner, seed_path, bundled_timeline):
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}
    result = invoke(runner, [seed_path, "--timeline", bundled_timeline], env=env)
    assert result.exit_code == 1
    assert ANSI in result.stdout


def test_forced_colour_option_in_the_formatter(seed_path, bundled_timeline):
    import io

    import factcheck
    from factcheck.formatters import OutputOptions, TextFormatter

    checker = factcheck.Checker(factcheck.load_timeline([bundled_timeline]))
    report = factcheck.Report(checker.timeline, [checker.check_file(str(seed_path))])
    on, off = io.StringIO(), io.StringIO()
    TextFormatter(OutputOptions(color=True)).write(report, on)
    TextFormatter(OutputOptions(color=False)).write(report, off)
    assert ANSI in on.getvalue()
    assert ANSI not in off.getvalue()
    assert "CONFLATED" in off.getvalue()


def run_on_a_tty(args: list[str], env: dict[str, str], cwd: Path) -> bytes:
    pty = pytest.importorskip("pty")
    main, secondary = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update({"TERM": "xterm-256color", **env})
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", *args],
        stdout=secondary,
        stderr=subprocess.PIPE,
        env=full_env,
        cwd=cwd,
    )
    os.close(secondary)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    _, err = proc.communicate()
    assert proc.returncode == 1, err
    assert b"Traceback" not in err
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_terminal_gets_colour(tmp_path, seed_path, bundled_timeline):
    out = run_on_a_tty([str(seed_path), "--timeline", str(bundled_timeline)], {}, tmp_path)
    assert b"CONFLATED" in out
    assert ANSI.encode() in out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_color_env_on_a_terminal(tmp_path, seed_path, bundled_timeline):
    out = run_on_a_tty(
        [str(seed_path), "--timeline", str(bundled_timeline)], {"NO_COLOR": "1"}, tmp_path
    )
    assert b"CONFLATED" in out
    assert ANSI.encode() not in out


# -- output, aliases of the command, stdin -------------------------------------------------


def test_output_file(runner, tmp_path, seed_path, bundled_timeline):
    out = tmp_path / "report.json"
    result = invoke(
        runner,
        [seed_path, "--timeline", bundled_timeline, "--format", "json", "--output", out],
        env={"FORCE_COLOR": "1"},
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["files"][0]["path"] == str(seed_path)
    text_out = tmp_path / "report.txt"
    invoke(
        runner,
        [seed_path, "--timeline", bundled_timeline, "-o", text_out],
        env={"FORCE_COLOR": "1"},
    )
    assert "CONFLATED" in text_out.read_text(encoding="utf-8")
    assert ANSI not in text_out.read_text(encoding="utf-8")


def test_check_and_bare_path_are_the_same(runner, seed_path, bundled_timeline):
    args = [seed_path, "--timeline", bundled_timeline, "--format", "json"]
    explicit = invoke(runner, ["check", *args])
    bare = invoke(runner, args)
    assert explicit.exit_code == bare.exit_code == 1
    assert json.loads(explicit.stdout) == json.loads(bare.stdout)


def test_stdin(runner, seed_path, bundled_timeline):
    text = seed_path.read_text(encoding="utf-8")
    result = invoke(runner, ["-", "--timeline", bundled_timeline, "--format", "json"], input=text)
    assert result.exit_code == 1
    (file,) = json.loads(result.stdout)["files"]
    assert file["error"] is None
    conflated = [c for c in file["claims"] if c["verdict"] == "conflated"]
    assert [c["line"] for c in conflated] == [9]


def test_version_and_help(runner):
    assert "0.1.0" in invoke(runner, ["--version"]).stdout
    result = invoke(runner, ["--help"])
    assert result.exit_code == 0
    for command in ("check", "dates", "timeline"):
        assert command in result.stdout


# -- bad input: exit 2, one line on stderr, no traceback -----------------------------------


def test_missing_path(runner, tmp_path, synthetic_timeline):
    result = invoke(runner, [tmp_path / "nope.txt", "--timeline", synthetic_timeline])
    assert_one_error_line(result, "nope.txt")


def test_binary_file(runner, tmp_path, synthetic_timeline):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = invoke(runner, [path, "--timeline", synthetic_timeline])
    assert_one_error_line(result, "binary.txt")


BAD_TIMELINES = {
    "syntax": "schema: 1\nevents: [\n",
    "duplicate": (
        "schema: 1\nevents:\n"
        "  - {id: a, title: A, date: 2020, sources: [x]}\n"
        "  - {id: a, title: B, date: 2021, sources: [x]}\n"
    ),
    "bomb": (
        'schema: 1\nx-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        "x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        "x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
        "x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
        "x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d]\n"
        "x-f: &f [*e, *e, *e, *e, *e, *e, *e, *e]\n"
        "x-g: &g [*f, *f, *f, *f, *f, *f, *f, *f]\n"
        "x-h: &h [*g, *g, *g, *g, *g, *g, *g, *g]\n"
        "events: []\n"
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_TIMELINES))
def test_invalid_timeline(runner, tmp_path, seed_path, kind):
    path = tmp_path / f"{kind}.yaml"
    path.write_text(BAD_TIMELINES[kind], encoding="utf-8")
    result = invoke(runner, [seed_path, "--timeline", path])
    line = assert_one_error_line(result, f"{kind}.yaml")
    assert re.search(rf"{kind}\.yaml:\d+:\d+", line)
    assert result.stdout == ""


def test_missing_timeline(runner, tmp_path, seed_path):
    result = invoke(runner, [seed_path, "--timeline", tmp_path / "absent.yaml"])
    assert_one_error_line(result, "absent.yaml")


@pytest.mark.parametrize("value", ["2023-13-01", "yesterday"])
def test_bad_reference_date(runner, seed_path, synthetic_timeline, value):
    result = invoke(
        runner, [seed_path, "--timeline", synthetic_timeline, "--reference-date", value]
    )
    assert_one_error_line(result, value)


def test_bad_reference_date_exit_status(runner, seed_path, synthetic_timeline):
    result = invoke(
        runner, [seed_path, "--timeline", synthetic_timeline, "--reference-date", "2023-02-30"]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "2023-02-30" in result.stderr


def test_directory_with_a_binary_file(runner, tmp_path, synthetic_timeline):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The Legion mutiny took place in July 2020.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (folder / "c.md").write_text(
        "The Kelso dam collapse happened in March 2015.\n", encoding="utf-8"
    )
    result = invoke(runner, [folder, "--timeline", synthetic_timeline, "--format", "json"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert sorted(files) == ["a.txt", "b.txt", "c.md"]
    assert files["b.txt"]["error"]
    assert files["b.txt"]["claims"] == []
    assert files["a.txt"]["error"] is None
    assert [c["verdict"] for c in files["a.txt"]["claims"]] == ["conflated"]
    assert [c["verdict"] for c in files["c.md"]["claims"]] == ["supported"]
    assert report["summary"]["files"] == 3
    assert report["summary"]["errors"] == 1
    lines = stderr_lines(result)
    assert len(lines) == 1 and "b.txt" in lines[0]


def test_empty_file(runner, tmp_path, synthetic_timeline):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, report = json_report(runner, path, "--timeline", synthetic_timeline)
    assert code == 0
    (file,) = report["files"]
    assert file["error"] is None
    assert file["claims"] == []


def test_latin1_file(runner, tmp_path, synthetic_timeline):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café: the Legion mutiny took place in July 2020.\n".encode("latin-1"))
    result = invoke(runner, [path, "--timeline", synthetic_timeline, "--format", "json"])
    assert result.exit_code == 1  # the conflation is an error
    (file,) = json.loads(result.stdout)["files"]
    assert file["error"] is None
    assert file["claims"][0]["sentence"].startswith("Café")
    assert file["claims"][0]["verdict"] == "conflated"
    lines = stderr_lines(result)
    assert len(lines) == 1
    assert "warning" in lines[0] and "latin.txt" in lines[0]


# -- real processes ----------------------------------------------------------------------


def run_module(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=600,
    )


def test_python_m_on_the_seed(tmp_path, seed_path, bundled_timeline):
    proc = run_module([str(seed_path), "--timeline", str(bundled_timeline)], tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "CONFLATED" in proc.stdout


def test_python_m_on_a_missing_file(tmp_path):
    proc = run_module(["missing.txt"], tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "missing.txt" in lines[0]


# -- a long article --------------------------------------------------------------------------


@pytest.mark.slow
def test_twelve_megabyte_article(runner, tmp_path, seed_path, bundled_timeline):
    seed_lines = seed_path.read_text(encoding="utf-8").split("\n")
    conflation = seed_lines[8]  # names the Wagner Mutiny, then dates it to July 2020
    assert "July 2020" in conflation
    filler = " ".join(
        ["The committee discussed the budget at length and agreed to meet again soon."] * 12
    )
    paragraphs = seed_lines[:8]  # the article's opening: headline, sub-head, first paragraph
    expected = []
    i = 0
    while sum(len(p) + 1 for p in paragraphs) < 12_000_000:
        if i % 3 == 0:
            expected.append(len(paragraphs) + 1)
            paragraphs.append(conflation)
        else:
            paragraphs.append(filler if i % 3 == 1 else seed_lines[12])
        paragraphs.append("")
        i += 1
    path = tmp_path / "long.txt"
    path.write_text("\n".join(paragraphs), encoding="utf-8")
    assert path.stat().st_size >= 12_000_000
    out = tmp_path / "long.json"
    result = invoke(
        runner, [path, "--timeline", bundled_timeline, "--format", "json", "--output", out]
    )
    assert result.exit_code == 1, result.output
    (file,) = json.loads(out.read_text(encoding="utf-8"))["files"]
    conflated = [c for c in file["claims"] if c["verdict"] == "conflated"]
    assert [c["line"] for c in conflated] == expected
    column = conflation.index("July 2020") + 1
    assert {c["column"] for c in conflated} == {column}
    assert all(c["event"]["id"] == "wagner-mutiny-2023" for c in conflated)
    lines_with_claims = {c["line"] for c in file["claims"]}
    assert lines_with_claims <= set(expected) | {1, 5}


# -- timeline commands -----------------------------------------------------------------------


def test_timeline_validate_ok(runner, synthetic_timeline):
    result = invoke(runner, ["timeline", "validate", synthetic_timeline])
    assert result.exit_code == 0
    assert "ok" in result.stdout
    assert "3 events" in result.stdout


def test_timeline_validate_bundled_by_default(runner, tmp_path, monkeypatch, synthetic_timeline):
    (tmp_path / "claims.yaml").write_text(synthetic_timeline.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, ["timeline", "validate"])
    assert result.exit_code == 0
    assert "ok" in result.stdout and "3 events" in result.stdout


def test_timeline_validate_reports_every_problem(runner, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "schema: 1\n"
        "events:\n"
        "  - id: a\n"
        "    title: A\n"
        "    date: 2023-02-30\n"
        "    sources: [x]\n"
        "  - id: a\n"
        "    title: B\n"
        "    date: 2021\n"
        "    end: 2020\n"
        "    sources: []\n"
        "    aliases: ['']\n"
        "    confused_with: [ghost]\n",
        encoding="utf-8",
    )
    result = invoke(runner, ["timeline", "validate", path])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    problems = [
        line
        for line in result.stdout.splitlines()
        if re.match(rf"{re.escape(str(path))}:\d+:\d+: ", line)
    ]
    assert len(problems) >= 6, result.stdout
    text = "\n".join(problems)
    assert f"{path}:5:" in text  # 2023-02-30
    assert f"{path}:10:" in text  # end before date
    assert f"{path}:11:" in text  # empty sources
    assert f"{path}:12:" in text  # empty alias
    assert "duplicate" in text and "ghost" in text
    assert "ok" not in result.stdout.lower().split()


def test_timeline_validate_json(runner, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("schema: 1\nevents:\n  - {id: a, title: A, date: 2020-13}\n")
    result = invoke(runner, ["timeline", "validate", path, "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False
    assert {(p["line"], p["path"]) for p in data["problems"]} == {(3, str(path))}
    assert len(data["problems"]) == 2  # the impossible month and the missing sources


def test_timeline_show_grep(runner, bundled_timeline):
    result = invoke(
        runner,
        ["timeline", "show", bundled_timeline, "--grep", "Wagner", "--no-color"],
        env={"COLUMNS": "250"},
    )
    assert result.exit_code == 0
    assert "wagner-mutiny-2023" in result.stdout
    assert "belarus-wagner-arrests-2020" in result.stdout
    assert "crimea-referendum-2014" not in result.stdout
    assert "yanukovych-ousted-2014" not in result.stdout
    assert re.search(r"\d+ of \d+ events", result.stdout)


def test_timeline_show_invalid(runner, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("schema: 1\nevents: [\n")
    result = invoke(runner, ["timeline", "show", path])
    assert_one_error_line(result, "bad.yaml")


# -- dates ------------------------------------------------------------------------------------


def test_dates_json(runner, tmp_path, seed_path):
    article = tmp_path / "dated.txt"
    article.write_text(
        "MINSK, July 29, 2020 (Reuters) - Belarus détained 33 men 🙂 on Wednesday.\n"
        "\n"
        "The group had arrived on July 25, and more were expected in 2021.\n",
        encoding="utf-8",
    )
    result = invoke(runner, ["dates", article, seed_path, "--format", "json"])
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == [str(article), str(seed_path)]
    assert files[0]["reference_date"] == "2020-07-29"
    for f, path in zip(files, [article, seed_path], strict=True):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        assert f["times"]
        for t in f["times"]:
            assert {
                "text",
                "start_char",
                "end_char",
                "line",
                "column",
                "type",
                "value",
                "start",
                "end",
            } <= set(t)
            assert t["text"] == text[t["start_char"] : t["end_char"]]
            assert lines[t["line"] - 1][t["column"] - 1 :].startswith(t["text"])
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET")
    times = {t["text"]: t for t in files[0]["times"]}
    assert times["Wednesday"]["start"] == "2020-07-29"
    assert times["July 25"]["value"] == "2020-07-25"
    assert times["July 25"]["line"] == 3
    sunday = [t for t in files[1]["times"] if t["text"] == "Sunday"]
    assert sunday and sunday[0]["line"] == 5


def test_dates_table_prints_paths_with_brackets_as_they_are(runner, tmp_path):
    folder = tmp_path / "x[bold]y"
    folder.mkdir()
    path = folder / "a[1].txt"
    path.write_text("It happened on July 4, 2020.\n", encoding="utf-8")
    result = invoke(runner, ["dates", "--no-color", path])
    assert result.exit_code == 0, result.output
    title = result.output.replace("\n", "")  # a long title wraps
    assert "x[bold]y" in title and "a[1].txt" in title


def test_dates_table_shows_open_intervals_with_an_open_end(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Prices rose from 2014 to 2016 and stay frozen until March.\n", "utf-8")
    result = invoke(runner, ["dates", "--no-color", "--reference-date", "2021-03-10", path])
    assert result.exit_code == 0, result.output
    assert "2014-01-01 .. 2014-12-31" in result.output  # one end of a range: that year
    assert "… .. 2021-03-31" in result.output  # until March: open at the start


def test_dates_missing_file(runner, tmp_path):
    result = invoke(runner, ["dates", tmp_path / "nope.txt"])
    assert_one_error_line(result, "nope.txt")


def test_markdown_and_html_positions_and_reference_dates(runner, tmp_path, synthetic_timeline):
    md = tmp_path / "a.md"
    md.write_text(
        "---\ntitle: x\ndate: 2023-06-26\n---\n\n# Legion news\n\n"
        "The Legion mutiny began on **Friday**.\n",
        encoding="utf-8",
    )
    html = tmp_path / "a.html"
    html.write_text(
        '<html><head><meta property="article:published_time" content="2023-06-26T10:00">'
        "</head><body><h1>Legion news</h1>\n"
        "<p>The Legion mutiny took place in <b>July 2020</b>.</p></body></html>\n",
        encoding="utf-8",
    )
    code, report = json_report(runner, md, html, "--timeline", synthetic_timeline)
    assert code == 1
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    for name, f in by_name.items():
        assert f["reference_date"] == "2023-06-26", name
        path = tmp_path / name
        lines = path.read_text(encoding="utf-8").split("\n")
        (claim,) = f["claims"]
        assert lines[claim["line"] - 1][claim["column"] - 1 :].startswith(claim["time"]["text"])
    assert by_name["a.md"]["claims"][0]["line"] == 8
    assert by_name["a.md"]["claims"][0]["verdict"] == "supported"
    assert by_name["a.html"]["claims"][0]["line"] == 2
    assert by_name["a.html"]["claims"][0]["verdict"] == "conflated"


def test_decoding_warning_once_on_a_terminal(runner, tmp_path, monkeypatch):
    """On a terminal the text report shows the warning; stderr does not repeat it. Piped,
    or in another format, stderr has it (the report may not be read)."""
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 owners met on July 4, 2020.\n".encode("cp1252"))
    monkeypatch.setattr("factcheck.cli._on_terminal", lambda: True)
    shown = invoke(runner, ["check", "--no-color", path])
    assert "not valid UTF-8" in shown.stdout and "not valid UTF-8" not in shown.stderr
    as_json = invoke(runner, ["check", "--format", "json", path])
    assert "not valid UTF-8" in as_json.stderr
    monkeypatch.setattr("factcheck.cli._on_terminal", lambda: False)
    piped = invoke(runner, ["check", "--no-color", path])
    assert "not valid UTF-8" in piped.stderr


def test_a_missing_file_is_reported_without_loading_spacy(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "sys.argv = ['factcheck', 'nope.txt']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    print(exit.code, 'spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.stdout.split()[-2:] == ["2", "False"], done.stdout + done.stderr
    assert "nope.txt: no such file or directory" in done.stderr
