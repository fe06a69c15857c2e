"""`factcheck dates`: the temporal tagger's findings per file (CONTRACTS §4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import sources
from .errors import InputError
from .formatters.json import dump
from .markup import detect_format, extract
from .reference import find_reference_date
from .report import LineIndex
from .timex import TimeExpr, find_times


@dataclass
class DatesReport:
    """The time expressions of one file, with their positions."""

    path: str
    reference_date: date | None = None
    reference_source: str | None = None
    times: list[tuple[TimeExpr, int, int]] = field(default_factory=list)  # expr, line, column
    error: str | None = None

    @classmethod
    def of_text(
        cls, text: str, reference_date: date | None, path: str, input_format: str = "auto"
    ) -> DatesReport:
        source = "given" if reference_date else None
        if reference_date is None and (found := find_reference_date(text)):
            reference_date, source = found
        lines = LineIndex(text)
        report = cls(path, reference_date, source)
        fmt = detect_format(path) if input_format == "auto" else input_format
        # TIMEX3 tags the two ends of a range ("from 2014 to 2016") separately
        for expr in find_times(extract(text, fmt).text, reference_date, merge_ranges=False):
            line, col = lines.position(expr.start_char)
            report.times.append((expr, line, col))
        return report

    @classmethod
    def collect(
        cls, paths: Iterable[str], reference_date: date | None, input_format: str = "auto"
    ) -> list[DatesReport]:
        out = []
        for target in sources.iter_targets(paths):
            if target.error:
                out.append(cls(target.path, error=target.error))
                continue
            try:
                doc = sources.read_document(target.path)
            except InputError as exc:
                out.append(cls(target.path, error=str(exc)))
                continue
            out.append(cls.of_text(doc.text, reference_date, target.path, input_format))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "reference_source": self.reference_source,
            "error": self.error,
            "times": [
                {
                    "text": t.text,
                    "start_char": t.start_char,
                    "end_char": t.end_char,
                    "line": line,
                    "column": col,
                    "type": t.type,
                    "value": t.value,
                    "start": t.start.isoformat() if t.start else None,
                    "end": t.end.isoformat() if t.end else None,
                    "rule": t.rule,
                    "norm": t.norm,
                }
                for t, line, col in self.times
            ],
        }


def write_dates(
    reports: list[DatesReport],
    stream: TextIO,
    fmt: str,
    color: bool | None = None,
    explain: bool = False,
) -> None:
    """Write the reports as JSON or as one table per file; ``explain`` adds the rule that
    found each expression and the one that normalised it (always in JSON)."""
    if fmt == "json":
        dump({"files": [r.to_dict() for r in reports]}, stream)
        stream.write("\n")
        return
    console = Console(
        file=stream,
        no_color=True if color is False else None,
        force_terminal=True if color else None,
        highlight=False,
    )
    for r in reports:
        if r.error:
            console.print(
                f"[bold]{escape(r.path)}[/]: [red]error:[/] {escape(r.error)}", markup=True
            )
            continue
        ref = (
            f" (reference date {r.reference_date}, {r.reference_source})"
            if r.reference_date
            else ""
        )
        columns = ["line:col", "text", "type", "value", "interval"]
        columns += ["rule", "norm"] if explain else []
        rows = [
            [
                f"{line}:{col}",
                t.text,
                t.type,
                t.value,
                # an open end ("until March", "since 2014" unresolved) shows as …
                f"{t.start or '…'} .. {t.end or '…'}" if t.start or t.end else "",
                *([t.rule, t.norm] if explain else []),
            ]
            for t, line, col in r.times
        ]
        if len(rows) > TABLE_ROWS:  # a drawn table of that size is slow and unreadable
            _write_columns(stream, f"{r.path}{ref}", columns, rows)
            continue
        table = Table(title=Text(f"{r.path}{ref}"), title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(row[0], Text(row[1]), *row[2:])
        console.print(table)


TABLE_ROWS = 2_000  # more time expressions in a file: plain columns, not a drawn table
COLUMN_WIDTH = 40  # at most, in plain columns (longer cells run over)


def _write_columns(stream: TextIO, title: str, columns: list[str], rows: list[list[str]]) -> None:
    """The table as plain text columns, one line per row, written as it goes: a file with
    a hundred thousand time expressions is listed in seconds."""
    widths = [len(c) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = min(COLUMN_WIDTH, max(widths[i], len(cell)))
    stream.write(f"{title}: {len(rows):,} time expressions\n")

    def line(cells: list[str]) -> str:
        text = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        return text.rstrip().replace("\n", " ") + "\n"

    stream.write(line(columns))
    batch: list[str] = []
    for row in rows:
        batch.append(line(row))
        if len(batch) >= 4096:
            stream.write("".join(batch))
            batch.clear()
    stream.write("".join(batch))
