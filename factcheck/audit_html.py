"""The HTML report of an audit database: one self-contained page (no scripts, no assets).

It shows the counts by verdict, the most misdated events (most contradicted or
conflated claims), an inline SVG timeline of the dates claimed against the
timeline's dates for those events, the table of findings (each linked to its
`path:line`: a file:// link for files, the record's URL for archive records that
have one), and the documents that could not be checked.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

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
"""


@dataclass(frozen=True)
class Totals:
    documents: int
    errors: int
    verdicts: dict[str, int]


def totals(store: AuditStore) -> Totals:
    db = store.db
    documents, errors = db.execute(
        "SELECT count(*), coalesce(sum(status = 'error'), 0) FROM files"
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


def _link(file: dict[str, Any] | None, path: str, line: int | None) -> str:
    """`path:line`, linked to the file (file://) or the record's http(s) URL when known."""
    text = html.escape(f"{path}:{line}" if line else path)
    location = (file or {}).get("location")
    if not location:
        return text
    if (file or {}).get("kind") == "file":
        href = Path(location).as_uri()
    elif location.startswith(("http://", "https://")):
        href = location
    else:
        return text
    return f'<a href="{html.escape(href)}">{text}</a>'


def _files_by_path(store: AuditStore, paths: set[str]) -> dict[str, dict[str, Any]]:
    """The kind and location of the given documents."""
    out = {}
    for path in paths:
        row = store.db.execute("SELECT kind, location FROM files WHERE path = ?", (path,))
        found = row.fetchone()
        if found:
            out[path] = {"kind": found[0], "location": found[1]}
    return out


def findings_table(store: AuditStore, limit: int = MAX_FINDINGS) -> tuple[str, int]:
    """The problems (severity error or warning), by path and line; and how many there are."""
    where = "WHERE severity IN ('error', 'warning')"
    total = store.db.execute(f"SELECT count(*) FROM claims {where}").fetchone()[0]
    rows = []
    for n, claim in enumerate(store.claims(where)):
        if n >= limit:
            break
        rows.append(claim)
    files = _files_by_path(store, {r["path"] for r in rows})
    e = html.escape
    body = [
        f'<tr class="finding" data-verdict="{e(r["verdict"])}">'
        f"<td>{_link(files.get(r['path']), r['path'], r['line'])}</td>"
        f'<td class="{e(r["verdict"])}">{e(r["verdict"])}</td>'
        f"<td>{e(r['event_id'] or '')}</td><td>{e(r['time_text'])}</td>"
        f"<td>{e(r['suggestion'] or '')}</td><td>{e(r['message'])}</td></tr>"
        for r in rows
    ]
    head = (
        '<table id="findings"><thead><tr><th>where</th><th>verdict</th><th>event</th>'
        "<th>the text says</th><th>the timeline says</th><th>message</th></tr></thead><tbody>"
    )
    return head + "".join(body) + "</tbody></table>", total


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


# --------------------------------------------------------------------------- the page


def render_report(store: AuditStore, title: str = "factcheck audit") -> str:
    """The whole page."""
    t = totals(store)
    events = misdated_events(store)
    findings, n_findings = findings_table(store)
    more = (
        f'<p class="note">Showing the first {MAX_FINDINGS} of {n_findings} findings; '
        "export the database for all of them.</p>"
        if n_findings > MAX_FINDINGS
        else ""
    )
    e = html.escape
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="generator" content="factcheck {e(__version__)}">
<title>{e(title)}</title><style>{STYLE}</style></head>
<body>
<h1>{e(title)}</h1>
<p class="note">From <code>{e(store.path)}</code>.</p>
<h2>Counts</h2>
{counts_table(t)}
<h2>Most misdated events</h2>
{events_table(events) if events else '<p class="note">No contradicted or conflated claim.</p>'}
<h2>Claimed versus actual dates</h2>
<p class="note">Green: the event's dates in the timeline. Red: the dates the texts claim.</p>
{svg_timeline(store, events)}
<h2>Findings ({n_findings})</h2>
{findings}
{more}
<h2>Documents that could not be checked ({t.errors})</h2>
{errors_table(store)}
</body></html>
"""


def write_report(store: AuditStore, path: str) -> None:
    try:
        Path(path).write_text(render_report(store), encoding="utf-8")
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot write ({exc.strerror or exc})") from None
