"""Archive audits: check many documents, in parallel, and keep the results in SQLite.

    from factcheck.audit import AuditSettings, AuditStore, iter_documents, run_audit
    settings = AuditSettings(load_timeline(None))
    with AuditStore("audit.db") as store:
        summary = run_audit(iter_documents(["archive.jsonl", "articles/"]), store, settings)

Inputs (`iter_documents`) are files, directories (walked as `check` walks them),
globs, and JSONL archives (`*.jsonl`, `*.jsonl.gz`: one JSON object a line with
`text`, optional `id`, `path` or `url`, optional `date`; `doc_id` and `dct` are
accepted for `id` and `date`). A document's key is its file path, or
`archive.jsonl#<id>` for a record (its id, else its path or url, else its line
number; a key seen twice gets `@<line>` appended).

The store (`AuditStore`) has a `files` table, one row per document keyed by
`path`, and a `claims` table. A batch of documents is recorded in one transaction
(a document's rows always together), so a run killed at any moment leaves whole
documents only, and `--resume` skips
the documents recorded with the same content hash, options, timeline hash and
tool version. The parent process is the only writer; the checking runs inline,
in a process pool (`PoolEngine`) or on a Dask cluster (`DaskEngine`).
"""

from __future__ import annotations

import csv
import glob
import gzip
import hashlib
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from functools import cache
from typing import IO, Any, Protocol

from . import __version__, sources
from .errors import FactcheckError, InputError
from .markup import FORMATS, detect_format
from .report import VERDICTS, CheckedClaim
from .timeline import Timeline
from .verdicts import SEVERITY_RANK

SCHEMA_VERSION = 1
WAL_CHECKPOINT_PAGES = 10_000
ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz")
GLOB_CHARS = frozenset("*?[")
BATCH_DOCS = 16
BATCH_CHARS = 400_000

