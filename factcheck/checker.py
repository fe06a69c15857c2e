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

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language

from . import sources
from .claims import DEFAULT_MIN_SCORE, ClaimExtractor, Context
from .errors import InputError
from .matching import EventIndex
from .pipeline import build_pipeline, make_doc
from .reference import find_reference_date
from .report import CheckedClaim, FileReport, LineIndex, Report
from .segment import split_chunks
from .timeline import Timeline
from .verdicts import judge

CHUNK_CHARS = 100_000


class Checker:
    """Builds the spaCy pipeline and the event index once; checks many texts."""

    def __init__(
        self,
        timeline: Timeline,
        *,
        model: str | None = None,
        min_score: float = DEFAULT_MIN_SCORE,
        nlp: Language | None = None,
    ) -> None:
        self.timeline = timeline
        self.nlp = nlp or build_pipeline(model)
        self.index = EventIndex(timeline, self.nlp.vocab, self.nlp.make_doc)
        self.extractor = ClaimExtractor(self.index, min_score)

    def check_text(
        self,
        text: str,
        reference_date: date | None = None,
        path: str = "<text>",
    ) -> FileReport:
        """Check one text. Without `reference_date`, the document's own date is used."""
        source = None
        if reference_date is None:
            found = find_reference_date(text)
            if found:
                reference_date, source = found
        else:
            source = "given"
        report = FileReport(path, reference_date=reference_date, reference_source=source)
        lines = LineIndex(text)
        context = Context()
        chunks = split_chunks(text, CHUNK_CHARS)
        docs = (make_doc(self.nlp, text[s:e], reference_date) for s, e in chunks)
        for (start, _), doc in zip(chunks, self.nlp.pipe(docs), strict=True):
            for claim in self.extractor.extract(doc, start, context):
                finding = judge(claim, self.timeline)
                line, col = lines.position(claim.time.start_char)
                end_line, end_col = lines.position(claim.time.end_char)
                report.claims.append(CheckedClaim(finding, line, col, end_line, end_col))
        report.claims.sort(key=lambda c: (c.line, c.column, c.finding.claim.kind))
        return report

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
        try:
            document = sources.read_document(path)
        except InputError as exc:
            return FileReport(name, error=str(exc))
        report = self.check_text(document.text, reference_date, name)
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
    ) -> Iterator[FileReport]:
        """Check files and directories (walked for text files, minus `exclude` globs);
        errors are per file, and one bad document never stops the rest."""
        for target in sources.iter_targets(paths, exclude=tuple(exclude)):
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
                report = FileReport(
                    target.path, error=f"{target.path}: internal error: {type(exc).__name__}: {exc}"
                )
            yield report

    def check(self, paths: Iterable[str], reference_date: date | None = None) -> Report:
        """All files at once, as one `Report`."""
        return Report(self.timeline, list(self.check_paths(paths, reference_date)))
