"""The documents of an audit: files, directories, globs and JSONL archives, read into
`AuditDoc`s (text, key, content hash, reference date, format), a bad one recorded as an
error and never the end of the run."""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import IO, Any

from . import sources
from .errors import InputError, debug_trace
from .markup import FORMATS, detect_format

ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz")
GLOB_CHARS = frozenset("*?[")


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
    archive: str | None = None  # an archive record's archive (its key)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def document_key(
    path: str, root: str | None = None, *, _resolved: dict[str, str] | None = None
) -> str:
    """A document's canonical key, however its path is spelt: the path with its folder
    resolved (links, `.`, `..`), relative to `root` (default: the working directory) when
    it lies below it, else absolute. A link to a file keeps its own name. `_resolved`
    remembers resolved folders within one walk (a folder's files resolve it once)."""
    base = _realpath(root if root is not None else os.curdir, _resolved)
    folder, name = os.path.split(os.path.abspath(path))
    full = os.path.join(_realpath(folder, _resolved), name)
    try:
        rel = os.path.relpath(full, base)
    except ValueError:  # another drive (Windows)
        return full
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return full
    return rel


def _realpath(path: str, memo: dict[str, str] | None) -> str:
    """`os.path.realpath`, remembered in `memo` when one is given."""
    if memo is None:
        return os.path.realpath(path)
    found = memo.get(path)
    if found is None:
        found = memo[path] = os.path.realpath(path)
    return found


def expand_inputs(
    paths: Iterable[str], exclude: tuple[str, ...] = (), root: str | None = None
) -> Iterator[sources.Target]:
    """Files, walked directories, glob matches and archives, each once (however its path
    is spelt), in a stable order."""
    for target, _ in _expand_keyed(paths, exclude, root, {}):
        yield target


def _expand_keyed(
    paths: Iterable[str], exclude: tuple[str, ...], root: str | None, resolved: dict[str, str]
) -> Iterator[tuple[sources.Target, str]]:
    """`expand_inputs`, each target with its key (`document_key`)."""
    seen: set[str] = set()
    for path in paths:
        for target in _expand_one(path, exclude):
            norm = os.path.normpath(target.path)
            key = document_key(norm, root, _resolved=resolved) if not target.error else norm
            if key not in seen:
                seen.add(key)
                yield replace(target, path=norm), key


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
    root: str | None = None,
) -> Iterator[AuditDoc]:
    """Every document of the inputs, read lazily (one file or archive line at a time).

    Keys are canonical (`document_key`): relative to `root` (default: the working
    directory), the same however a path is spelt, so that a resumed audit finds them."""
    keys: set[str] = set()
    for target, key in _expand_keyed(paths, tuple(exclude), root, {}):
        if target.error:
            yield AuditDoc(target.path, None, None, error=target.error)
        elif is_archive(target.path):
            for doc in iter_archive(
                target.path,
                reference_date,
                input_format=input_format,
                key=key,
            ):
                if doc.key in keys:
                    old = doc.key
                    doc = replace(doc, key=_dedupe(old, keys, doc.line))
                    if on_warning:
                        on_warning(f"{old}: duplicate key; recorded as {doc.key}")
                keys.add(doc.key)
                yield replace(doc, archive=key)
        else:
            keys.add(key)
            yield read_file(target.path, reference_date, input_format, key=key)


def _dedupe(key: str, keys: set[str], line: int | None) -> str:
    base = f"{key}@{line}" if line else f"{key}@2"
    candidate, n = base, 2
    while candidate in keys:
        n += 1
        candidate = f"{base}.{n}"
    return candidate


