"""`--format json`: the whole report as one JSON document (CONTRACTS §4)."""

from __future__ import annotations

import json
from typing import TextIO

from ..report import Report
from .base import Formatter


class JsonFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        # json.dump's bytes, written a few thousand pieces at a time rather than one write
        # per token (slow on a big report) or all at once (the whole text in memory)
        encoder = json.JSONEncoder(indent=2, ensure_ascii=False)
        pieces: list[str] = []
        for piece in encoder.iterencode(report.to_dict()):
            pieces.append(piece)
            if len(pieces) >= 4096:
                stream.write("".join(pieces))
                pieces.clear()
        stream.write("".join(pieces) + "\n")
