"""Checking an audit's documents: a document to a `DocResult` of rows, in batches, inline
(`InlineEngine`), in a process pool (`PoolEngine`) or on a Dask cluster (`DaskEngine`);
every worker builds its Checker once."""

from __future__ import annotations

import gc
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any, Protocol

from . import __version__
from .audit_inputs import AuditDoc, input_bytes
from .errors import FactcheckError, debug_trace
from .report import CheckedClaim
from .timeline import Timeline

SMALL_AUDIT_BYTES = 3_000_000  # below this one process beats a pool whose workers load spaCy
BATCH_DOCS = 16
BATCH_CHARS = 400_000


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
        claim.time_text,
        t.value,
        t.start.isoformat() if t.start else None,
        t.end.isoformat() if t.end else None,
        claim.message,
        f.suggestion,
        claim.sentence,
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
        debug_trace()
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

            # the audit stores no time.head or time.path: no sentence need be parsed
            checker = Checker(timeline, model=model, min_score=min_score, syntax="flags")
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
        checker = None  # built for the first document to check: none, no spaCy
        for batch in batches:
            if checker is None:
                checker = cached_checker(s.timeline, s.model, s.min_score)
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
        # forked: the parent's Checker, shared; else built here, once
        _WORKER_CHECKER = cached_checker(timeline, model, min_score)
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
    """A pool of worker processes sharing one Checker.

    Where processes can fork (Linux, macOS' default aside), the parent builds the
    Checker (spaCy pipeline, event index) once and forks the workers, which share it
    copy-on-write: start-up is paid once, not once per worker (about a second each on
    two cores, which kept `--jobs 2` at 1.2x `--jobs 1`). Elsewhere a forkserver starts
    workers that build their own."""

    def __init__(self, settings: AuditSettings, jobs: int) -> None:
        self.jobs = jobs
        if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
            context: Any = multiprocessing.get_context("fork")
            cached_checker(settings.timeline, settings.model, settings.min_score)
            gc.collect()
            gc.freeze()  # until close(): the collector must not touch (copy) shared objects
        else:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["factcheck.audit", "factcheck.checker"])
        self.frozen = context.get_start_method() == "fork"
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
        if self.frozen:
            gc.unfreeze()
            self.frozen = False


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


def default_jobs(paths: Iterable[str], exclude: Iterable[str] = ()) -> int:
    """Worker processes when --jobs is not given: every core, but one for inputs under
    SMALL_AUDIT_BYTES (about 3 MB, a few thousand news articles), which one process
    checks before a pool has started (each worker imports spaCy and builds the pipeline,
    a second or more). The results are the same either way."""
    cores = os.cpu_count() or 1
    if cores > 1 and input_bytes(paths, exclude, SMALL_AUDIT_BYTES) < SMALL_AUDIT_BYTES:
        return 1
    return cores


def make_engine(
    settings: AuditSettings, *, jobs: int = 1, engine: str = "local", scheduler: str | None = None
) -> Engine:
    if engine == "dask":
        return DaskEngine(settings, jobs, scheduler)
    if jobs <= 1:
        return InlineEngine(settings)
    return PoolEngine(settings, jobs)
