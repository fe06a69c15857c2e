"""`--format json`: the whole report as one JSON document (CONTRACTS §4)."""

from __future__ import annotations

import json
from collections.abc import Callable
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
    all at once (the whole text in memory). The standard encoder writes indented JSON
    in pure Python, a generator per value; `_encode` builds the same text with the
    standard library's C string escaper, several times faster on a report of a hundred
    thousand time expressions."""
    pieces: list[str] = []

    def flush() -> None:
        stream.write("".join(pieces))
        pieces.clear()

    _encode(obj, "\n", pieces, flush)
    flush()


_escape = json.encoder.encode_basestring  # the C escaper when available, as json.dumps uses
_FLUSH_AT = 4096


def _encode(o: Any, newline: str, out: list[str], flush: Callable[[], None]) -> None:
    """Append `o` as indent-2 JSON (json.dumps' exact text); `newline` is a line break
    and the current indentation."""
    if isinstance(o, str):
        out.append(_escape(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif isinstance(o, int):
        out.append(int.__repr__(o))
    elif isinstance(o, float):
        out.append(_float(o))
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = newline + "  "
        first = True
        for key, value in o.items():
            out.append(("{" if first else ",") + inner + _escape(_key(key)) + ": ")
            first = False
            _encode(value, inner, out, flush)
        out.append(newline + "}")
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        inner = newline + "  "
        first = True
        for value in o:
            out.append(("[" if first else ",") + inner)
            first = False
            _encode(value, inner, out, flush)
            if len(out) >= _FLUSH_AT:
                flush()
        out.append(newline + "]")
    else:
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """A dict key as json.dumps writes it."""
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _float(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)
