"""Hostile input (issue 17): bounded work per sentence, per-record errors in archives,
audit exit statuses, special files, markup nesting, line ends, aliases, resume.

Behaviour only: speed lives in benchmarks/bench_hostile.py."""

from __future__ import annotations

import gzip
import json
import os
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from test_audit_helpers import CONFLATED, SUPPORTED, write_jsonl, write_timeline

import factcheck
from factcheck.cli import cli
from factcheck.limits import MAX_SENTENCE_TIMES

TIMELINE_ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "wagner-timeline.yaml"
MONTHS = ["January", "March", "June", "July", "October", "December"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="module")
def checker() -> factcheck.Checker:
    return factcheck.Checker(factcheck.load_timeline([TIMELINE_ROOT]))


def dates_only(n: int) -> str:
    return " ".join(f"{1950 + i % 70} {MONTHS[i % 6]} {1 + i % 28} Sunday" for i in range(n))


# -- 1. bounded work per sentence ----------------------------------------------------


def test_a_sentence_of_nothing_but_dates_is_skipped_as_too_long(checker) -> None:
    report = checker.check_text(dates_only(MAX_SENTENCE_TIMES * 3), path="dates.txt")
    assert not report.claims
    assert report.skipped and {s.skipped.rule for s in report.skipped} == {"FC109"}
    assert any("skipped: too long" in w for w in report.warnings)


def test_the_rest_of_a_document_with_a_too_long_sentence_is_checked(checker) -> None:
    text = (
        "In July 2020, the Wagner Group mutiny began.\n\n"
        + dates_only(MAX_SENTENCE_TIMES * 2)
        + ".\n\nThe Wagner Group mutiny began in 2020."
    )
    report = checker.check_text(text, path="mixed.txt")
    assert [c.line for c in report.claims] == [1, 5]  # before and after it


# -- 3. per-record errors in archives, audit exit statuses ----------------------------


def test_hostile_records_are_record_errors_and_the_audit_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    timeline = write_timeline(tmp_path)
    archive = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "good", "text": SUPPORTED},
            "[" * 1000 + "]" * 1000,
            '{"id": "lone", "text": "A lone \\ud800 surrogate in July 2020."}',
            {"id": "last", "text": CONFLATED},
        ],
    )
    result = run("audit", str(archive), "--timeline", str(timeline), "--db", "a.db", "--jobs", "1")
    assert "internal error" not in result.output
    assert result.exit_code == 2, result.output  # some documents could not be read
    status = dict(rows(tmp_path / "a.db", "SELECT path, status FROM files"))
    assert status == {"a.jsonl#good": "ok", "a.jsonl#2": "error", "a.jsonl#lone": "error",
                      "a.jsonl#last": "ok"}  # fmt: skip
    errors = dict(rows(tmp_path / "a.db", "SELECT path, error FROM files WHERE error IS NOT NULL"))
    assert "nested too deep" in errors["a.jsonl#2"]
    assert "lone surrogate" in errors["a.jsonl#lone"]