FILE_COLUMNS = (
    "path",
    "kind",
    "location",
    "sha256",
    "reference_date",
    "status",
    "error",
    "claims",
    "checked_at",
    "timeline_sha256",
    "tool_version",
    "options",
)
CLAIM_COLUMNS = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "verdict",
    "severity",
    "rule",
    "event_id",
    "event_title",
    "event_date",
    "event_end",
    "time_text",
    "time_value",
    "time_start",
    "time_end",
    "message",
    "suggestion",
    "sentence",
    "evidence",
    "fingerprint",
)
SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT NOT NULL PRIMARY KEY,       -- the document's key
    kind TEXT NOT NULL,                   -- file | record
    location TEXT,                        -- absolute file path, or the record's url/path
    sha256 TEXT,                          -- of the file's bytes, or of the record's text
    reference_date TEXT,                  -- the date relative expressions resolved against
    status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    error TEXT,
    claims INTEGER NOT NULL DEFAULT 0,
    checked_at TEXT NOT NULL,             -- UTC, metadata only
    timeline_sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    options TEXT NOT NULL                 -- JSON: the options that change the result
);
CREATE TABLE IF NOT EXISTS claims (
    path TEXT NOT NULL,
    line INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_column INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    severity TEXT NOT NULL,
    rule TEXT NOT NULL,
    event_id TEXT,
    event_title TEXT,
    event_date TEXT,
    event_end TEXT,
    time_text TEXT NOT NULL,
    time_value TEXT,
    time_start TEXT,
    time_end TEXT,
    message TEXT NOT NULL,
    suggestion TEXT,
    sentence TEXT NOT NULL,
    evidence TEXT NOT NULL,               -- JSON list of event ids
    fingerprint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_path ON claims (path);
CREATE INDEX IF NOT EXISTS claims_verdict ON claims (verdict);
"""


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class AuditDoc:
    """One document to audit: what a worker needs to check it, and what the store records.

    `reference_date` is the date given for it (the record's `date`, else the run's
    --reference-date), None to take the document's own. `error` is set when the
    document could not be read: it is recorded as such without being checked."""

    key: str
    text: str | None
    sha256: str | None
    reference_date: date | None = None
    input_format: str = "text"
    kind: str = "file"
    location: str | None = None
    error: str | None = None
    warning: str | None = None
    line: int | None = None  # an archive record's line number


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def expand_inputs(paths: Iterable[str], exclude: tuple[str, ...] = ()) -> Iterator[sources.Target]:
    """Files, walked directories, glob matches and archives, each once, in a stable order."""
    seen: set[str] = set()
    for path in paths:
        for target in _expand_one(path, exclude):
            norm = os.path.normpath(target.path)
            if norm not in seen:
                seen.add(norm)
                yield replace(target, path=norm)


def _expand_one(path: str, exclude: tuple[str, ...]) -> Iterator[sources.Target]:
    if GLOB_CHARS.intersection(path) and not os.path.lexists(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield sources.Target(path, f"{path}: no file matches")
        for match in matches:
            yield from _expand_one(match, exclude)
    elif is_archive(path) and os.path.isfile(path):
        yield sources.Target(path)
    else:
        yield from sources.iter_targets([path], exclude)


def missing_inputs(paths: Iterable[str]) -> list[str]:
    """The command-line paths that name nothing (no file, no glob match)."""
    out = []
    for path in paths:
        if GLOB_CHARS.intersection(path) and not os.path.lexists(path):
            if not glob.glob(path, recursive=True):
                out.append(path)
        elif not os.path.lexists(path):
            out.append(path)
    return out


def iter_documents(
    paths: Iterable[str],
    reference_date: date | None = None,
    *,
    input_format: str = "auto",
    exclude: Iterable[str] = (),
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[AuditDoc]:
    """Every document of the inputs, read lazily (one file or archive line at a time)."""
    keys: set[str] = set()
    for target in expand_inputs(paths, tuple(exclude)):
        if target.error:
            yield AuditDoc(target.path, None, None, error=target.error)
        elif is_archive(target.path):
            for doc in iter_archive(target.path, reference_date, input_format=input_format):
                if doc.key in keys:
                    old = doc.key
                    doc = replace(doc, key=_dedupe(old, keys, doc.line))
                    if on_warning:
                        on_warning(f"{old}: duplicate key; recorded as {doc.key}")
                keys.add(doc.key)
                yield doc
        else:
            keys.add(target.path)
            yield read_file(target.path, reference_date, input_format)


def _dedupe(key: str, keys: set[str], line: int | None) -> str:
    base = f"{key}@{line}" if line else f"{key}@2"
    candidate, n = base, 2
    while candidate in keys:
        n += 1
        candidate = f"{base}.{n}"
    return candidate


def read_file(path: str, reference_date: date | None, input_format: str = "auto") -> AuditDoc:
    """One file as an AuditDoc (with `error` set when it cannot be read)."""
    fmt = detect_format(path) if input_format == "auto" else input_format
    doc = AuditDoc(path, None, None, reference_date, fmt, location=os.path.abspath(path))
    try:
        data = sources.read_bytes(path)
    except InputError as exc:
        return replace(doc, error=str(exc))
    doc = replace(doc, sha256=_sha256(data))
    try:
        document = sources.decode(data, path)
    except InputError as exc:
        return replace(doc, error=str(exc))
    return replace(doc, text=document.text, warning=document.warning)


def _open_archive(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")  # noqa: SIM115 - closed by the caller


def iter_archive(
    path: str, reference_date: date | None = None, *, input_format: str = "auto"
) -> Iterator[AuditDoc]:
    """The records of a JSONL archive; bad lines and records without text as errors.

    Keys are not yet made unique across the archive: `iter_documents` does that."""
    try:
        handle = _open_archive(path)
    except OSError as exc:
        yield AuditDoc(path, None, None, error=f"{path}: cannot read ({exc.strerror or exc})")
        return
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield _record(path, number, raw, reference_date, input_format)
        except (OSError, EOFError) as exc:  # e.g. a truncated .gz
            yield AuditDoc(path, None, None, error=f"{path}: cannot read ({exc})")


def _record(
    archive: str, number: int, raw: bytes, reference_date: date | None, input_format: str
) -> AuditDoc:
    """One archive line as a document."""
    where = f"{archive}:{number}"
    line_key = f"{archive}#{number}"
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        return _bad_record(line_key, raw, number, f"{where}: invalid JSON ({reason})")
    if not isinstance(record, dict):
        return _bad_record(line_key, raw, number, f"{where}: a record must be a JSON object")
    ident = _first_text(record, ("id", "doc_id", "path", "url"))
    key = f"{archive}#{ident}" if ident is not None else line_key
    location = _first_text(record, ("url", "path"))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return _bad_record(key, raw, number, f"{where}: record has no text", location)
    try:
        ref = _record_date(record, reference_date)
    except ValueError as exc:
        return _bad_record(key, raw, number, f"{where}: {exc}", location)
    fmt = _record_format(record, location, input_format)
    sha = _sha256(text.encode("utf-8", "surrogatepass"))
    return AuditDoc(key, text, sha, ref, fmt, kind="record", location=location, line=number)


def _bad_record(
    key: str, raw: bytes, number: int, error: str, location: str | None = None
) -> AuditDoc:
    sha = _sha256(raw.strip())
    return AuditDoc(key, None, sha, kind="record", location=location, error=error, line=number)


def _first_text(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _record_date(record: dict[str, Any], default: date | None) -> date | None:
    """The record's `date` (or `dct`): YYYY-MM-DD, or an ISO timestamp whose day is taken."""
    value = record.get("date", record.get("dct"))
    if value is None or value == "":
        return default
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise ValueError(f"invalid date {value!r} (expected YYYY-MM-DD)")


def _record_format(record: dict[str, Any], location: str | None, input_format: str) -> str:
    given = record.get("format")
    if isinstance(given, str) and given in FORMATS:
        return given
    if input_format != "auto":
        return input_format
    return detect_format(location) if location else "text"


def count_documents(paths: Iterable[str], exclude: Iterable[str] = ()) -> int:
    """How many documents the inputs hold (archives: their non-blank lines), for progress."""
    total = 0
    for target in expand_inputs(paths, tuple(exclude)):
        if target.error or not is_archive(target.path):
            total += 1
            continue
        try:
            with _open_archive(target.path) as handle:
                total += sum(1 for raw in handle if raw.strip())
        except (OSError, EOFError):
            total += 1
    return total


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class AuditSettings:
    """What every worker needs to build its Checker, and what makes a result reusable."""

    timeline: Timeline
    model: str | None = None
    min_score: float = 60.0
    tool_version: str = __version__

    def options(self, doc: AuditDoc) -> str:
        """The options that change a document's result, as stored (JSON)."""
        return json.dumps(
            {
                "reference_date": doc.reference_date.isoformat() if doc.reference_date else None,
                "input_format": doc.input_format,
                "min_score": float(self.min_score),
                "model": self.model,
            },
            sort_keys=True,
        )


@dataclass(frozen=True)
class DocResult:
    """A checked document (its text dropped), ready for the store."""

    doc: AuditDoc
    reference_date: str | None
    error: str | None
    claims: tuple[tuple[Any, ...], ...] = ()

    @property
    def status(self) -> str:
        return "error" if self.error else "ok"


def claim_row(claim: CheckedClaim) -> tuple[Any, ...]:
    """A claim as a `claims` row, without the path (CLAIM_COLUMNS[1:])."""
    f = claim.finding
    c = f.claim
    t = c.time
    event = c.event
    return (
        claim.line,
        claim.column,
        claim.end_line,
        claim.end_column,
        f.verdict,
        f.severity,
        f.rule,
        event.id if event else None,
        event.title if event else None,
        event.date.value if event else None,
        event.end.value if event and event.end else None,
        t.text,
        t.value,
        t.start.isoformat() if t.start else None,
        t.end.isoformat() if t.end else None,
        f.message,
        f.suggestion,
        c.sentence,
        json.dumps([e.id for e in f.evidence]),
        claim.fingerprint(),
    )


def check_document(checker: Any, doc: AuditDoc) -> DocResult:
    """Check one document with a `Checker`; a failure is the document's error, not the run's."""
    bare = replace(doc, text=None)
    if doc.error or doc.text is None:
        return DocResult(bare, None, doc.error or f"{doc.key}: no text")
    try:
        report = checker.check_text(
            doc.text, doc.reference_date, doc.key, input_format=doc.input_format
        )
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # one bad document must not stop an archive
        return DocResult(bare, None, f"{doc.key}: internal error: {type(exc).__name__}: {exc}")
    ref = report.reference_date.isoformat() if report.reference_date else None
    return DocResult(bare, ref, None, tuple(claim_row(c) for c in report.claims))


_CHECKERS: dict[tuple[str, str | None, float], Any] = {}
_CHECKERS_LOCK = threading.Lock()


def cached_checker(timeline: Timeline, model: str | None, min_score: float) -> Any:
    """This process's Checker for these settings, built on first use (workers build it once)."""
    key = (timeline.sha256, model, float(min_score))
    with _CHECKERS_LOCK:
        checker = _CHECKERS.get(key)
        if checker is None:
            from .checker import Checker

            checker = Checker(timeline, model=model, min_score=min_score)
            _CHECKERS[key] = checker
        return checker


def check_batch(
    docs: list[AuditDoc], timeline: Timeline, model: str | None, min_score: float
) -> list[DocResult]:
    """Check a batch with this process's cached Checker (the Dask task)."""
    checker = cached_checker(timeline, model, min_score)
    with _CHECKERS_LOCK:  # a Checker is not shared between threads
        return [check_document(checker, d) for d in docs]


def batched(
    docs: Iterable[AuditDoc], size: int = BATCH_DOCS, chars: int = BATCH_CHARS
) -> Iterator[list[AuditDoc]]:
    """Documents in batches of at most `size` documents or about `chars` characters."""
    batch: list[AuditDoc] = []
    held = 0
    for doc in docs:
        batch.append(doc)
        held += len(doc.text or "")
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


# --------------------------------------------------------------------------- engines


class Engine(Protocol):
    """Runs batches of documents somewhere; results come back to the caller's thread."""

    def map(self, batches: Iterable[list[AuditDoc]]) -> Iterator[list[DocResult]]: ...

    def close(self) -> None: ...


class InlineEngine:
    """Checks in this process (--jobs 1)."""

    def __init__(self, settings: AuditSettings) -> None:
        self.settings = settings

    def map(self, batches: Iterable[list[AuditDoc]]) -> Iterator[list[DocResult]]:
        s = self.settings
        checker = cached_checker(s.timeline, s.model, s.min_score)
        for batch in batches:
            yield [check_document(checker, d) for d in batch]

    def close(self) -> None:
        pass


_WORKER_CHECKER: Any = None
_WORKER_ERROR: str | None = None


def _init_worker(timeline: Timeline, model: str | None, min_score: float) -> None:
    """Pool initializer: Ctrl-C is the parent's business; build the Checker once."""
    global _WORKER_CHECKER, _WORKER_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    try:
        from .checker import Checker

        _WORKER_CHECKER = Checker(timeline, model=model, min_score=min_score)
    except Exception as exc:  # reported by the first batch, in the parent
        _WORKER_ERROR = str(exc) if isinstance(exc, FactcheckError) else repr(exc)


def _exit_with_parent() -> None:
    """A worker whose parent was killed (SIGKILL, OOM) exits instead of waiting forever
    for work: the parent's sentinel pipe reaches EOF when the parent dies."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()


def _pool_batch(docs: list[AuditDoc]) -> list[DocResult]:
    if _WORKER_ERROR is not None:
        raise FactcheckError(_WORKER_ERROR)
    return [check_document(_WORKER_CHECKER, d) for d in docs]


def bounded(
    submit: Callable[[list[AuditDoc]], Future[list[DocResult]]],
    batches: Iterable[list[AuditDoc]],
    window: int,
) -> Iterator[list[DocResult]]:
    """Keep at most `window` batches in flight; yield results as they complete.

    The batches are drawn in the caller's thread (they may read the store)."""
    pending: set[Future[list[DocResult]]] = set()
    source = iter(batches)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            batch = next(source, None)
            if batch is None:
                exhausted = True
            else:
                pending.add(submit(batch))
        if not pending:
            return
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()


class PoolEngine:
    """A pool of worker processes, each with its own Checker built once."""

    def __init__(self, settings: AuditSettings, jobs: int) -> None:
        self.jobs = jobs
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["factcheck.audit", "factcheck.checker"])
        self.executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=_init_worker,
            initargs=(settings.timeline, settings.model, settings.min_score),
        )

    def map(self, batches: Iterable[list[AuditDoc]]) -> Iterator[list[DocResult]]:
        try:
            yield from bounded(
                lambda b: self.executor.submit(_pool_batch, b), batches, 2 * self.jobs
            )
        except BrokenProcessPool:
            raise FactcheckError(
                "a worker process died (out of memory?); the documents committed so far are "
                "kept: rerun with --resume"
            ) from None

    def close(self) -> None:
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # idle or interrupted workers: no need to wait for them
            if process.is_alive():
                process.terminate()


