"""`--format line` (`path:line:col: severity verdict: message`) and `--format jsonl`."""

from __future__ import annotations

import json
from typing import TextIO

from ..report import Report
from .base import Formatter, shown


class LineFormatter(Formatter):
    """One finding a line, for editors and reviewdog's errorformat (`%f:%l:%c: %m`)."""

    def write(self, report: Report, stream: TextIO) -> None:
        for file in report.files:
            if file.error:
                stream.write(f"{file.path}:1:1: error unreadable: {_one_line(file.error)}\n")
            for c in shown(file.claims, self.options.show):
                stream.write(
                    f"{file.path}:{c.line}:{c.column}: {c.severity} {c.verdict}: "
                    f"{_one_line(c.message)}\n"
                )


class JsonLinesFormatter(Formatter):
    """One JSON object a claim (all claims), plus one for each unreadable file and one for
    each warning (`{"path", "warning"}`)."""

    def write(self, report: Report, stream: TextIO) -> None:
        for file in report.files:
            if file.error:
                stream.write(
                    json.dumps({"path": file.path, "error": file.error}, ensure_ascii=False) + "\n"
                )
            for warning in file.warnings:
                record = {"path": file.path, "warning": warning}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            for c in file.claims:
                record = {"path": file.path, "reference_date": _iso(file), **c.to_dict()}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _iso(file: object) -> str | None:
    d = getattr(file, "reference_date", None)
    return d.isoformat() if d else None


def _one_line(text: str) -> str:
    return " ".join(text.split())
