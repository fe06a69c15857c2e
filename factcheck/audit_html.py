"""The HTML report of an audit database: one self-contained page an editor can act on.

A header (the run's date, the timeline's title, events and hash, the options, the tool
version), the counts by verdict, the most misdated events, an inline SVG timeline of
the dates claimed against the timeline's dates (with a legend), and the findings
grouped by document or by event: each with its place (`path:line`, linked relative to
the report's own location, or to the record's URL), verdict, rule, event, the sentence,
the suggested correction and the timeline's sources. A few lines of inline JavaScript
filter the findings by verdict, event and rule, switch the grouping and sort the
groups; the filters live in the address's `#fragment` (`#verdict=conflated&rule=…`), so
a filtered view can be shared. Nothing is loaded from elsewhere: no external script,
style, font or image, and a Content-Security-Policy says so to the browser.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import __version__
from .audit import AuditStore
from .errors import FactcheckError
from .report import VERDICTS
from .timeline import parse_date

MISDATED = ("contradicted", "conflated")
TOP_EVENTS = 20
SVG_EVENTS = 15
MAX_FINDINGS = 2000
MAX_ERRORS = 200

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;
border-bottom:1px solid #eee;vertical-align:top}th{background:#f6f6f6}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.supported{color:#1a7f37}.contradicted,.conflated{color:#c62828;font-weight:600}
.unverifiable{color:#666}.note{color:#666}code{font-size:.95em}
svg text{font:11px system-ui,sans-serif;fill:#333}
dl.run{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{color:#666}dd{margin:0}
details.group{margin:.6em 0}summary{cursor:pointer;font-weight:600}summary .n{color:#666}
form.filters{display:flex;flex-wrap:wrap;gap:.5em 1em;margin:.5em 0}output{color:#666}
p.sentence{margin:0;font-style:italic}p.message{margin:.2em 0;color:#444}
ul.sources{margin:.2em 0;padding-left:1.2em;font-size:.9em}.legend svg{vertical-align:middle}
"""


@dataclass(frozen=True)
class Totals:
    documents: int
    errors: int
    verdicts: dict[str, int]


def totals(store: AuditStore) -> Totals:
    db = store.db
    documents, errors = db.execute(
        "SELECT count(*), coalesce(sum(status = 'error'), 0) FROM files WHERE status != 'gone'"
    ).fetchone()
    counts = dict(db.execute("SELECT verdict, count(*) FROM claims GROUP BY verdict").fetchall())
    return Totals(documents, errors, {v: counts.get(v, 0) for v in VERDICTS})


def misdated_events(store: AuditStore, limit: int = TOP_EVENTS) -> list[dict[str, Any]]:
    """Events with the most contradicted or conflated claims, most first."""
    rows = store.db.execute(
        """SELECT event_id, max(event_title), max(event_date), max(event_end),
                  sum(verdict = 'contradicted'), sum(verdict = 'conflated'), count(*)
           FROM claims WHERE event_id IS NOT NULL GROUP BY event_id
           HAVING sum(verdict IN ('contradicted', 'conflated')) > 0
           ORDER BY sum(verdict IN ('contradicted', 'conflated')) DESC, event_id
           LIMIT ?""",
        (limit,),
    )
    keys = ("id", "title", "date", "end", "contradicted", "conflated", "claims")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _claimed_dates(store: AuditStore, event_id: str) -> list[tuple[date, date, str, int]]:
    """The distinct misdated intervals claimed for an event: (start, end, text, count)."""
    rows = store.db.execute(
        """SELECT time_start, coalesce(time_end, time_start), min(time_text), count(*)
           FROM claims WHERE event_id = ? AND verdict IN ('contradicted', 'conflated')
           AND time_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""",
        (event_id,),
    )
    return [(date.fromisoformat(s), date.fromisoformat(e), t, n) for s, e, t, n in rows]


# --------------------------------------------------------------------------- SVG