class DaskEngine:
    """A Dask distributed cluster: `scheduler` given, else a LocalCluster on loopback."""

    def __init__(self, settings: AuditSettings, jobs: int, scheduler: str | None = None) -> None:
        distributed = import_distributed()
        self.settings = settings
        self.cluster = None
        if scheduler:
            try:
                self.client = distributed.Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise FactcheckError(
                    f"cannot reach the Dask scheduler {scheduler}: {exc}"
                ) from None
        else:
            self.cluster = distributed.LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            self.client = distributed.Client(self.cluster)
        workers = len(self.client.scheduler_info().get("workers", {})) or jobs
        self.window = 2 * max(1, workers)
        self.timeline = self.client.scatter(settings.timeline, broadcast=True)

    def _submit(self, batch: list[AuditDoc]) -> Any:
        """A distributed Future of the batch's results."""
        s = self.settings
        return self.client.submit(
            check_batch, batch, self.timeline, s.model, s.min_score, pure=False
        )

    def map(self, batches: Iterable[list[AuditDoc]]) -> Iterator[list[DocResult]]:
        distributed = import_distributed()
        pending: Any = distributed.as_completed()
        source = iter(batches)
        for batch in _take(source, self.window):
            pending.add(self._submit(batch))
        for future in pending:
            yield future.result()
            for batch in _take(source, 1):
                pending.add(self._submit(batch))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _take(source: Iterator[list[AuditDoc]], n: int) -> Iterator[list[AuditDoc]]:
    for _ in range(n):
        batch = next(source, None)
        if batch is None:
            return
        yield batch


