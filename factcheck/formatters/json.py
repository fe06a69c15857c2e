"""`--format json`: the whole report as one JSON document (CONTRACTS §4)."""

from __future__ import annotations

import json
from typing import TextIO

from ..report import Report
from .base import Formatter


class JsonFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        json.dump(report.to_dict(), stream, indent=2, ensure_ascii=False)
        stream.write("\n")
