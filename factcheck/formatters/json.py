"""`--format json`: the whole report as one JSON document (CONTRACTS §4)."""

from __future__ import annotations

import json
from typing import TextIO

from ..report import Report
from .base import Formatter


class JsonFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        # one write, not one per token: the same bytes, a fraction of the time on a big report
        stream.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
