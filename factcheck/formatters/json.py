"""`--format json`: the whole report as one JSON document (CONTRACTS §4)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..report import Report
from .base import Formatter


class JsonFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        dump(report.to_dict(), stream)
        stream.write("\n")


def dump(obj: Any, stream: TextIO) -> None:
    """`json.dump(obj, stream, indent=2, ensure_ascii=False)`'s bytes, written a few
    thousand pieces at a time rather than one write per token (slow on a big report) or
    all at once (the whole text in memory)."""
    pieces: list[str] = []
    for piece in json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(obj):
        pieces.append(piece)
        if len(pieces) >= 4096:
            stream.write("".join(pieces))
            pieces.clear()
    stream.write("".join(pieces))
