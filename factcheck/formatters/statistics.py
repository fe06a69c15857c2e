"""`--statistics`: how many claims each rule decided, by verdict and severity, instead of
the findings (as ruff's `--statistics`). Text: a table, most frequent first; JSON (with
`--format json`): a list of `{"rule", "verdict", "severity", "count"}`."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from ..report import Report
from .base import OutputOptions


def statistics(report: Report) -> list[dict[str, object]]:
    counts: Counter[tuple[str, str, str]] = Counter(
        (c.finding.rule, c.verdict, c.severity) for f in report.files for c in f.claims
    )
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        {"rule": rule, "verdict": verdict, "severity": severity, "count": n}
        for (rule, verdict, severity), n in rows
    ]


def write_statistics(report: Report, stream: TextIO, fmt: str, options: OutputOptions) -> None:
    rows = statistics(report)
    if fmt == "json":
        json.dump(rows, stream, indent=2)
        stream.write("\n")
        return
    if not rows:
        stream.write("no claims\n")
    width = max((len(str(r["rule"])) for r in rows), default=4)
    for r in rows:
        stream.write(
            f"{r['count']:>6}  {str(r['rule']):<{width}}  {r['verdict']} ({r['severity']})\n"
        )
    if not options.quiet:
        s = report.summary()
        checked = s["files"] - s["errors"]
        stream.write(
            f"{sum(int(str(r['count'])) for r in rows)} claims in {checked} "
            f"file{'s' if checked != 1 else ''}"
            + (f", {s['errors']} unreadable" if s["errors"] else "")
            + "\n"
        )
