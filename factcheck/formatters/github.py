"""`--format github`: workflow commands that GitHub Actions shows as annotations.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` for errors,
`::warning` and `::notice` for lower ones. GitHub shows at most 10 annotations of
each level per step, so the rest are counted in one notice; with
`$GITHUB_STEP_SUMMARY` set, a Markdown summary of every finding is appended to it.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TextIO

from ..report import CheckedClaim, Report
from .base import Formatter, shown

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
MAX_PER_LEVEL = 10


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        emitted: Counter[str] = Counter()
        skipped = 0
        for file in report.files:
            if file.error:
                stream.write(
                    f"::error file={escape_property(file.path)},"
                    f"title={escape_property('factcheck: unreadable')}::{escape_data(file.error)}\n"
                )
            for warning in file.warnings:
                stream.write(
                    f"::warning file={escape_property(file.path)},"
                    f"title={escape_property('factcheck: input')}::{escape_data(warning)}\n"
                )
            for claim in shown(file.claims, self.options.show):
                level = COMMANDS[claim.severity]
                if emitted[level] >= MAX_PER_LEVEL:
                    skipped += 1
                    continue
                emitted[level] += 1
                stream.write(self.annotation(file.path, claim) + "\n")
        if skipped:
            stream.write(
                f"::notice title=factcheck::{skipped} more findings not annotated "
                "(GitHub shows 10 per level); see the job summary\n"
            )
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(markdown_summary(report, self.options.show))

    @staticmethod
    def annotation(path: str, claim: CheckedClaim) -> str:
        f = claim.finding
        props = {
            "file": path,
            "line": claim.line,
            "col": claim.column,
            "endLine": claim.end_line,
            "endColumn": claim.end_column,
            "title": f"factcheck: {f.verdict} ({f.rule})",
        }
        message = claim.message
        if f.evidence:
            message += "\nSources: " + "; ".join(s for e in f.evidence for s in e.sources[:2])
        head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
        return f"::{COMMANDS[claim.severity]} {head}::{escape_data(message)}"


def markdown_summary(report: Report, show: str) -> str:
    s = report.summary()
    checked = s["files"] - s["errors"]
    lines = [
        "## factcheck",
        "",
        f"{checked} file{'s' if checked != 1 else ''} checked: "
        f"**{s['conflated']} conflated**, "
        f"**{s['contradicted']} contradicted**, {s['supported']} supported, "
        f"{s['unverifiable']} unverifiable"
        + (f", {s['errors']} unreadable" if s["errors"] else ""),
        "",
    ]
    rows = [(file.path, c) for file in report.files for c in shown(file.claims, show)]
    if rows:
        lines += ["| where | verdict | text | message |", "|---|---|---|---|"]
        for path, c in rows:
            lines.append(
                f"| `{path}:{c.line}:{c.column}` | {c.verdict} | "
                f"{_cell(c.time_text)} | {_cell(c.message)} |"
            )
    errors = [f for f in report.files if f.error]
    if errors:
        lines += ["", "Unreadable files:", ""] + [
            f"- `{f.path}`: {_cell(f.error or '')}" for f in errors
        ]
    return "\n".join(lines) + "\n\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