def import_distributed() -> Any:
    """The `distributed` module, or a FactcheckError saying how to get it."""
    try:
        import distributed
    except ImportError:
        raise FactcheckError(
            "--engine dask needs Dask: install factcheck[dask] (pip install 'factcheck[dask]')"
        ) from None
    return distributed


def make_engine(
    settings: AuditSettings, *, jobs: int = 1, engine: str = "local", scheduler: str | None = None
) -> Engine:
    if engine == "dask":
        return DaskEngine(settings, jobs, scheduler)
    if jobs <= 1:
        return InlineEngine(settings)
    return PoolEngine(settings, jobs)


# --------------------------------------------------------------------------- the store


class AuditStore:
    """The SQLite store of an audit (WAL). Only one process writes it: the auditing one."""

    def __init__(self, path: str, *, create: bool = True) -> None:
        self.path = path
        if not create and not os.path.isfile(path):
            raise FactcheckError(f"{path}: no such audit database")
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=60)
            self._setup(create)
        except sqlite3.DatabaseError as exc:
            raise FactcheckError(f"{path}: cannot use as an audit database ({exc})") from None

    def _setup(self, create: bool) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
        if version == 0 and tables:
            raise FactcheckError(f"{self.path}: not a factcheck audit database")
        if version not in (0, SCHEMA_VERSION):
            raise FactcheckError(
                f"{self.path}: audit database schema {version}; this factcheck reads schema "
                f"{SCHEMA_VERSION}"
            )
        if create:
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # Each document is a commit of a few pages: checkpoint (and fsync) every ~40 MB of
        # log, not every 4 MB. Durability is the same; the log is folded in at close.
        self.db.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        if version == 0 and create:
            self.db.executescript(f"BEGIN; {SCHEMA} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")

    def __enter__(self) -> AuditStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM files").fetchone()[0])

    def clear(self) -> None:
        """Forget every document (--overwrite)."""
        with self.transaction():
            self.db.execute("DELETE FROM claims")
            self.db.execute("DELETE FROM files")

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def unchanged(self, doc: AuditDoc, settings: AuditSettings) -> bool:
        """Is the document recorded, checked fine, from the same content and settings?"""
        row = self.db.execute(
            "SELECT sha256, options, timeline_sha256, tool_version FROM files "
            "WHERE path = ? AND status = 'ok'",
            (doc.key,),
        ).fetchone()
        if row is None or doc.error or doc.sha256 is None:
            return False
        expected = (
            doc.sha256,
            settings.options(doc),
            settings.timeline.sha256,
            settings.tool_version,
        )
        return tuple(row) == expected

    def recorded_counts(self, key: str) -> Counter[tuple[str, str]]:
        """(verdict, severity) counts of a recorded document."""
        rows = self.db.execute(
            "SELECT verdict, severity, count(*) FROM claims WHERE path = ? "
            "GROUP BY verdict, severity",
            (key,),
        )
        return Counter({(v, s): n for v, s, n in rows})

    def write(self, result: DocResult, settings: AuditSettings) -> None:
        """Replace one document's rows, all in one transaction."""
        self.write_all([result], settings)

    def write_all(self, results: list[DocResult], settings: AuditSettings) -> None:
        """Replace the rows of several documents in one transaction: each document's rows
        are committed together (and with the others'), never in part. A run killed before
        the commit has recorded none of them, and `--resume` checks them again."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        keys = [result.doc.key for result in results]
        with self.transaction():
            if len(set(keys)) < len(keys):  # a document twice: one replaces the other
                for result in results:
                    self._replace(result, settings, now)
                return
            # Each statement once for the whole batch: what replacing one document after
            # the other leaves, as no two share a key.
            self.db.executemany("DELETE FROM claims WHERE path = ?", [(k,) for k in keys])
            self.db.executemany(
                _insert("files", FILE_COLUMNS, replace=True),
                [self._file_row(result, settings, now) for result in results],
            )
            self.db.executemany(
                _insert("claims", CLAIM_COLUMNS),
                ((result.doc.key, *row) for result in results for row in result.claims),
            )

    def _replace(self, result: DocResult, settings: AuditSettings, now: str) -> None:
        doc = result.doc
        self.db.execute("DELETE FROM claims WHERE path = ?", (doc.key,))
        self.db.execute(
            _insert("files", FILE_COLUMNS, replace=True), self._file_row(result, settings, now)
        )
        if result.claims:
            self.db.executemany(
                _insert("claims", CLAIM_COLUMNS), ((doc.key, *row) for row in result.claims)
            )

    @staticmethod
    def _file_row(result: DocResult, settings: AuditSettings, now: str) -> tuple[Any, ...]:
        doc = result.doc
        return (
            doc.key,
            doc.kind,
            doc.location,
            doc.sha256,
            result.reference_date,
            result.status,
            result.error,
            len(result.claims),
            now,
            settings.timeline.sha256,
            settings.tool_version,
            settings.options(doc),
        )

    def files(self) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute(f"SELECT {_names(FILE_COLUMNS)} FROM files ORDER BY path")
        for row in cursor:
            yield dict(zip(FILE_COLUMNS, row, strict=True))

    def claims(self, where: str = "", params: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
        sql = (
            f"SELECT {_names(CLAIM_COLUMNS)} FROM claims {where} "
            'ORDER BY path, line, "column", rule, fingerprint'
        )
        for row in self.db.execute(sql, params):
            yield dict(zip(CLAIM_COLUMNS, row, strict=True))


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (Ctrl-C included)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


@cache
def _insert(table: str, columns: tuple[str, ...], replace: bool = False) -> str:
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    marks = ", ".join("?" for _ in columns)
    return f"{verb} INTO {table} ({_names(columns)}) VALUES ({marks})"


# --------------------------------------------------------------------------- the run


@dataclass
class AuditSummary:
    """What a run did: documents checked, skipped and failed; claims by verdict."""

    checked: int = 0
    skipped: int = 0
    errors: int = 0
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
            f"{self.skipped} unchanged, {_plural(self.errors, 'error')}); "
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

    def to_check() -> Iterator[AuditDoc]:
        for doc in docs:
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
    finally:
        engine.close()
        summary.elapsed = time.monotonic() - summary.started
    return summary


# --------------------------------------------------------------------------- exports


def export(store: AuditStore, path: str) -> int:
    """Write the store to `path`: .jsonl (one document a line, claims nested) or .csv
    (one claim a row). Returns the number of lines or rows written."""
    lower = path.lower()
    if not lower.endswith((".jsonl", ".csv")):
        raise FactcheckError(f"{path}: cannot tell the export format (use .jsonl or .csv)")
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            if lower.endswith(".csv"):
                return export_csv(store, handle)
            return export_jsonl(store, handle)
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _claim_object(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if k != "path"}
    out["evidence"] = json.loads(row["evidence"])
    return out


def export_jsonl(store: AuditStore, handle: IO[str]) -> int:
    """One JSON object per document: the `files` row, `claims` a list, and a `summary`."""
    claims = _ByPath(store.claims())
    n = 0
    for file in store.files():
        while (head := claims.peek_path()) is not None and head < file["path"]:
            next(claims)  # claims of no recorded document: none are written that way
        rows = next(claims, None) if claims.peek_path() == file["path"] else None
        items = [_claim_object(r) for r in (rows or [])]
        counts = Counter(c["verdict"] for c in items)
        obj = {
            **file,
            "options": json.loads(file["options"]),
            "claims": items,
            "summary": {v: counts.get(v, 0) for v in VERDICTS},
        }
        handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_csv(store: AuditStore, handle: IO[str]) -> int:
    """One row per claim, with the document's reference date."""
    claim_columns = ", ".join(f'c."{c}"' for c in CLAIM_COLUMNS)
    cursor = store.db.execute(
        f"SELECT {claim_columns}, f.reference_date FROM claims c JOIN files f USING (path) "
        'ORDER BY c.path, c.line, c."column", c.rule, c.fingerprint'
    )
    writer = csv.writer(handle)
    writer.writerow(["path", "reference_date", *CLAIM_COLUMNS[1:]])
    n = 0
    for *claim, reference_date in cursor:
        writer.writerow([claim[0], reference_date, *claim[1:]])
        n += 1
    return n


class _ByPath:
    """Claims (ordered by path) in per-path lists, with a look at the next path."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self.rows = rows
        self.head = next(rows, None)

    def peek_path(self) -> str | None:
        return self.head["path"] if self.head else None

    def __iter__(self) -> _ByPath:
        return self

    def __next__(self) -> list[dict[str, Any]]:
        if self.head is None:
            raise StopIteration
        path = self.head["path"]
        group = []
        while self.head is not None and self.head["path"] == path:
            group.append(self.head)
            self.head = next(self.rows, None)
        return group
