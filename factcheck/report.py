"""Report data types and their JSON form (CONTRACTS §4)."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import __version__
from .markup import prose
from .rules import RULES
from .severity import SEVERITY_RANK
from .timeline import Event, Timeline

if TYPE_CHECKING:
    from .claims.extract import Skipped
    from .claims.verdicts import Finding

SCHEMA_VERSION = 1
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=256)
def _normalised(sentence: str) -> str:
    """A sentence's words, casefolded, single-spaced (its claims share it)."""
    return " ".join(_WORDS.findall(sentence.casefold()))


VERDICTS = ("supported", "contradicted", "conflated", "unverifiable")


_LINE_END = re.compile(r"\r\n?|\n")


class LineIndex:
    """Character offset -> 1-based (line, column), columns in characters. LF, CRLF and a
    lone CR each end a line, as editors count them."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        if "\r" not in text:
            pos = text.find("\n")
            while pos != -1:
                self.starts.append(pos + 1)
                pos = text.find("\n", pos + 1)
        else:
            self.starts.extend(m.end() for m in _LINE_END.finditer(text))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


@dataclass(frozen=True)
class CheckedClaim:
    """A finding placed in its file: the time expression's start and end positions."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive: the column just after the expression (as SARIF endColumn)
    head_at: tuple[int, int] | None = None  # line, column of the word the time attaches to

    @property
    def verdict(self) -> str:
        return self.finding.verdict

    @property
    def severity(self) -> str:
        return self.finding.severity

    @property
    def message(self) -> str:
        """The message as shown: no runs of blanks where markup was."""
        return prose(self.finding.message)[0]

    @property
    def sentence(self) -> str:
        """The sentence as shown: prose without the blanks masked markup leaves."""
        return prose(self.finding.claim.sentence)[0]

    @property
    def replacement(self) -> str | None:
        """The time expression rewritten to the timeline's date in the article's own
        wording ("June 2023" for "July 2020"), where it is a plain calendar date."""
        from .phrasing import replacement

        return replacement(self)

    @property
    def time_text(self) -> str:
        """The time expression as shown (see `sentence`)."""
        return prose(self.finding.claim.time.text)[0]

    def fingerprint(self) -> str:
        """Stable across edits elsewhere in the file: rule, normalised sentence, event, time."""
        c = self.finding.claim
        sentence = _normalised(c.sentence)
        key = "\x1f".join(
            (self.finding.rule, sentence, c.event.id if c.event else "", c.time.text.casefold())
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        f = self.finding
        c = f.claim
        t = c.time
        event = None
        if c.event is not None:
            event = {
                "id": c.event.id,
                "title": c.event.title,
                "date": c.event.date.value,
                "end": c.event.end.value if c.event.end else None,
                "score": round(c.score, 1),
            }
        time: dict[str, Any] = {
            "text": t.text,
            "value": t.value,
            "start": _iso(t.start),
            "end": _iso(t.end),
            "relation": t.relation,
        }
        if c.syntax is not None and self.head_at is not None:  # only where it was parsed
            line, column = self.head_at
            time["head"] = {"text": c.syntax.head, "line": line, "column": column}
            time["path"] = list(c.syntax.path)
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "sentence": self.sentence,
            "time": {**time, "text": self.time_text},
            "event": event,
            "verdict": f.verdict,
            "severity": f.severity,
            "rule": f.rule,
            "rule_id": f.rule_id,
            "trace": list(f.trace),
            "message": self.message,
            "suggestion": f.suggestion,
            "replacement": self.replacement,
            "evidence": [event_dict(e) for e in f.evidence],
            "quoted": c.quoted,
            "context": c.via,
        }


@dataclass(frozen=True)
class SkippedTime:
    """A time expression set aside (no claim) placed in its file, with the rule."""

    skipped: Skipped
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def rule_name(self) -> str:
        return RULES[self.skipped.rule].name

    def to_dict(self) -> dict[str, Any]:
        t = self.skipped.time
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "sentence": self.skipped.sentence,
            "time": {"text": t.text, "value": t.value, "type": t.type},
            "rule": self.rule_name,
            "rule_id": self.skipped.rule,
        }


def event_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date.value,
        "end": event.end.value if event.end else None,
        "sources": list(event.sources),
    }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass
class FileReport:
    """What was found in one file (or the error that stopped it)."""

    path: str
    claims: list[CheckedClaim] = field(default_factory=list)
    reference_date: date | None = None
    reference_source: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    skipped: list[SkippedTime] = field(default_factory=list)  # times set aside, with rules

    def summary(self) -> dict[str, int]:
        counts = Counter(c.verdict for c in self.claims)
        return {v: counts.get(v, 0) for v in VERDICTS}

    def worst(self) -> int:
        return max((SEVERITY_RANK[c.severity] for c in self.claims), default=-1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "reference_date": _iso(self.reference_date),
            "reference_source": self.reference_source,
            "error": self.error,
            "warnings": list(self.warnings),
            "claims": [c.to_dict() for c in self.claims],
            "skipped": [s.to_dict() for s in self.skipped],
            "summary": self.summary(),
        }


@dataclass
class Report:
    """A whole run: the timeline and every file's report."""

    timeline: Timeline
    files: list[FileReport] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        total = {"files": len(self.files), "errors": sum(1 for f in self.files if f.error)}
        for v in VERDICTS:
            total[v] = sum(f.summary()[v] for f in self.files)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "factcheck", "version": __version__},
            "timeline": {
                "paths": list(self.timeline.paths),
                "sha256": self.timeline.sha256,
                "events": len(self.timeline),
            },
            "files": [f.to_dict() for f in self.files],
            "summary": self.summary(),
        }
