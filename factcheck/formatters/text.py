"""`--format text`: what an editor reads in a terminal.

Per file, each finding: a coloured verdict badge, `line:col`, the message, the
sentence with the time expression highlighted, what the text says against what
the timeline says, and the sources; then one summary line. Colour follows the
stream (TTY), NO_COLOR / FORCE_COLOR, and `--no-color`.
"""

from __future__ import annotations

import os
from typing import TextIO
from urllib.parse import urlsplit

from rich.console import Console
from rich.text import Text

from ..markup import prose
from ..report import CheckedClaim, FileReport, Report, SkippedTime
from ..rules import RULES
from .base import Formatter

BADGES = {
    "contradicted": ("CONTRADICTED", "bold white on red"),
    "conflated": ("CONFLATED", "bold white on magenta"),
    "supported": ("SUPPORTED", "bold black on green"),
    "unverifiable": ("UNVERIFIABLE", "bold black on bright_black"),
}
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "green"}
MAX_SENTENCE = 240
SOURCE_LABEL = "      source: "


class TextFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        console = self._console(stream)
        for file in report.files:
            self._file(console, file)
        if not self.options.quiet:
            console.print(self._summary(report))

    def _console(self, stream: TextIO) -> Console:
        color = self.options.color
        if color is None and os.environ.get("NO_COLOR"):
            color = False  # no-color.org: no colour; we drop bold and reverse too
        tty = stream.isatty() if hasattr(stream, "isatty") else False
        return Console(
            file=stream,
            no_color=True if color is False else None,  # None: rich reads NO_COLOR
            force_terminal=True if color else None,
            color_system="auto" if color is not False else None,
            highlight=False,
            soft_wrap=not tty,
            width=self.options.width,
        )

    def _file(self, console: Console, file: FileReport) -> None:
        if file.error:
            console.print(
                Text.assemble(
                    (file.path, "bold"),
                    ": ",
                    ("error: ", "bold red"),
                    file.error.removeprefix(f"{file.path}: "),
                )
            )
            return
        every = self.options.show in ("all", "skipped")
        shown = [c for c in file.claims if every or c.severity != "info"]
        if self.options.quiet and not shown:
            return
        header = Text(file.path, style="bold underline")
        if file.reference_date:
            header.append(
                f"  (reference date {file.reference_date}, {file.reference_source})", style="dim"
            )
        console.print(header)
        for warning in () if self.options.quiet else file.warnings:
            console.print(Text("  warning: ", style="yellow") + Text(warning))
        skipped = file.skipped if self.options.show == "skipped" else []
        if not shown and not skipped:
            console.print(Text("  no problems found", style="green"))
        for claim in shown:
            self._claim(console, claim)
        for item in skipped:
            self._skipped(console, item)
        console.print()

    @staticmethod
    def _skipped(console: Console, item: SkippedTime) -> None:
        s = item.skipped
        head = Text("  ")
        head.append(f"{item.line}:{item.column}", style="bold")
        head.append(" ")
        head.append(" SKIPPED ", style="reverse")
        head.append(f" “{s.time.text}”: {RULES[s.rule].short}", style="dim")
        head.append(f"  [{s.rule} {item.rule_name}]", style="dim")
        console.print(head)
        console.print(
            Text("      ")
            + _sentence(
                s.sentence,
                s.time.start_char - s.sentence_start,
                s.time.end_char - s.sentence_start,
            )
        )

    def _claim(self, console: Console, claim: CheckedClaim) -> None:
        f = claim.finding
        c = f.claim
        label, style = BADGES[f.verdict]
        head = Text("  ")
        head.append(f"{claim.line}:{claim.column}", style="bold")
        head.append(" ")
        head.append(f" {label} ", style=style)
        head.append(" ")
        head.append(f"[{f.rule}]", style="dim")
        head.append(" ")
        head.append(claim.message, style=SEVERITY_STYLE[f.severity] if f.severity != "info" else "")
        if c.quoted:
            head.append(" (in a quotation)", style="dim")
        console.print(head)
        console.print(
            Text("      ")
            + _sentence(
                c.sentence, c.time.start_char - c.sentence_start, c.time.end_char - c.sentence_start
            )
        )
        says = Text("      text says: ", style="dim")
        says.append(claim.time_text, style="bold")
        if c.time.value:
            says.append(f" ({c.time.value})", style="dim")
        if c.event is not None:
            says.append("  timeline: ", style="dim")
            says.append(f"{c.event.title}, {c.event.when}", style="bold")
        console.print(says)
        if self.options.show == "all" and c.syntax is not None and claim.head_at is not None:
            attaches = Text("      attaches to: ", style="dim")
            attaches.append(c.syntax.head, style="bold")
            attaches.append(f" ({claim.head_at[0]}:{claim.head_at[1]})", style="dim")
            if c.syntax.path:
                attaches.append("  path: ", style="dim")
                attaches.append(" > ".join(c.syntax.path))
            console.print(attaches)
        if f.verdict == "conflated":
            other = f.evidence[0]
            console.print(
                Text("      fits instead: ", style="dim")
                + Text(f"{other.title}, {other.when}", style="bold")
            )
        if f.suggestion:
            line = Text("      suggestion: ", style="dim")
            replacement = claim.replacement
            if replacement and replacement != f.suggestion:  # in the article's own words
                line.append(replacement, style="cyan")
                line.append(f" ({f.suggestion})", style="dim")
            else:
                line.append(f.suggestion, style="cyan")
            console.print(line)
        if self.options.show != "problems":
            console.print(Text("      rules: ", style="dim") + Text(" > ".join(f.trace)))
        full = self.options.sources
        limit = max(30, min(console.width, 100) - len(SOURCE_LABEL) - 1)
        for event in f.evidence:
            for source in event.sources if full else event.sources[:2]:
                shown = source if full else short_source(source, limit)
                console.print(Text(SOURCE_LABEL, style="dim") + Text(shown, style="blue"))

    def _summary(self, report: Report) -> Text:
        s = report.summary()
        files = s["files"] - s["errors"]  # the unreadable ones were not checked
        text = Text(f"{files} file{'s' if files != 1 else ''} checked: ")
        parts = [
            ("conflated", "magenta"),
            ("contradicted", "red"),
            ("supported", "green"),
            ("unverifiable", ""),
        ]
        for i, (verdict, style) in enumerate(parts):
            if i:
                text.append(", ")
            text.append(f"{s[verdict]} {verdict}", style=style if s[verdict] else "")
        if s["errors"]:
            text.append(f", {s['errors']} unreadable", style="bold red")
        hidden = sum(1 for f in report.files for c in f.claims if c.severity == "info")
        if self.options.show == "problems" and hidden:
            text.append("  (--show all lists supported and unverifiable claims)", style="dim")
        shortened = any(
            short_source(src, 10_000) != src
            for f in report.files
            for c in f.claims
            for e in c.finding.evidence
            for src in e.sources
        )
        if (
            not self.options.sources
            and shortened
            and any(
                c.severity != "info" or self.options.show == "all"
                for f in report.files
                for c in f.claims
            )
        ):
            text.append("  (--show sources lists the sources in full)", style="dim")
        return text


