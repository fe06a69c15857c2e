"""Archive audits: check many documents, in parallel, and keep the results in SQLite.

    from factcheck.audit import AuditSettings, AuditStore, iter_documents, run_audit
    settings = AuditSettings(load_timeline(None))
    with AuditStore("audit.db") as store:
        summary = run_audit(iter_documents(["archive.jsonl", "articles/"]), store, settings)

Inputs (`iter_documents`) are files, directories (walked as `check` walks them),
globs, and JSONL archives (`*.jsonl`, `*.jsonl.gz`: one JSON object a line with
`text`, optional `id`, `path` or `url`, optional `date`; `doc_id` and `dct` are
accepted for `id` and `date`). A document's key is its file path, resolved and
relative to a root (`document_key`: the same however the path is spelt), or
`archive.jsonl#<id>` for a record (its id, else its path or url, else its line
number; a key seen twice gets `@<line>` appended).

The store (`AuditStore`) has a `files` table, one row per document keyed by
`path`, and a `claims` table. A batch of documents is recorded in one transaction
(a document's rows always together), so a run killed at any moment leaves whole
documents only, and `--resume` skips
the documents recorded with the same content hash, options, timeline hash and
tool version. The parent process is the only writer; the checking runs inline,
in a process pool (`PoolEngine`) or on a Dask cluster (`DaskEngine`).

The pieces live in `audit_inputs` (documents), `audit_engines` (checking) and
`audit_store` (SQLite and exports); this module runs an audit and re-exports them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .audit_engines import (
    BATCH_CHARS,
    BATCH_DOCS,
    AuditSettings,
    DocResult,
    Engine,
    InlineEngine,
    batched,
    cached_checker,
    check_document,
    claim_row,
    default_jobs,
    import_distributed,
    make_engine,
)
from .audit_inputs import (
    AuditDoc,
    count_documents,
    document_key,
    expand_inputs,
    input_bytes,
    is_archive,
    iter_archive,
    iter_documents,
    missing_inputs,
    read_file,
)
from .audit_store import AuditStore, export, export_csv, export_jsonl
from .report import VERDICTS
from .severity import SEVERITY_RANK

__all__ = [
    "BATCH_CHARS",
    "BATCH_DOCS",
    "AuditDoc",
    "AuditSettings",
    "AuditStore",
    "AuditSummary",
    "DocResult",
    "Engine",
    "InlineEngine",
    "batched",
    "cached_checker",
    "check_document",
    "claim_row",
    "count_documents",
    "default_jobs",
    "expand_inputs",
    "export",
    "export_csv",
    "export_jsonl",
    "import_distributed",
    "input_bytes",
    "is_archive",
    "document_key",
    "iter_archive",
    "iter_documents",
    "make_engine",
    "missing_inputs",
    "read_file",
    "run_audit",
]


@dataclass
class AuditSummary:
    """What a run did: documents checked, skipped and failed; claims by verdict."""

    checked: int = 0
    skipped: int = 0
    errors: int = 0
    gone: int = 0  # recorded documents no longer there (--resume)
    verdicts: Counter[str] = field(default_factory=Counter)
    worst: int = -1
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    @property
    def documents(self) -> int:
        return self.checked + self.skipped

    def add(self, counts: Counter[tuple[str, str]]) -> None:
        for (verdict, severity), n in counts.items():
            self.verdicts[verdict] += n
            self.worst = max(self.worst, SEVERITY_RANK.get(severity, -1))

    def add_result(self, result: DocResult) -> None:
        self.checked += 1
        self.errors += result.error is not None
        self.add(Counter((row[4], row[5]) for row in result.claims))

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        claims = sum(self.verdicts.values())
        by_verdict = ", ".join(f"{self.verdicts.get(v, 0)} {v}" for v in VERDICTS)
        rate = self.checked / self.elapsed if self.elapsed > 0 else 0.0
        return (
            f"{_plural(self.documents, 'document')} ({self.checked} checked, "
            f"{self.skipped} unchanged, {_plural(self.errors, 'error')}"
            f"{f', {self.gone} gone' if self.gone else ''}); "
            f"{_plural(claims, 'claim')}: {by_verdict}; "
            f"{self.elapsed:.1f} s ({rate:.1f} documents/s)"
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def run_audit(
    docs: Iterable[AuditDoc],
    store: AuditStore,
    settings: AuditSettings,
    *,
    engine: Engine | None = None,
    resume: bool = False,
    batch_size: int = BATCH_DOCS,
    on_document: Callable[[DocResult | None], None] | None = None,
) -> AuditSummary:
    """Check the documents and record them, a batch of documents per transaction (a
    document's rows are never committed in part).

    With `resume`, documents recorded with the same content and settings are
    skipped (`on_document(None)` is called for each). The engine is closed at the end."""
    summary = AuditSummary()
    engine = engine or InlineEngine(settings)

    seen: set[str] = set()
    archives: set[str] = set()
    broken: set[str] = set()  # archives that could not be read to the end

    def to_check() -> Iterator[AuditDoc]:
        for doc in docs:
            seen.add(doc.key)
            if doc.archive is not None:
                (archives if doc.kind == "record" else broken).add(doc.archive)
            if resume and store.unchanged(doc, settings):
                summary.skipped += 1
                summary.add(store.recorded_counts(doc.key))
                if on_document:
                    on_document(None)
            elif doc.error:
                record(check_document(None, doc))
            else:
                yield doc

    def record(result: DocResult) -> None:
        store.write(result, settings)
        counted(result)

    def counted(result: DocResult) -> None:
        summary.add_result(result)
        if on_document:
            on_document(result)

    try:
        for results in engine.map(batched(to_check(), batch_size)):
            store.write_all(results, settings)  # a batch is one transaction
            for result in results:
                counted(result)
        if resume:
            summary.gone = store.mark_gone(seen, archives - broken)
    finally:
        engine.close()
        summary.elapsed = time.monotonic() - summary.started
    return summary
