"""Tests for factcheck.timeline: loading, validation problems with positions, discovery."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from factcheck.errors import Problem, TimelineError
from factcheck.timeline import (
    bundled_timeline_path,
    default_timeline_paths,
    load_timeline,
    parse_date,
    validate,
)

EVENT = """\
  - id: {id}
    title: Event {id}
    date: {date}
    sources: [https://example.org/{id}]
"""


def timeline_text(*events: str) -> str:
    return "schema: 1\nevents:\n" + "".join(events)


def problems_of(path: Path) -> list[Problem]:
    loaded, problems = validate([path])
    assert loaded is None, "expected the timeline to be invalid"
    assert problems
    return problems


def only_problem(path: Path, pattern: str) -> Problem:
    problems = [p for p in problems_of(path) if re.search(pattern, p.message, re.IGNORECASE)]
    assert len(problems) == 1, problems_of(path)
    return problems[0]


# -- valid files ---------------------------------------------------------------------------


def test_valid_file_loads(write_timeline):
    path = write_timeline(
        """\
        schema: 1
        title: Tiny
        x-maintainer: someone
        events:
          - id: day-event
            title: A day
            date: 2020-07-29
            aliases: [the day event]
            keywords: [arrested]
            entities: [Minsk]
            summary: Something happened.
            sources: [https://example.org/a]
            confused_with: [month-event]
            x-note: kept for humans
          - id: month-event
            title: A month
            date: "2023-06"
            end: 2023-07
            sources: ["A newspaper, 1 June 2023"]
          - id: year-event
            title: A year
            date: 2019
            end: "2020"
            sources: [https://example.org/c]
        """
    )
    timeline = load_timeline([path])
    assert len(timeline) == 3
    assert timeline.title == "Tiny"
    day = timeline.get("day-event")
    assert day is not None
    assert (day.date.start, day.date.end, day.date.precision) == (
        date(2020, 7, 29),
        date(2020, 7, 29),
        "day",
    )
    assert day.aliases == ("the day event",)
    assert day.confused_with == ("month-event",)
    assert day.sources == ("https://example.org/a",)
    month = timeline.get("month-event")
    assert month is not None
    assert month.date.precision == "month"
    assert month.start == date(2023, 6, 1)
    assert month.last == date(2023, 7, 31)
    year = timeline.get("year-event")  # an integer date, a string end
    assert year is not None
    assert year.date.precision == "year"
    assert year.start == date(2019, 1, 1)
    assert year.last == date(2020, 12, 31)
    assert len(timeline.sha256) == 64
    assert timeline.paths == (str(path),)


def test_x_keys_are_accepted(write_timeline):
    path = write_timeline(
        timeline_text(EVENT.format(id="a", date="2020") + "    x-anything: {nested: [1, 2]}\n")
        + "x-top: whatever\n"
    )
    loaded, problems = validate([path])
    assert problems == []
    assert loaded is not None and len(loaded) == 1


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("2020", date(2020, 1, 1), date(2020, 12, 31), "year"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month"),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28), "month"),
        ("2020-07-29", date(2020, 7, 29), date(2020, 7, 29), "day"),
    ],
)
def test_parse_date(text, start, end, precision):
    interval = parse_date(text)
    assert interval is not None
    assert (interval.start, interval.end, interval.precision, interval.value) == (
        start,
        end,
        precision,
        text,
    )


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "2023-00-10", "20", "July 2020", ""])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


# -- problems, each at its line and column -----------------------------------------------


def test_yaml_syntax_error(write_timeline):
    path = write_timeline("schema: 1\nevents:\n  - id: a\n    title: [unclosed\n")
    (problem,) = problems_of(path)
    assert problem.path == str(path)
    assert "syntax" in problem.message.lower()
    assert problem.line >= 4  # where the parser gave up, not line 1
    assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: ")


def test_duplicate_id(write_timeline):
    path = write_timeline(
        timeline_text(EVENT.format(id="a", date=2020), EVENT.format(id="a", date=2021))
    )
    problem = only_problem(path, "duplicate id")
    assert problem.line == 7  # the second event
    assert "'a'" in problem.message
    assert ":3" in problem.message  # where the first one is


def test_impossible_date(write_timeline):
    path = write_timeline(timeline_text(EVENT.format(id="a", date="2023-02-30")))
    problem = only_problem(path, "2023-02-30")
    assert (problem.line, problem.column) == (5, 11)


def test_malformed_date(write_timeline):
    path = write_timeline(timeline_text(EVENT.format(id="a", date="June 2023")))
    problem = only_problem(path, "date")
    assert problem.line == 5


def test_end_before_date(write_timeline):
    path = write_timeline(
        timeline_text(EVENT.format(id="a", date="2020-05-02") + "    end: 2020-05-01\n")
    )
    problem = only_problem(path, "before")
    assert (problem.line, problem.column) == (7, 10)


def test_end_within_the_dates_year_is_fine(write_timeline):
    # `date: 2020` is the whole year; an `end` inside it is not "before" it.
    path = write_timeline(timeline_text(EVENT.format(id="a", date="2020") + "    end: 2020-12\n"))
    assert validate([path])[1] == []


def test_unknown_key(write_timeline):
    path = write_timeline(timeline_text(EVENT.format(id="a", date=2020) + "    colour: red\n"))
    problem = only_problem(path, "colour")
    assert (problem.line, problem.column) == (7, 5)


def test_unknown_top_level_key(write_timeline):
    path = write_timeline("schema: 1\nevnets: []\nevents:\n" + EVENT.format(id="a", date=2020))
    problem = only_problem(path, "evnets")
    assert problem.line == 2


def test_unknown_confused_with(write_timeline):
    path = write_timeline(
        timeline_text(EVENT.format(id="a", date=2020) + "    confused_with: [nope]\n")
    )
    problem = only_problem(path, "nope")
    assert problem.line == 3  # the event that names it


def test_empty_alias(write_timeline):
    path = write_timeline(
        timeline_text(EVENT.format(id="a", date=2020) + '    aliases: [fine, ""]\n')
    )
    problem = only_problem(path, "alias")
    assert problem.line == 7


def test_missing_sources(write_timeline):
    path = write_timeline(timeline_text("  - id: a\n    title: A\n    date: 2020\n"))
    problem = only_problem(path, "sources")
    assert problem.line == 3


def test_empty_sources(write_timeline):
    path = write_timeline(
        timeline_text("  - id: a\n    title: A\n    date: 2020\n    sources: []\n")
    )
    problem = only_problem(path, "sources")
    assert problem.line == 6


def test_missing_id(write_timeline):
    path = write_timeline(timeline_text("  - title: A\n    date: 2020\n    sources: [x]\n"))
    problem = only_problem(path, "id")
    assert problem.line == 3


@pytest.mark.parametrize("bad_id", ["Bad_ID", "two words", "trailing-", "ümlaut"])
def test_bad_id_characters(write_timeline, bad_id):
    path = write_timeline(timeline_text(EVENT.format(id=f'"{bad_id}"', date=2020)))
    problem = only_problem(path, "lowercase")
    assert problem.line == 3


def test_alias_bomb_is_refused_without_expanding(write_timeline):
    # "Billion laughs": ten levels of ten references each would be 10**10 strings.
    lines = ['l0: &l0 "lol"']
    for i in range(1, 10):
        refs = ", ".join([f"*l{i - 1}"] * 10)
        lines.append(f"x-l{i}: &l{i} [{refs}]")
    body = "schema: 1\n" + "\n".join(lines) + "\nevents:\n" + EVENT.format(id="a", date=2020)
    path = write_timeline(body.replace("l0: &l0", "x-l0: &l0"))
    (problem,) = problems_of(path)
    assert "alias" in problem.message.lower()
    assert problem.line == 3  # the first alias
    with pytest.raises(TimelineError, match="alias"):
        load_timeline([path])


def test_alias_inside_an_event_is_refused(write_timeline):
    path = write_timeline(
        timeline_text(
            EVENT.format(id="a", date=2020) + "    aliases: &names [x]\n    keywords: *names\n"
        )
    )
    (problem,) = problems_of(path)
    assert "alias" in problem.message.lower()
    assert problem.line == 8


@pytest.mark.parametrize("root", ["- 1\n- 2\n", "just a string\n", "42\n"])
def test_non_mapping_root(write_timeline, root):
    path = write_timeline(root)
    (problem,) = problems_of(path)
    assert "mapping" in problem.message
    assert problem.line == 1


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(write_timeline, content):
    path = write_timeline(content)
    (problem,) = problems_of(path)
    assert "empty" in problem.message
    assert (problem.line, problem.column) == (1, 1)


def test_missing_file(tmp_path):
    loaded, problems = validate([tmp_path / "nope.yaml"])
    assert loaded is None
    assert len(problems) == 1
    assert "nope.yaml" in str(problems[0])


def test_all_problems_reported_at_once(write_timeline):
    path = write_timeline(
        """\
        schema: 1
        events:
          - id: a
            title: A
            date: 2023-02-30
            sources: [x]
          - id: a
            title: B
            date: 2021
            end: 2020
            colour: red
            sources: []
          - id: c
            title: C
            date: 2020
            aliases: [""]
            confused_with: [nope]
            sources: [x]
        """
    )
    problems = problems_of(path)
    lines = [p.line for p in problems]
    assert lines == sorted(lines)  # in file order
    messages = " | ".join(p.message for p in problems)
    for fragment in ["2023-02-30", "duplicate id", "before", "colour", "sources", "empty", "nope"]:
        assert fragment in messages, fragment
    assert {5, 7, 10, 11, 12, 16} <= set(lines)
    with pytest.raises(TimelineError) as info:
        load_timeline([path])
    assert info.value.problems == problems
    assert str(problems[0]) in str(info.value)


# -- merging and discovery ------------------------------------------------------------------


def test_merge_two_files(write_timeline):
    a = write_timeline(timeline_text(EVENT.format(id="a", date=2020)), "a.yaml")
    b = write_timeline(
        timeline_text(EVENT.format(id="b", date=2021) + "    confused_with: [a]\n"), "b.yaml"
    )
    timeline = load_timeline([a, b])
    assert [e.id for e in timeline] == ["a", "b"]
    assert timeline.paths == (str(a), str(b))
    assert timeline.sha256 != load_timeline([a]).sha256


def test_duplicate_id_across_files(write_timeline):
    a = write_timeline(timeline_text(EVENT.format(id="a", date=2020)), "a.yaml")
    b = write_timeline(timeline_text(EVENT.format(id="a", date=2021)), "b.yaml")
    loaded, problems = validate([a, b])
    assert loaded is None
    assert [(p.path, p.line) for p in problems] == [(str(b), 3)]
    assert "duplicate" in problems[0].message


def test_directory_of_yaml(write_timeline, tmp_path):
    write_timeline(timeline_text(EVENT.format(id="b", date=2021)), "dir/b.yaml")
    write_timeline(timeline_text(EVENT.format(id="a", date=2020)), "dir/a.yaml")
    write_timeline("not: [a timeline", "dir/notes.txt")
    timeline = load_timeline([tmp_path / "dir"])
    assert sorted(e.id for e in timeline) == ["a", "b"]
    assert [Path(p).name for p in timeline.paths] == ["a.yaml", "b.yaml"]


def test_default_discovery_in_cwd_and_parents(write_timeline, tmp_path, monkeypatch):
    found = write_timeline(timeline_text(EVENT.format(id="mine", date=2020)), "proj/claims.yaml")
    deep = tmp_path / "proj" / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert default_timeline_paths() == [found.resolve()]
    assert [e.id for e in load_timeline()] == ["mine"]
    monkeypatch.chdir(tmp_path / "proj")
    assert default_timeline_paths() == [found.resolve()]


def test_default_discovery_falls_back_to_bundled(tmp_path, monkeypatch):
    lonely = tmp_path / "nowhere"
    lonely.mkdir()
    monkeypatch.chdir(lonely)
    if any((p / "claims.yaml").is_file() for p in (lonely.resolve(), *lonely.resolve().parents)):
        pytest.skip("a claims.yaml exists above the temporary directory")
    assert default_timeline_paths() == [bundled_timeline_path()]
    assert len(load_timeline()) >= 40


# -- grep -------------------------------------------------------------------------------------


def test_grep(write_timeline):
    path = write_timeline(
        """\
        schema: 1
        events:
          - id: wagner-mutiny
            title: Mutiny
            date: 2023-06-23
            sources: [x]
          - id: arrests
            title: Arrests in Minsk
            date: 2020-07-29
            entities: [Wagner Group]
            sources: [x]
          - id: other
            title: Something else
            date: 2015
            summary: Nothing to do with it.
            aliases: [the other thing]
            sources: [x]
        """
    )
    timeline = load_timeline([path])
    assert [e.id for e in timeline.grep("wagner")] == ["wagner-mutiny", "arrests"]
    assert [e.id for e in timeline.grep("MINSK")] == ["arrests"]
    assert [e.id for e in timeline.grep("other thing")] == ["other"]
    assert timeline.grep("zebra") == []