@dataclass(frozen=True)
class _Row:
    event: dict[str, Any]
    actual: tuple[date, date]
    claimed: list[tuple[date, date, str, int]]


def _actual(event: dict[str, Any]) -> tuple[date, date] | None:
    start = parse_date(str(event["date"])) if event["date"] else None
    if start is None:
        return None
    end = parse_date(str(event["end"])) if event["end"] else None
    return start.start, (end or start).end


def svg_timeline(store: AuditStore, events: list[dict[str, Any]]) -> str:
    """Per event, the timeline's interval (a green bar) and the dates claimed (red dots)."""
    rows = []
    for event in events[:SVG_EVENTS]:
        actual = _actual(event)
        claimed = _claimed_dates(store, event["id"])
        if actual and claimed:
            rows.append(_Row(event, actual, claimed))
    if not rows:
        return '<p class="note">No misdated claim with a calendar date to draw.</p>'
    days = [d for r in rows for d in (*r.actual, *(x for c in r.claimed for x in c[:2]))]
    return _draw(rows, min(days).year, max(days).year + 1)


def _draw(rows: list[_Row], first: int, last: int) -> str:
    left, width, row_h, top = 230, 880, 30, 30
    span = max((date(last, 1, 1) - date(first, 1, 1)).days, 1)

    def x(d: date) -> float:
        return left + (width - left - 20) * (d - date(first, 1, 1)).days / span

    height = top + row_h * len(rows) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="Claimed versus actual dates">'
    ]
    step = max(1, (last - first) // 12)
    for year in range(first, last + 1, step):
        px = x(date(year, 1, 1))
        parts.append(
            f'<line x1="{px:.1f}" y1="{top - 8}" x2="{px:.1f}" y2="{height}" stroke="#eee"/>'
            f'<text x="{px:.1f}" y="{top - 12}" text-anchor="middle">{year}</text>'
        )
    for i, row in enumerate(rows):
        parts.append(_draw_row(row, top + i * row_h + row_h // 2, x, left))
    parts.append("</svg>")
    return "".join(parts)


def _draw_row(row: _Row, y: int, x: Any, left: int) -> str:
    e = html.escape
    a0, a1 = x(row.actual[0]), x(row.actual[1])
    label = row.event["id"] if len(row.event["id"]) <= 32 else row.event["id"][:31] + "…"
    out = [
        f'<g class="event" data-event="{e(row.event["id"])}">'
        f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{e(label)}</text>'
        f'<rect class="actual" x="{a0:.1f}" y="{y - 5}" width="{max(a1 - a0, 3):.1f}" '
        f'height="10" fill="#1a7f37"><title>{e(row.event["title"] or "")}: '
        f"{e(str(row.event['date']))}"
        f"{' to ' + e(str(row.event['end'])) if row.event['end'] else ''}</title></rect>"
    ]
    for start, end, text, n in row.claimed:
        c0, c1 = x(start), x(end)
        mid = (c0 + c1) / 2
        near = min(max(mid, a0), a1)
        out.append(
            f'<line x1="{near:.1f}" y1="{y}" x2="{mid:.1f}" y2="{y}" stroke="#c62828" '
            'stroke-dasharray="3,3"/>'
            f'<circle class="claimed" cx="{mid:.1f}" cy="{y}" r="{min(4 + n, 9)}" '
            f'fill="#c62828" fill-opacity="0.7"><title>claimed "{e(text)}" '
            f"({start.isoformat()}{'' if end == start else ' to ' + end.isoformat()}), "
            f"{n} claim{'s' if n != 1 else ''}</title></circle>"
        )
    out.append("</g>")
    return "".join(out)


# --------------------------------------------------------------------------- tables


def _href(file: dict[str, Any] | None, base: Path | None) -> str | None:
    """Where `path:line` links: the file, relative to the report's folder (so that the
    report can be moved or shared with the files), or a record's http(s) URL."""
    location = (file or {}).get("location")
    if not location:
        return None
    if (file or {}).get("kind") == "file":
        if base is None:
            return Path(location).as_uri()
        try:
            rel = os.path.relpath(location, base)
        except ValueError:  # another drive (Windows)
            return Path(location).as_uri()
        return quote(rel.replace(os.sep, "/"))
    if location.startswith(("http://", "https://")):
        return location
    return None


def _link(file: dict[str, Any] | None, path: str, line: int | None, base: Path | None) -> str:
    """`path:line`, linked to the file or the record's URL when known."""
    text = html.escape(f"{path}:{line}" if line else path)
    href = _href(file, base)
    return f'<a href="{html.escape(href)}">{text}</a>' if href else text


def _files_by_path(store: AuditStore, paths: set[str]) -> dict[str, dict[str, Any]]:
    """The kind and location of the given documents."""
    out = {}
    for path in paths:
        row = store.db.execute("SELECT kind, location FROM files WHERE path = ?", (path,))
        found = row.fetchone()
        if found:
            out[path] = {"kind": found[0], "location": found[1]}
    return out


def _problems(store: AuditStore, limit: int) -> tuple[list[dict[str, Any]], int]:
    where = "WHERE severity IN ('error', 'warning')"
    total = store.db.execute(f"SELECT count(*) FROM claims {where}").fetchone()[0]
    rows = []
    for n, claim in enumerate(store.claims(where)):
        if n >= limit:
            break
        rows.append(claim)
    return rows, total


def _sources(claim: dict[str, Any], events: dict[str, Any]) -> str:
    """The timeline's sources for the claim: its event's, then the evidence's."""
    e = html.escape
    ids = [claim["event_id"]] if claim["event_id"] else []
    with contextlib.suppress(TypeError, ValueError):
        ids += [i for i in json.loads(claim["evidence"] or "[]") if i not in ids]
    items = []
    for event_id in ids:
        for source in (events.get(event_id) or {}).get("sources", []):
            if source.startswith(("http://", "https://")):
                items.append(
                    f'<li><a href="{e(source)}" rel="noreferrer">{e(_short(source))}</a></li>'
                )
            else:
                items.append(f"<li>{e(source)}</li>")
    return f'<ul class="sources">{"".join(dict.fromkeys(items))}</ul>' if items else ""


def _short(url: str, limit: int = 60) -> str:
    from .formatters.text import short_source

    return short_source(url, limit)


def _finding_row(
    r: dict[str, Any], files: dict[str, Any], events: dict[str, Any], base: Path | None, cls: str
) -> str:
    e = html.escape
    event = r["event_id"] or ""
    return (
        f'<tr class="{cls}" data-verdict="{e(r["verdict"])}" data-event="{e(event)}" '
        f'data-rule="{e(r["rule"])}" data-path="{e(r["path"])}" data-line="{r["line"]}">'
        f"<td>{_link(files.get(r['path']), r['path'], r['line'], base)}</td>"
        f'<td class="{e(r["verdict"])}">{e(r["verdict"])}</td>'
        f"<td><code>{e(r['rule'])}</code></td>"
        f"<td>{e(event)}</td><td>{e(r['time_text'])}</td>"
        f"<td>{_suggestion(r)}</td>"
        f'<td><p class="sentence">{e(r["sentence"])}</p><p class="message">{e(r["message"])}</p>'
        f"{_sources(r, events)}</td></tr>"
    )


def _suggestion(r: dict[str, Any]) -> str:
    """The suggestion, in the article's own wording first where there is one."""
    e = html.escape
    suggestion = r["suggestion"] or ""
    words = None
    if suggestion and r["verdict"] in MISDATED and r["rule"] in ("wrong-date", "conflation"):
        start = parse_date(str(r["event_date"] or ""))
        end = parse_date(str(r["event_end"])) if r["event_end"] else None
        if start is not None:
            from .phrasing import rewrite
            from .timeline import Event

            event = Event(r["event_id"] or "", r["event_title"] or "", start, end)
            words = rewrite(r["time_text"], event)
    if words and words != suggestion:
        return f'{e(words)} <span class="note">({e(suggestion)})</span>'
    return e(suggestion)


_HEAD = (
    "<thead><tr><th>where</th><th>verdict</th><th>rule</th><th>event</th>"
    "<th>the text says</th><th>the timeline says</th><th>sentence, message and sources</th>"
    "</tr></thead>"
)


def findings_table(
    store: AuditStore,
    limit: int = MAX_FINDINGS,
    base: Path | None = None,
    events: dict[str, Any] | None = None,
) -> tuple[str, int]:
    """The problems (severity error or warning) grouped by document and, in a second
    view, by event; and how many there are."""
    rows, total = _problems(store, limit)
    files = _files_by_path(store, {r["path"] for r in rows})
    events = events or {}
    e = html.escape
    by_doc: dict[str, list[dict[str, Any]]] = {}
    by_event: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_doc.setdefault(r["path"], []).append(r)
        by_event.setdefault(r["event_id"] or "", []).append(r)
    docs = "".join(
        f'<details open class="group" data-key="{e(path)}" data-count="{len(group)}">'
        f"<summary>{_link(files.get(path), path, None, base)} "
        f'<span class="n">{len(group)}</span></summary>'
        f'<table class="findings">{_HEAD}<tbody>'
        + "".join(_finding_row(r, files, events, base, "finding") for r in group)
        + "</tbody></table></details>"
        for path, group in by_doc.items()
    )

    def event_title(event_id: str) -> str:
        info = events.get(event_id) or {}
        title = info.get("title") or (
            group_rows[0]["event_title"] if (group_rows := by_event[event_id]) else ""
        )
        when = info.get("when") or ""
        return f"<code>{e(event_id or 'no event')}</code> {e(title or '')} {e(when)}"

    by_events = "".join(
        f'<details open class="group" data-key="{e(event_id)}" data-count="{len(group)}">'
        f'<summary>{event_title(event_id)} <span class="n">{len(group)}</span></summary>'
        f'<table class="findings">{_HEAD}<tbody>'
        + "".join(_finding_row(r, files, events, base, "finding-by-event") for r in group)
        + "</tbody></table></details>"
        for event_id, group in sorted(by_event.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )
    html_out = (
        f'<div id="by-document" class="view">{docs}</div>'
        f'<div id="by-event" class="view" hidden>{by_events}</div>'
    )
    return html_out, total


def filters(store: AuditStore) -> str:
    """The filter and sort controls (they work with the inline script)."""
    e = html.escape

    def options(column: str) -> str:
        values = [
            r[0]
            for r in store.db.execute(
                f"SELECT DISTINCT {column} FROM claims WHERE severity IN ('error', 'warning') "
                f"AND {column} IS NOT NULL ORDER BY 1"
            )
        ]
        return '<option value="">all</option>' + "".join(
            f'<option value="{e(v)}">{e(v)}</option>' for v in values
        )

    return (
        '<form id="filters" class="filters">'
        '<label>verdict <select id="f-verdict" name="verdict">'
        f"{options('verdict')}</select></label>"
        f'<label>event <select id="f-event" name="event">{options("event_id")}</select></label>'
        f'<label>rule <select id="f-rule" name="rule">{options("rule")}</select></label>'
        '<label>group by <select id="f-group" name="group"><option value="document">document'
        '</option><option value="event">event</option></select></label>'
        '<label>sort <select id="f-sort" name="sort"><option value="name">by name</option>'
        '<option value="count">most findings first</option></select></label>'
        '<output id="shown"></output></form>'
    )


SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  var names = ["verdict", "event", "rule", "group", "sort"];
  function state() {
    var s = {};
    names.forEach(function (n) { s[n] = form.elements[n].value; });
    return s;
  }
  function fromHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    names.forEach(function (n) {
      var v = params.get(n), el = form.elements[n];
      var known = Array.prototype.some.call(el.options, function (o) { return o.value === v; });
      if (v !== null && known) el.value = v;
    });
  }
  function apply() {
    var s = state(), shown = 0;
    document.getElementById("by-document").hidden = s.group !== "document";
    document.getElementById("by-event").hidden = s.group !== "event";
    var view = document.getElementById(s.group === "event" ? "by-event" : "by-document");
    view.querySelectorAll("details.group").forEach(function (g) {
      var visible = 0;
      g.querySelectorAll("tbody tr").forEach(function (tr) {
        var ok = (!s.verdict || tr.dataset.verdict === s.verdict) &&
                 (!s.event || tr.dataset.event === s.event) &&
                 (!s.rule || tr.dataset.rule === s.rule);
        tr.hidden = !ok;
        if (ok) visible++;
      });
      g.hidden = visible === 0;
      g.dataset.visible = visible;
      shown += visible;
    });
    var groups = Array.prototype.slice.call(view.querySelectorAll("details.group"));
    groups.sort(function (a, b) {
      if (s.sort === "count") {
        var d = Number(b.dataset.visible) - Number(a.dataset.visible);
        if (d) return d;
      }
      return a.dataset.key < b.dataset.key ? -1 : a.dataset.key > b.dataset.key ? 1 : 0;
    });
    groups.forEach(function (g) { view.appendChild(g); });
    document.getElementById("shown").textContent = shown + " shown";
    document.body.dataset.shown = shown;
    var params = new URLSearchParams();
    names.forEach(function (n) { if (s[n] && !(n === "group" && s[n] === "document") &&
      !(n === "sort" && s[n] === "name")) params.set(n, s[n]); });
    var hash = params.toString();
    if (hash !== location.hash.slice(1)) history.replaceState(null, "", hash ? "#" + hash : " ");
  }
  form.addEventListener("change", apply);
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  fromHash();
  apply();
  document.body.dataset.resources = String(performance.getEntriesByType("resource").length);
  document.body.dataset.ready = "1";
})();
"""

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def events_table(events: list[dict[str, Any]]) -> str:
    e = html.escape
    rows = "".join(
        f'<tr class="event" data-event="{e(ev["id"])}"><td><code>{e(ev["id"])}</code></td>'
        f"<td>{e(ev['title'] or '')}</td><td>{e(str(ev['date']))}"
        f"{' to ' + e(str(ev['end'])) if ev['end'] else ''}</td>"
        f'<td class="n">{ev["contradicted"]}</td><td class="n">{ev["conflated"]}</td>'
        f'<td class="n">{ev["claims"]}</td></tr>'
        for ev in events
    )
    return (
        '<table id="events"><thead><tr><th>event</th><th>title</th><th>date</th>'
        "<th>contradicted</th><th>conflated</th><th>claims</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def counts_table(t: Totals) -> str:
    rows = [
        f'<tr class="count" data-key="documents"><td>documents</td><td class="n">{t.documents}</td>'
        "</tr>",
        f'<tr class="count" data-key="errors"><td>documents with errors</td>'
        f'<td class="n">{t.errors}</td></tr>',
    ]
    rows += [
        f'<tr class="count" data-key="{v}"><td class="{v}">{v}</td>'
        f'<td class="n">{t.verdicts[v]}</td></tr>'
        for v in VERDICTS
    ]
    return f'<table id="counts"><tbody>{"".join(rows)}</tbody></table>'


def errors_table(store: AuditStore, limit: int = MAX_ERRORS) -> str:
    rows = store.db.execute(
        "SELECT path, error FROM files WHERE status = 'error' ORDER BY path LIMIT ?", (limit,)
    ).fetchall()
    if not rows:
        return '<p class="note">None.</p>'
    body = "".join(
        f'<tr class="error"><td>{html.escape(p)}</td><td>{html.escape(err or "")}</td></tr>'
        for p, err in rows
    )
    return f'<table id="errors"><tbody>{body}</tbody></table>'


def header(store: AuditStore, meta: dict[str, Any]) -> str:
    """The run: its date, the timeline, the options and the tool version."""
    e = html.escape
    run_at = (
        meta.get("run_at") or store.db.execute("SELECT max(checked_at) FROM files").fetchone()[0]
    )
    timeline = meta.get("timeline") or {}
    sha = timeline.get("sha256") or (
        store.db.execute("SELECT max(timeline_sha256) FROM files").fetchone()[0] or ""
    )
    version = meta.get("tool_version") or (
        store.db.execute("SELECT max(tool_version) FROM files").fetchone()[0] or __version__
    )
    described = e(timeline.get("title") or "untitled")
    if timeline.get("events") is not None:
        described += f", {timeline['events']} events"
    options = meta.get("options") or {}
    shown_options = ", ".join(
        f"{e(k)}: {e(str(v))}" for k, v in options.items() if v not in (None, [], "")
    )
    items = [
        ("run", e(str(run_at).replace("+00:00", "")) + " UTC" if run_at else "unknown"),
        ("timeline", f'{described} <code title="sha256">{e(sha[:12])}</code>'),
        ("options", shown_options or "defaults"),
        ("factcheck", e(version)),
        ("database", f"<code>{e(store.path)}</code>"),
    ]
    body = "".join(f'<dt>{k}</dt><dd id="run-{k}">{v}</dd>' for k, v in items)
    return f'<dl id="run" class="run">{body}</dl>'


LEGEND = (
    '<p class="legend" id="legend">'
    '<svg width="24" height="10" aria-hidden="true"><rect width="24" height="10" '
    'fill="#1a7f37"/></svg> the event\'s dates in the timeline '
    '<svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" '
    'fill="#c62828" fill-opacity="0.7"/></svg> a date the texts claim for it (the larger, '
    "the more claims) "
    '<svg width="24" height="6" aria-hidden="true"><line x1="0" y1="3" x2="24" y2="3" '
    'stroke="#c62828" stroke-dasharray="3,3"/></svg> how far it is off</p>'
)


# --------------------------------------------------------------------------- the page


def render_report(
    store: AuditStore, title: str = "factcheck audit", report_dir: Path | None = None
) -> str:
    """The whole page; links to files are relative to `report_dir` (absolute without)."""
    t = totals(store)
    meta = store.meta()
    events = misdated_events(store)
    findings, n_findings = findings_table(store, base=report_dir, events=meta.get("events") or {})
    more = (
        f'<p class="note">Showing the first {MAX_FINDINGS} of {n_findings} findings; '
        "export the database for all of them.</p>"
        if n_findings > MAX_FINDINGS
        else ""
    )
    e = html.escape
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="factcheck {e(__version__)}">
<title>{e(title)}</title><style>{STYLE}</style></head>
<body>
<h1>{e(title)}</h1>
{header(store, meta)}
<h2>Counts</h2>
{counts_table(t)}
<h2>Most misdated events</h2>
{events_table(events) if events else '<p class="note">No contradicted or conflated claim.</p>'}
<h2>Claimed versus actual dates</h2>
{LEGEND}
{svg_timeline(store, events)}
<h2>Findings ({n_findings})</h2>
{filters(store) if n_findings else ""}
{findings if n_findings else '<p class="note">No findings.</p>'}
{more}
<h2>Documents that could not be checked ({t.errors})</h2>
{errors_table(store)}
<script>{SCRIPT}</script>
</body></html>
"""


def write_report(store: AuditStore, path: str) -> None:
    """Write the page to `path`, its links relative to the folder it is written to."""
    target = Path(path)
    try:
        target.write_text(
            render_report(store, report_dir=target.resolve().parent), encoding="utf-8"
        )
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot write ({exc.strerror or exc})") from None