def read_file(
    path: str, reference_date: date | None, input_format: str = "auto", *, key: str | None = None
) -> AuditDoc:
    """One file as an AuditDoc (with `error` set when it cannot be read), keyed `key`
    (default: the path as given)."""
    fmt = detect_format(path) if input_format == "auto" else input_format
    doc = AuditDoc(key or path, None, None, reference_date, fmt, location=os.path.abspath(path))
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
    path: str,
    reference_date: date | None = None,
    *,
    input_format: str = "auto",
    key: str | None = None,
) -> Iterator[AuditDoc]:
    """The records of a JSONL archive; bad lines and records without text as errors.

    A record's key is `KEY#ID` (`key` defaults to the archive's path as given). Keys are
    not yet made unique across the archive: `iter_documents` does that."""
    base = key or path
    try:
        handle = _open_archive(path)
    except OSError as exc:
        yield AuditDoc(path, None, None, error=f"{path}: cannot read ({exc.strerror or exc})")
        return
    limit = sources.max_bytes()
    with handle:
        try:
            for number, raw in enumerate(_capped_lines(handle, limit), start=1):
                if raw is None:  # a record past the size cap: never held in memory
                    error = f"{path}:{number}: record larger than the size limit of {limit:,} bytes"
                    yield AuditDoc(f"{base}#{number}", None, None, kind="record", error=error,
                                   line=number)  # fmt: skip
                elif raw.strip():
                    yield _safe_record(path, number, raw, reference_date, input_format, base)
        except (OSError, EOFError, zlib.error) as exc:  # e.g. a truncated .gz
            yield AuditDoc(path, None, None, error=f"{path}: cannot read ({exc})")


def _capped_lines(handle: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of an archive, each None when longer than `limit` bytes (read past in
    pieces, never whole)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
            yield None
        else:
            yield line


def _safe_record(
    archive: str,
    number: int,
    raw: bytes,
    reference_date: date | None,
    input_format: str,
    base: str,
) -> AuditDoc:
    """`_record`, with any failure that record's error (a trace under FACTCHECK_DEBUG=1):
    one bad record never ends the audit."""
    try:
        return _record(archive, number, raw, reference_date, input_format, base)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:
        debug_trace()
        error = f"{archive}:{number}: internal error: {type(exc).__name__}: {exc}"
        return _bad_record(f"{base}#{number}", raw, number, error)


def _record(
    archive: str,
    number: int,
    raw: bytes,
    reference_date: date | None,
    input_format: str,
    base: str,
) -> AuditDoc:
    """One archive line as a document (keyed `base#ID`)."""
    where = f"{archive}:{number}"
    line_key = f"{base}#{number}"
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        return _bad_record(line_key, raw, number, f"{where}: invalid JSON ({reason})")
    except RecursionError:  # "[[[[...": json's decoder recurses per level
        return _bad_record(line_key, raw, number, f"{where}: invalid JSON (nested too deep)")
    if not isinstance(record, dict):
        return _bad_record(line_key, raw, number, f"{where}: a record must be a JSON object")
    ident = _first_text(record, ("id", "doc_id", "path", "url"))
    key = f"{base}#{ident}" if ident is not None else line_key
    location = _first_text(record, ("url", "path"))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return _bad_record(key, raw, number, f"{where}: record has no text", location)
    bad = _lone_surrogate(text)
    if bad is not None:  # "\ud800" is valid JSON but no Unicode text: nothing can store it
        escaped = text[bad].encode("unicode_escape").decode("ascii")
        message = f"{where}: text holds a lone surrogate ({escaped}) at character {bad + 1}"
        return _bad_record(key, raw, number, message, location)
    try:
        ref = _record_date(record, reference_date)
    except ValueError as exc:
        return _bad_record(key, raw, number, f"{where}: {exc}", location)
    fmt = _record_format(record, _first_text(record, ("path",)), input_format)
    sha = _sha256(text.encode("utf-8", "surrogatepass"))
    return AuditDoc(key, text, sha, ref, fmt, kind="record", location=location, line=number)


def _lone_surrogate(text: str) -> int | None:
    """Where the first lone surrogate of a text is, or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


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


def _record_format(record: dict[str, Any], path: str | None, input_format: str) -> str:
    """The record's `format`, else --input-format, else by its `path`'s extension, else
    text. A `url` never decides: a page's address (`…/story.html`) says nothing of how
    its text was exported."""
    given = record.get("format")
    if isinstance(given, str) and given in FORMATS:
        return given
    if input_format != "auto":
        return input_format
    return detect_format(path) if path else "text"


def input_bytes(paths: Iterable[str], exclude: Iterable[str] = (), limit: int | None = None) -> int:
    """The inputs' size on disk (a gzipped archive counts four times its size), summed
    until it reaches `limit`: enough to tell a small audit from a large one."""
    total = 0
    for target in expand_inputs(paths, tuple(exclude)):
        try:
            size = os.path.getsize(target.path)
        except OSError:
            continue
        total += size * 4 if target.path.lower().endswith(".gz") else size
        if limit is not None and total >= limit:
            break
    return total


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
