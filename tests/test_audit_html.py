"""`factcheck audit --report`: the HTML page, parsed back with html.parser."""

from __future__ import annotations

import re
import shutil
import subprocess
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
    assert result.exit_code == 2, result.output  # w3 has no text
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
    assert "story.txt" in page.links  # relative to the report's folder (issue 13)
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
    assert page.tags["svg"] == 1 + 3  # the timeline, and the legend's three marks
    assert page.tags["circle"] == 2 + 1  # 2017 (twice: one circle) and July 2020; legend
    assert page.tags["rect"] == 2 + 1  # the two events' actual dates; legend


def test_self_contained(audited: Path) -> None:
    text = (audited / "report.html").read_text(encoding="utf-8")
    page = parse(audited / "report.html")
    # one inline script (the filters), nothing with a src, no stylesheet links
    assert page.tags["script"] == 1 and page.tags["link"] == 0 and page.sources == []
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


# -- in a real browser (Debian's chromium; .ci/run installs it) -----------------------------

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)


def _browse(url: str) -> Page:
    """The page's DOM after its script ran, from headless chromium."""
    proc = subprocess.run(
        [
            CHROMIUM or "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = Page()
    page.feed(proc.stdout)
    page.close()
    page.dom = proc.stdout  # type: ignore[attr-defined]
    return page


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_filters_work_in_a_browser_and_nothing_loads_from_outside(audited: Path) -> None:
    (audited / "out").mkdir()
    result = CliRunner().invoke(cli, ["audit", "--db", "a.db", "--report", "out/r.html"])
    assert result.exit_code == 0, result.output
    url = (audited / "out" / "r.html").as_uri()
    everything = _browse(url)
    body = re.search(r"<body([^>]*)>", everything.dom).group(1)  # type: ignore[attr-defined]
    assert 'data-ready="1"' in body and 'data-resources="0"' in body
    assert 'data-shown="3"' in body
    assert "../story.txt" in everything.links  # relative to the report's folder
    contradicted = _browse(url + "#verdict=contradicted&group=event")
    dom = contradicted.dom  # type: ignore[attr-defined]
    assert 'data-shown="2"' in dom
    assert re.search(r'<div id="by-document" class="view" hidden', dom)
    rows = [
        (re.search(r'data-verdict="(\w+)"', tag).group(1), 'hidden=""' in tag)  # type: ignore[union-attr]
        for tag in re.findall(r'<tr class="finding-by-event"[^>]*>', dom)
    ]
    assert sorted(rows) == [("conflated", True), ("contradicted", False), ("contradicted", False)]
    by_rule = _browse(url + "#rule=conflation").dom  # type: ignore[attr-defined]
    assert 'data-shown="1"' in by_rule
    view = by_rule[by_rule.index('id="by-document"') : by_rule.index('id="by-event"')]
    groups = {
        re.search(r'data-key="([^"]+)"', tag).group(1): 'hidden=""' in tag  # type: ignore[union-attr]
        for tag in re.findall(r"<details[^>]*>", view)
    }
    assert groups == {"story.txt": True, "feed.jsonl#w1": False}


def test_header_groups_sentence_suggestion_sources_and_legend(audited: Path) -> None:
    text = (audited / "report.html").read_text(encoding="utf-8")
    page = parse(audited / "report.html")
    run = text[text.index('<dl id="run"') : text.index("</dl>")]
    for expected in ("UTC", "Synthetic timeline", "events", "min_score: 60.0", "0.1.0", "a.db"):
        assert expected in run, expected
    assert 'id="legend"' in text and "the event's dates in the timeline" in text
    assert text.count('class="group"') == 2 + 2  # two documents; two events
    (conflated,) = [cells for a, cells in page.rows["finding"] if a["data-verdict"] == "conflated"]
    where, verdict, rule, event, says, suggestion, detail = conflated
    assert (verdict, rule, event) == ("conflated", "conflation", "legion-mutiny-2023")
    assert suggestion == "June 2023 (2023-06-23 to 2023-06-24)"  # the article's wording first
    assert "Legion" in detail  # the sentence and the message
    assert "https://example.org/mutiny" in page.links  # the timeline's sources
    for row_class in ("finding", "finding-by-event"):
        assert len(page.rows[row_class]) == 3
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