def test_a_truncated_gz_archive_fails_the_audit_with_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    timeline = write_timeline(tmp_path)
    data = gzip.compress(("\n".join(json.dumps({"text": SUPPORTED}) for _ in range(50))).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    good = tmp_path / "good.txt"
    good.write_text(SUPPORTED, encoding="utf-8")
    result = run("audit", "cut.jsonl.gz", "good.txt", "--timeline", str(timeline), "--db", "a.db")
    assert result.exit_code == 2, result.output
    assert ("good.txt", "ok") in rows(tmp_path / "a.db", "SELECT path, status FROM files")


def test_audit_exit_statuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    timeline = str(write_timeline(tmp_path))
    (tmp_path / "ok.txt").write_text(SUPPORTED, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(CONFLATED, encoding="utf-8")
    base = ["--timeline", timeline, "--jobs", "1"]
    assert run("audit", "ok.txt", "bad.txt", *base, "--db", "1.db").exit_code == 0
    failed = run("audit", "ok.txt", "bad.txt", *base, "--db", "2.db", "--fail-on", "error")
    assert failed.exit_code == 1
    (tmp_path / "locked.txt").write_text(SUPPORTED, encoding="utf-8")
    (tmp_path / "locked.txt").chmod(0)
    if os.access(tmp_path / "locked.txt", os.R_OK):
        pytest.skip("running as a user who reads any file")
    assert run("audit", "ok.txt", "locked.txt", *base, "--db", "3.db").exit_code == 2


def test_resume_rechecks_error_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    timeline = str(write_timeline(tmp_path))
    archive = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": ""}])
    base = ["audit", "a.jsonl", "--timeline", timeline, "--db", "a.db", "--jobs", "1"]
    assert run(*base).exit_code == 2
    write_jsonl(archive, [{"id": "x", "text": SUPPORTED}])
    assert run(*base, "--resume").exit_code == 0
    assert rows(tmp_path / "a.db", "SELECT path, status FROM files") == [("a.jsonl#x", "ok")]


# -- 4. special files, size caps -----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_an_error_on_the_command_line_and_skipped_in_a_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(CONFLATED, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block for ever
    timeline = str(write_timeline(tmp_path))
    walked = run("check", "docs", "--timeline", timeline, "--format", "json")
    assert walked.exit_code == 1  # the conflation; the FIFO is no input
    assert "pipe.txt: skipped: not a regular file (a FIFO)" in walked.output
    named = run("check", "docs/pipe.txt", "--timeline", timeline)
    assert named.exit_code == 2 and "not a regular file (a FIFO)" in named.output
    assert run("dates", "docs/pipe.txt").exit_code == 2
    as_timeline = run("check", "docs/a.txt", "--timeline", "docs/pipe.txt")
    assert as_timeline.exit_code == 2 and "not a regular file" in as_timeline.output
    audited = run("audit", "docs", "--timeline", timeline, "--db", "a.db", "--jobs", "1")
    assert audited.exit_code == 0, audited.output
    assert rows(tmp_path / "a.db", "SELECT path FROM files") == [("docs/a.txt",)]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_is_refused() -> None:
    result = run("check", "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero: not a regular file (a character device)" in result.output


def test_inputs_past_the_size_cap_are_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_MAX_SIZE", "20M")  # restored after: --max-size sets it
    timeline = str(write_timeline(tmp_path))
    (tmp_path / "big.txt").write_text(SUPPORTED + " x" * 600, encoding="utf-8")
    (tmp_path / "small.txt").write_text(SUPPORTED, encoding="utf-8")
    result = run("check", "big.txt", "small.txt", "--max-size", "1K", "--timeline", timeline)
    assert result.exit_code == 2
    assert "big.txt: larger than the size limit of 1,000 bytes" in result.output
    assert "1 file checked" in result.output
    write_jsonl(
        tmp_path / "a.jsonl", [{"id": "big", "text": "x " * 1000}, {"id": "ok", "text": SUPPORTED}]
    )
    audited = run("audit", "a.jsonl", "--max-size", "1K", "--timeline", timeline, "--db", "a.db")
    assert audited.exit_code == 2
    status = dict(rows(tmp_path / "a.db", "SELECT path, status FROM files"))
    assert status == {"a.jsonl#1": "error", "a.jsonl#ok": "ok"}
    assert run("check", "small.txt", "--max-size", "lots").exit_code == 2


# -- 4. markup nesting of any depth keeps all prose -----------------------------------

WAGNER_CONFLATED = "In July 2020, the Wagner Group mutiny began, according to the report."


def nested_list(depth: int) -> str:
    return "\n".join("  " * i + f"- item {i}" for i in range(depth))


@pytest.mark.parametrize("depth", [10, 30, 3000])
def test_prose_after_a_deeply_nested_list_is_checked(checker, depth: int) -> None:
    text = f"# Wagner\n\n{nested_list(depth)}\n\n{WAGNER_CONFLATED}\n"
    as_md = checker.check_text(text, path="a.md")
    as_txt = checker.check_text(text, path="a.txt")
    assert [c.verdict for c in as_md.claims] == ["conflated"]
    assert [(c.line, c.verdict) for c in as_md.claims] == [
        (c.line, c.verdict) for c in as_txt.claims
    ]


def test_sentences_in_blockquotes_nested_deeper_than_20_are_kept(checker) -> None:
    quotes = "\n".join(">" * i + f" quoted line {i}." for i in range(1, 26))
    report = checker.check_text(f"{quotes} {WAGNER_CONFLATED}\n", path="q.md")
    assert [c.verdict for c in report.claims] == ["conflated"]


def test_an_html_tag_with_many_attributes_is_read(checker) -> None:
    attributes = " ".join(f'a{i}="x"' for i in range(20_000))
    report = checker.check_text(f"<p {attributes}>{WAGNER_CONFLATED}</p>", path="a.html")
    assert [c.verdict for c in report.claims] == ["conflated"]


# -- 4. line ends, aliases ----------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_cr_lf_and_crlf_all_end_lines(checker, newline: str) -> None:
    text = newline.join(["Wagner", "", "Some words.", "", WAGNER_CONFLATED, ""])
    report = checker.check_text(text, path="a.txt")
    assert [(c.line, c.column) for c in report.claims] == [(5, 4)]


def test_validate_rejects_aliases_without_a_letter_and_warns_about_common_words(
    tmp_path: Path,
) -> None:
    timeline = tmp_path / "t.yaml"
    event = """
  - id: {id}
    title: Some event
    date: 2020-01-01
    aliases: [{alias}]
    sources: [https://example.org/a]
"""
    timeline.write_text("schema: 1\nevents:" + event.format(id="a", alias='"."'), "utf-8")
    bad = run("timeline", "validate", str(timeline))
    assert bad.exit_code == 1 and "alias '.' has no letter or digit" in bad.output
    loaded = CliRunner().invoke(cli, ["check", "-", "--timeline", str(timeline)], input="x")
    assert loaded.exit_code == 2
    timeline.write_text("schema: 1\nevents:" + event.format(id="a", alias="war"), "utf-8")
    warned = run("timeline", "validate", str(timeline))
    assert warned.exit_code == 0 and "alias 'war' is a common word" in warned.output


# -- 6. fuzz: generated hostile documents through check, dates and audit ---------------

PIECES = [
    "2023 June 23 Sunday ", "June. 23. 2023. ", "'June' ", "'80s ", "\ud7ff", "\u202e",
    "<div>", "</div>", "<p a=\"1\" b='2'>", "<!-- factcheck: ignore -->", "&amp;", "&#x0;",
    "- ", "  - ", "> ", "```\n", "# ", "[link](http://x", "*", "_", "\n", "\r", "\r\n",
    "\n\n", "\t", "\x00", "\x0c", "Wagner Group mutiny", "in July 2020", "since 1991",
    "last month", "on Sunday", "two years earlier", "from 1985 to 1987", "Q3 2021",
    "the 1990s", "2023-06-23", "23/06/2023", "MINSK, July 29 (Reuters) - ", "(", ")", ".",
    "...", "—", "“", "”", "ß", "İ", "🙂", " ", "a" * 50, "1" * 30,
]  # fmt: skip


def hostile_document(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 400)))


def test_fuzz_hostile_documents_never_cause_an_internal_error(
    checker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(17)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "docs"
    folder.mkdir()
    records = []
    for i in range(40):
        text = hostile_document(rng)
        suffix = (".txt", ".md", ".html")[i % 3]
        report = checker.check_text(text, path=f"doc{i}{suffix}")  # raises on a bug
        assert report.error is None
        on_disk = text.replace("\x00", "")  # NUL: a binary file, refused as such
        (folder / f"doc{i}{suffix}").write_text(on_disk, encoding="utf-8", errors="replace")
        records.append({"id": f"r{i}", "text": text.encode("utf-8", "replace").decode()})
    write_jsonl(tmp_path / "fuzz.jsonl", records)
    for command in (["check", "docs"], ["dates", "docs"]):
        result = (
            run(*command, "--timeline", str(TIMELINE_ROOT))
            if command[0] == "check"
            else run(*command)
        )
        assert "internal error" not in result.output, command
        assert result.exit_code in (0, 1), (command, result.output[-2000:])
    audited = run(
        "audit", "docs", "fuzz.jsonl", "--timeline", str(TIMELINE_ROOT), "--db", "f.db", "-j", "1"
    )
    assert "internal error" not in audited.output
    assert audited.exit_code == 0, audited.output[-2000:]
    assert rows(tmp_path / "f.db", "SELECT count(*) FROM files WHERE status = 'ok'") == [(80,)]


def test_resume_marks_documents_that_are_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    timeline = str(write_timeline(tmp_path))
    (tmp_path / "docs").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "docs" / name).write_text(CONFLATED, encoding="utf-8")
    write_jsonl(
        tmp_path / "a.jsonl", [{"id": "x", "text": CONFLATED}, {"id": "y", "text": SUPPORTED}]
    )
    base = ["audit", "docs", "a.jsonl", "--timeline", timeline, "--db", "a.db", "--jobs", "1"]
    assert run(*base).exit_code == 0
    (tmp_path / "docs" / "b.txt").unlink()
    write_jsonl(tmp_path / "a.jsonl", [{"id": "y", "text": SUPPORTED}])
    resumed = run(*base, "--resume", "--export", "out.jsonl")
    assert resumed.exit_code == 0, resumed.output
    assert "2 gone" in resumed.output
    status = dict(rows(tmp_path / "a.db", "SELECT path, status FROM files"))
    assert status == {"docs/a.txt": "ok", "docs/b.txt": "gone", "a.jsonl#x": "gone",
                      "a.jsonl#y": "ok"}  # fmt: skip
    assert rows(tmp_path / "a.db", "SELECT DISTINCT path FROM claims ORDER BY path") == [
        ("a.jsonl#y",),
        ("docs/a.txt",),
    ]
    exported = [json.loads(line)["path"] for line in Path("out.jsonl").read_text().splitlines()]
    assert exported == ["a.jsonl#y", "docs/a.txt"]
    # a resume over part of the inputs marks nothing gone that is still there
    assert (
        "gone"
        not in run("audit", "docs", "--timeline", timeline, "--db", "a.db", "--resume").output
    )


def test_a_schema_1_database_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    from factcheck.audit_store import SCHEMA

    with sqlite3.connect(db) as conn:
        conn.executescript(SCHEMA.replace("'error', 'gone'", "'error'") + "PRAGMA user_version=1;")
    from factcheck.audit_store import AuditStore

    with AuditStore(str(db)) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert store.mark_gone(set(), set()) == 0


def test_a_long_line_is_never_cut_inside_a_time_expression(
    checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.checker as checker_module

    head = (
        "the Wagner Group fighters marched on " * 8 + "and the Wagner Group mutiny began in June "
    )
    text = head + "2023 while the Wagner Group fighters marched on " * 3
    monkeypatch.setattr(checker_module, "CHUNK_CHARS", len(head) + 2)  # inside "2023"
    report = checker.check_text(text, path="line.txt")
    times = [c.finding.claim.time.text for c in report.claims]
    times += [s.skipped.time.text for s in report.skipped]
    assert "June 2023" in times and "June" not in times


def test_time_expressions_past_the_document_limit_are_counted_not_checked(
    checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.checker as checker_module

    monkeypatch.setattr(checker_module, "document_times", lambda chars: 5)
    text = " ".join(f"The Wagner Group mutiny began in June {2000 + i}." for i in range(8))
    report = checker.check_text(text, path="many.txt")
    assert len(report.claims) == 5
    assert any("skipped: too many: 3 time expressions" in w for w in report.warnings)


def test_pieces_after_the_document_limit_are_not_read(
    checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.checker as checker_module

    monkeypatch.setattr(checker_module, "document_times", lambda chars: 5)
    monkeypatch.setattr(checker_module, "CHUNK_CHARS", 200)
    paragraphs = [
        " ".join(f"The Wagner Group mutiny began in June {2000 + i}." for i in range(3))
        for _ in range(6)
    ]
    report = checker.check_text("\n\n".join(paragraphs), path="many.txt")
    assert len(report.claims) == 5
    (warning,) = [w for w in report.warnings if "too many" in w]
    assert "nor the rest of the document from line" in warning
    last = max(c.line for c in report.claims)
    assert int(warning.rsplit(" ", 1)[1]) > last  # it names a line after the last checked


def test_dates_lists_a_long_file_in_plain_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.dates as dates_module

    monkeypatch.setattr(dates_module, "TABLE_ROWS", 3)
    page = tmp_path / "dates.txt"
    page.write_text("It rained on 3 May 2021, 4 May 2021, 5 May 2021 and 6 May 2021.\n")
    result = CliRunner().invoke(cli, ["dates", str(page)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith(": 4 time expressions")
    assert lines[1].split() == ["line:col", "text", "type", "value", "interval"]
    assert [line.split()[0] for line in lines[2:]] == ["1:14", "1:26", "1:38", "1:53"]
    assert "┃" not in result.output  # no drawn table


def test_the_document_limit_grows_with_the_document() -> None:
    from factcheck.limits import CHARS_PER_TIME, MAX_DOCUMENT_TIMES, document_times

    assert document_times(10_000) == MAX_DOCUMENT_TIMES  # an article: never reached
    assert document_times(12_000_000) == 12_000_000 // CHARS_PER_TIME  # a long report
    # a page of nothing but dates has a time every 10-20 characters: it is cut
    assert document_times(1_000_000) * 10 < 1_000_000


def test_html_nested_thousands_deep_keeps_all_prose(checker) -> None:
    html = "<div>" * 5000 + f"<p>{WAGNER_CONFLATED}</p>" + "</div>" * 5000
    html += (
        f"<blockquote>{'<ul><li>' * 500}x{'</li></ul>' * 500}</blockquote><p>{WAGNER_CONFLATED}</p>"
    )
    report = checker.check_text(html, path="deep.html")
    assert [c.verdict for c in report.claims] == ["conflated", "conflated"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_alone_is_refused_without_building_the_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.checker as checker_module

    def no_pipeline(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pipeline was built for a FIFO")

    monkeypatch.setattr(checker_module, "build_pipeline", no_pipeline)
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    timeline = str(write_timeline(tmp_path))
    checked = run("check", "pipe.txt", "--timeline", timeline)
    assert checked.exit_code == 2
    assert checked.output.strip() == "factcheck: error: pipe.txt: not a regular file (a FIFO)"
    audited = run("audit", "pipe.txt", "--timeline", timeline, "--db", "a.db", "--jobs", "1")
    assert audited.exit_code == 2 and "not a regular file (a FIFO)" in audited.output
