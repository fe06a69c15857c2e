"""The Python API: check texts and files against a timeline.

    import factcheck
    timeline = factcheck.load_timeline(["claims.yaml"])
    checker = factcheck.Checker(timeline)
    report = checker.check_text(text, reference_date=None, path="draft.md")
    for claim in report.claims:
        print(claim.line, claim.verdict, claim.message)

Long documents are cut into pieces (at blank lines) that spaCy processes one
after another; the discourse context runs on from piece to piece.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from spacy.language import Language

from . import sources
from .claims.extract import Claim, ClaimExtractor, Context, Skipped
from .claims.matching import EventIndex, glued_tokens
from .claims.verdicts import judge
from .errors import InputError, debug_trace
from .focus import Focuser, is_focusable
from .limits import MAX_SENTENCE_CHARS, MAX_SENTENCE_TIMES, document_times
from .markup import Extracted, Suppression, detect_format, extract
from .pipeline import build_pipeline, make_doc
from .reference import find_reference_date, parse_reference_date
from .report import CheckedClaim, FileReport, LineIndex, Report, SkippedTime
from .segment import Block, split_chunks
from .thresholds import DEFAULT, Thresholds
from .timeline import Timeline

CHUNK_CHARS = 100_000
_NON_SPACE = re.compile(r"\S")
SYNTAX = "factcheck_syntax"


class Checker:
    """Builds the spaCy pipeline and the event index once; checks many texts."""

    def __init__(
        self,
        timeline: Timeline,
        *,
        model: str | None = None,
        min_score: float | None = None,
        nlp: Language | None = None,
        thresholds: Thresholds = DEFAULT,
        syntax: bool | str = True,
    ) -> None:
        """`syntax=True`: every claim tied to an event gets `syntax` (its sentence is
        parsed); `"flags"`: only the claims that could be flagged, whose verdict reads it
        (the audit: it stores no head or path); False: no sentence is parsed."""
        self.timeline = timeline
        if min_score is not None and min_score != thresholds.min_score:
            thresholds = thresholds.replace(min_score=min_score)
        self.thresholds = thresholds
        self.nlp = nlp or build_pipeline(model)
        # Our own default pipeline: what cannot matter to the claims is not tokenised.
        focusable = nlp is None and is_focusable(self.nlp)
        # the faster alias scan rests on the English tokenizer's rules (`glued_tokens`)
        english = focusable and self.nlp.lang == "en"
        glued = glued_tokens(self.nlp.tokenizer) if english else None
        self.index = EventIndex(timeline, self.nlp.vocab, self.nlp.make_doc, glued)
        parser = self.nlp.get_pipe(SYNTAX) if syntax and SYNTAX in self.nlp.pipe_names else None
        self.extractor = ClaimExtractor(
            self.index, thresholds=thresholds, syntax=parser, flags_only=syntax == "flags"
        )
        self.focuser = Focuser(self.nlp, self.index) if focusable else None

    def check_text(
        self,
        text: str,
        reference_date: date | str | None = None,
        path: str = "<text>",
        *,
        input_format: str = "auto",
        unused_suppressions: bool = False,
    ) -> FileReport:
        """Check one text. Without `reference_date` (a date, or an ISO string such as
        "2023-06-26"), the document's own date is used; raises InputError for a string
        that is not a date.

        `input_format` is "text", "markdown", "html" or "auto" (by the path's extension).
        Positions in the report are positions in `text` as given, whatever the format."""
        source = None
        reference_date = as_reference_date(reference_date)
        if reference_date is None:
            found = find_reference_date(text)
            if found:
                reference_date, source = found
        else:
            source = "given"
        fmt = detect_format(path) if input_format == "auto" else input_format
        extracted = extract(text, fmt)
        report = FileReport(path, reference_date=reference_date, reference_source=source)
        lines = LineIndex(text)
        claims = []
        context = Context(
            reference=reference_date,
            topic_window=self.thresholds.topic_window,
            max_times=document_times(len(text)),
        )
        for found in self._claims(extracted, context):
            start = lines.position(found.time.start_char)
            end = lines.position(found.time.end_char)
            if isinstance(found, Skipped):
                report.skipped.append(SkippedTime(found, *start, *end))
                continue
            head_at = lines.position(found.syntax.head_start) if found.syntax else None
            finding = judge(found, self.timeline, self.thresholds)
            claims.append(CheckedClaim(finding, *start, *end, head_at=head_at))
        if context.too_many:
            rest = ""
            if context.unchecked_from is not None:  # pieces after the limit were not read
                first = _NON_SPACE.search(text, context.unchecked_from)  # its first word
                line = lines.position(first.start() if first else context.unchecked_from)[0]
                rest = f", nor the rest of the document from line {line}"
            report.warnings.append(
                f"{path}: skipped: too many: {context.too_many} time expressions past the "
                f"first {context.max_times:,} of the document are not checked{rest}"
            )
        if context.too_long:
            report.warnings.append(
                f"{path}: skipped: too long: {context.too_long} time expressions in sentences of "
                f"more than {MAX_SENTENCE_TIMES} time expressions or {MAX_SENTENCE_CHARS:,} "
                "characters (rule FC109)"
            )
        report.claims = _unsuppressed(claims, extracted.suppressions, report, unused_suppressions)
        report.claims.sort(key=lambda c: (c.line, c.column, c.finding.claim.kind))
        return report

    def _claims(self, extracted: Extracted, context: Context) -> Iterator[Claim | Skipped]:
        """Claims of the (masked) text, and the times set aside, processed in pieces below
        spaCy's max_length."""
        text = extracted.text
        reference_date = context.reference
        chunks = split_chunks(text, CHUNK_CHARS)
        for s, e in chunks:
            if context.too_many:  # past the document's limit: the rest is not read
                context.unchecked_from = s
                return
            blocks = _blocks_in(extracted.blocks, s, e)
            if self.focuser is not None:
                doc = self.focuser.doc(text[s:e], reference_date, blocks, last=e == len(text))
            else:
                doc = self.nlp(make_doc(self.nlp, text[s:e], reference_date, blocks))
            if doc is not None:
                yield from self.extractor.extract_all(doc, s, context)

    def check_file(
        self,
        path: str,
        reference_date: date | None = None,
        *,
        input_format: str = "auto",
        display: str | None = None,
        unused_suppressions: bool = False,
    ) -> FileReport:
        """Check one file ("-": standard input, reported as `display`); an unreadable
        file gives a report with `error` set."""
        name = display or ("<stdin>" if path == sources.STDIN else path)
        if input_format == "auto" and path == sources.STDIN:
            input_format = detect_format(name)
        try:
            document = sources.read_document(path)
        except InputError as exc:
            return FileReport(name, error=str(exc))
        report = self.check_text(
            document.text,
            reference_date,
            name,
            input_format=input_format,
            unused_suppressions=unused_suppressions,
        )
        if document.warning:
            report.warnings.append(document.warning)
        return report

    def check_paths(
        self,
        paths: Iterable[str],
        reference_date: date | None = None,
        *,
        input_format: str = "auto",
        exclude: Iterable[str] = (),
        stdin_name: str | None = None,
        unused_suppressions: bool = False,
        gitignore: bool = True,
        force_exclude: bool = False,
    ) -> Iterator[FileReport]:
        """Check files and directories (walked for text files, minus `exclude` globs and
        what .gitignore excludes; `sources.iter_targets`); errors are per file, and one
        bad document never stops the rest."""
        targets = sources.iter_targets(
            paths, tuple(exclude), gitignore=gitignore, force_exclude=force_exclude
        )
        for target in targets:
            if target.error:
                yield FileReport(target.path, error=target.error)
                continue
            display = stdin_name if target.path == sources.STDIN else None
            try:
                report = self.check_file(
                    target.path,
                    reference_date,
                    input_format=input_format,
                    display=display,
                    unused_suppressions=unused_suppressions,
                )
            except (KeyboardInterrupt, MemoryError):
                raise
            except Exception as exc:  # a bug must not stop a batch: record it, go on
                debug_trace()
                report = FileReport(
                    target.path, error=f"{target.path}: internal error: {type(exc).__name__}: {exc}"
                )
            yield report

    def check(self, paths: Iterable[str], reference_date: date | None = None) -> Report:
        """All files at once, as one `Report`."""
        return Report(self.timeline, list(self.check_paths(paths, reference_date)))


def as_reference_date(value: date | str | None) -> date | None:
    """A reference date given to the API: a date (a datetime's day), an ISO string, None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_reference_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise InputError(f"reference_date {value!r} is not a date (YYYY-MM-DD or a date object)")
    return parsed


def _blocks_in(blocks: tuple[Block, ...] | None, start: int, end: int) -> list[Block] | None:
    """The markup's blocks inside one piece of the text, relative to the piece."""
    if blocks is None:
        return None
    return [
        Block(max(b.start, start) - start, min(b.end, end) - start, b.kind)
        for b in blocks
        if b.start < end and b.end > start
    ]


def _unsuppressed(
    claims: list[CheckedClaim],
    suppressions: tuple[Suppression, ...],
    report: FileReport,
    report_unused: bool,
) -> list[CheckedClaim]:
    """Drop the claims inside suppressed ranges; note the suppressions that dropped none."""
    if not suppressions:
        return claims
    used: set[Suppression] = set()
    kept = []
    for claim in claims:
        start = claim.finding.claim.time.start_char
        hit = next((s for s in suppressions if s.covers(start, claim.finding.rule)), None)
        if hit is None:
            kept.append(claim)
        elif claim.severity != "info":
            used.add(hit)
    if report_unused:
        for s in suppressions:
            if s not in used:
                report.warnings.append(
                    f"{report.path}:{s.line}: unused suppression 'factcheck {s.kind}'"
                )
    return kept
