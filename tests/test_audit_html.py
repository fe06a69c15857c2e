"""`factcheck audit --report`: the HTML page, parsed back with html.parser."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_audit_helpers import (
    CONFLATED,
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    rows,
    write_jsonl,
    write_timeline,
)

from factcheck.audit import AuditStore
from factcheck.audit_html import render_report
from factcheck.cli import cli


class Page(HTMLParser):
    """Collects the rows (by class) with their cell texts and attributes, links and tags."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, list[tuple[dict[str, str | None], list[str]]]] = defaultdict(list)
        self.links: list[str] = []
        self.tags: defaultdict[str, int] = defaultdict(int)
        self.sources: list[str] = []
        self._row: tuple[dict[str, str | None], list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags[tag] += 1
        self.sources += [v for k, v in attrs if k == "src" and v]
        if tag == "tr" and a.get("class"):
            self._row = (a, [])
            self.rows[a["class"] or ""].append(self._row)
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row[1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def audited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_timeline(tmp_path)
    (tmp_path / "story.txt").write_text(
        f"{SUPPORTED}\n\n{CONTRADICTED}\n\nAgain: {CONTRADICTED}\n", encoding="utf-8"
    )
    write_jsonl(
        tmp_path / "feed.jsonl",
        [
            {"id": "w1", "url": "https://example.org/w1", "text": CONFLATED},
            {"id": "w2", "text": f"{UNVERIFIABLE} <b>&amp; more</b>"},
            {"id": "w3"},
        ],
    )
    args = ["audit", "story.txt", "feed.jsonl", "--timeline", "timeline.yaml", "--db", "a.db"]
    result = CliRunner().invoke(cli, [*args, "-j", "1", "--report", "report.html"])
    assert result.exit_code == 0, result.output
    return tmp_path


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_counts(audited: Path) -> None:
    page = parse(audited / "report.html")
    counts = {a["data-key"]: int(cells[1]) for a, cells in page.rows["count"]}
    assert counts == {
        "documents": 4,
        "errors": 1,
        "supported": 1,
        "contradicted": 2,
        "conflated": 1,
        "unverifiable": 1,
    }


def test_findings_table_links_to_path_and_line(audited: Path) -> None:
    page = parse(audited / "report.html")
    findings = page.rows["finding"]
    assert [(cells[0], a["data-verdict"]) for a, cells in findings] == [
        ("feed.jsonl#w1:1", "conflated"),
        ("story.txt:3", "contradicted"),
        ("story.txt:5", "contradicted"),
    ]
    assert (audited / "story.txt").as_uri() in page.links
    assert "https://example.org/w1" in page.links
    db_problems = rows(audited / "a.db", "SELECT count(*) FROM claims WHERE severity = 'error'")
    assert db_problems == [(len(findings),)]


def test_misdated_events_and_svg(audited: Path) -> None:
    page = parse(audited / "report.html")
    events = [(a["data-event"], cells[3:]) for a, cells in page.rows["event"]]
    assert events == [
        ("kelso-dam-collapse-2015", ["2", "0", "2"]),
        ("legion-mutiny-2023", ["0", "1", "2"]),
    ]
    assert page.tags["svg"] == 1
    assert page.tags["circle"] == 2  # 2017 (twice: one circle) and July 2020
    assert page.tags["rect"] == 2  # the two events' actual dates


def test_self_contained(audited: Path) -> None:
    text = (audited / "report.html").read_text(encoding="utf-8")
    page = parse(audited / "report.html")
    assert page.tags["script"] == 0 and page.tags["link"] == 0 and page.sources == []
    assert "<b>" not in text  # document text is escaped
    assert [cells[1] for _, cells in page.rows["error"]] == ["feed.jsonl:3: record has no text"]


def test_report_only_and_empty_database(audited: Path) -> None:
    result = CliRunner().invoke(cli, ["audit", "--db", "a.db", "--report", "again.html"])
    assert result.exit_code == 0
    assert (
        parse(audited / "again.html").rows["count"] == parse(audited / "report.html").rows["count"]
    )
    with AuditStore(str(audited / "empty.db")) as store:
        html = render_report(store)
    assert "No contradicted or conflated claim" in html