def short_source(source: str, limit: int = 60) -> str:
    """A source as a terminal line holds it: a URL as its host and path (no scheme,
    `www.`, query or fragment), cut with `…` past `limit` characters; a citation as it
    is, cut likewise. `--show sources` prints them in full."""
    parts = urlsplit(source) if "://" in source else None
    if parts is not None and parts.netloc:
        host = parts.netloc.removeprefix("www.")
        path = parts.path.rstrip("/")
        source = host + path
    if len(source) > limit:
        source = source[: limit - 1].rstrip("/") + "…"
    return source


_WINDOW = 8 * MAX_SENTENCE  # characters either side of a time flattened for display


def _sentence(sentence: str, start: int, end: int) -> Text:
    """The sentence on one line as prose, the time expression highlighted, trimmed if long."""
    # only a window around the time is shown: a sentence of a megabyte (skipped: too
    # long, once for each of its times) is not flattened whole each time
    cut = max(0, start - _WINDOW)
    stop = min(len(sentence), max(end, start) + _WINDOW)
    flat, (start, end) = prose(sentence[cut:stop], max(0, start - cut), min(stop, end) - cut)
    left, right = 0, len(flat)
    if right > MAX_SENTENCE:
        left = max(0, start - MAX_SENTENCE // 2)
        right = min(len(flat), left + MAX_SENTENCE)
    text = Text("…" if left or cut else "", style="dim")
    text.append(flat[left:start], style="italic")
    text.append(flat[start:end], style="bold reverse")
    text.append(flat[end:right], style="italic")
    if right < len(flat) or stop < len(sentence):
        text.append("…", style="dim")
    return text
