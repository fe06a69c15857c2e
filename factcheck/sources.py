"""Reading input documents: paths to files, decoding, and directory walks.

Text is decoded as UTF-8 (a BOM is dropped). Text that is not UTF-8 falls back
to Windows-1252, then Latin-1, and the document says so in `warning`. Files
that look binary (NUL bytes, or mostly control characters) are refused with an
`InputError`. Directories are walked for the file types in `TEXT_SUFFIXES`,
following links to directories but never into a loop, and skipping hidden
folders, `DEFAULT_SKIPPED_DIRS`, `exclude` globs and what `.gitignore` files
exclude (those of the repository the walk is in, as git reads them).
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

import pathspec

from .errors import InputError
from .limits import DEFAULT_MAX_BYTES

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
STDIN = "-"
_SNIFF = 8192


@dataclass(frozen=True)
class Document:
    """A document as read: its text after decoding, and how it was decoded."""

    path: str
    text: str
    encoding: str = "utf-8"
    warning: str | None = None


@dataclass(frozen=True)
class Target:
    """One input found by `iter_targets`: a path to read, or an error found walking."""

    path: str
    error: str | None = None


def decode(data: bytes, path: str = "<bytes>") -> Document:
    """Bytes to a Document; raises InputError for binary data."""
    head = data[:_SNIFF]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Document(path, data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: invalid UTF-16 text ({exc.reason})") from None
    if b"\x00" in head or _mostly_control(head):
        raise InputError(f"{path}: binary file, not text")
    try:
        return Document(path, data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        note = f"{path}: not valid UTF-8 (at {where}); read as {encoding}"
        return Document(path, text, encoding, note)
    raise InputError(f"{path}: cannot decode text")  # pragma: no cover - latin-1 always decodes


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # not tab, LF, FF, CR


def _mostly_control(head: bytes) -> bool:
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL))  # counted in C
    return control / len(head) > 0.1


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is ("a FIFO", "a character device" ...)."""
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def special_file(path: str) -> str | None:
    """The error of a path that names a FIFO, device or socket (never to be opened), or
    None for anything else (a regular file, a directory, standard input, a missing path:
    those are read, walked or reported where they are)."""
    if path == STDIN:
        return None
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return f"{path}: not a regular file ({special_kind(mode)})"


def max_bytes() -> int:
    """The size cap of one input, in bytes: FACTCHECK_MAX_SIZE (set by --max-size), else
    `limits.DEFAULT_MAX_BYTES`."""
    value = os.environ.get("FACTCHECK_MAX_SIZE", "")
    return parse_size(value) if value else DEFAULT_MAX_BYTES


def parse_size(value: str) -> int:
    """A size such as 20000000, 500K, 20M or 1G (bytes, powers of 1000); ValueError."""
    text = value.strip().upper().removesuffix("B")
    factor = {"K": 10**3, "M": 10**6, "G": 10**9}.get(text[-1:], 1)
    number = float(text[:-1] if factor > 1 else text)
    if number <= 0:
        raise ValueError(f"invalid size {value!r}")
    return int(number * factor)


def _too_large(path: str, limit: int) -> InputError:
    return InputError(
        f"{path}: larger than the size limit of {limit:,} bytes (--max-size, FACTCHECK_MAX_SIZE)"
    )


def read_capped(handle: BinaryIO, path: str, limit: int | None = None) -> bytes:
    """At most `limit` bytes of an open file (default: `max_bytes()`); InputError past it
    (a larger file, /dev/zero), having read no more than the limit and one byte."""
    limit = max_bytes() if limit is None else limit
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise _too_large(path, limit)
    return data


def read_bytes(path: str) -> bytes:
    """The bytes of a regular file, at most `max_bytes()`; raises InputError with a clear
    message (a FIFO, a device or a socket is refused before it is opened: reading one
    could block for ever or never end)."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise InputError(f"{path}: not a regular file ({special_kind(mode)})")
        limit = max_bytes()
        if stat.S_ISREG(mode) and os.stat(path).st_size > limit:
            raise _too_large(path, limit)
        with open(path, "rb") as handle:
            return read_capped(handle, path, limit)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_document(path: str) -> Document:
    """Read one file (or standard input for "-"); raises InputError."""
    if path == STDIN:
        return decode(read_capped(sys.stdin.buffer, "<stdin>"), "<stdin>")
    return decode(read_bytes(path), path)


DEFAULT_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
"""Folders a walk never enters (besides hidden ones, `.git` among them)."""


def iter_targets(
    paths: Iterable[str],
    exclude: tuple[str, ...] = (),
    *,
    gitignore: bool = True,
    force_exclude: bool = False,
) -> Iterator[Target]:
    """Expand command-line paths: files as given, directories walked (without the files
    matching an `exclude` glob, those a `.gitignore` excludes when `gitignore`, hidden
    folders and `DEFAULT_SKIPPED_DIRS`), errors as targets. A file named here is kept
    whatever `exclude` says unless `force_exclude` (as pre-commit wants)."""
    for path in paths:
        if path == STDIN:
            yield Target(path)
        elif os.path.isdir(path):
            yield from _walk(path, exclude, gitignore)
        elif os.path.lexists(path) or os.path.exists(path):
            if force_exclude and (
                _excluded(path, os.path.dirname(path) or os.curdir, exclude)
                or (gitignore and _ignored(_ignores_above(_real_dir(path)), path, False))
            ):
                continue
            yield Target(path)
        else:
            yield Target(path, f"{path}: no such file or directory")


def _real(path: str) -> str:
    """The absolute path with its folder resolved (links, `.`, `..`); a link to a file
    keeps its own name."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(os.path.realpath(folder), name)


def _real_dir(path: str) -> str:
    return os.path.dirname(_real(path))


def _excluded(path: str, root: str, patterns: tuple[str, ...]) -> bool:
    """Does a glob match the path however it is spelt: as given (normalised), below the
    walked root, below the working directory, absolute, or its name? A pattern ending in
    `/` (or naming a folder) matches everything below that folder."""
    if not patterns:
        return False
    real = _real(path)
    candidates = {
        os.path.normpath(path),
        os.path.relpath(path, root),
        os.path.basename(path),
        real,
    }
    with contextlib.suppress(ValueError):  # another drive (Windows)
        candidates.add(os.path.relpath(real, os.path.realpath(os.curdir)))
    if os.sep != "/":
        candidates |= {c.replace(os.sep, "/") for c in candidates}
    return any(
        fnmatch.fnmatch(c, p) or fnmatch.fnmatch(c, p.rstrip("/") + "/*")
        for c in candidates
        for p in patterns
    )


# --- .gitignore ------------------------------------------------------------------------

_Ignores = tuple[tuple[str, "pathspec.PathSpec"], ...]


def _gitignore_spec(folder: str) -> pathspec.PathSpec | None:
    path = os.path.join(folder, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
    except OSError:
        return None


@functools.lru_cache(maxsize=256)
def _ignores_above(folder: str) -> _Ignores:
    """The .gitignore files that apply in `folder` (a resolved path): its own and those
    of its parents up to the repository's root (the folder holding `.git`). Outside a
    repository, the folder's own only."""
    chain = [folder]
    here = folder
    while not os.path.exists(os.path.join(here, ".git")):
        parent = os.path.dirname(here)
        if parent == here:  # no repository: only the folder itself
            chain = [folder]
            break
        here = parent
        chain.append(here)
    out = []
    for base in reversed(chain):
        spec = _gitignore_spec(base)
        if spec is not None:
            out.append((base, spec))
    return tuple(out)


def _ignored(ignores: _Ignores, path: str, is_dir: bool) -> bool:
    """Does the last .gitignore pattern that matches `path` exclude it?"""
    real = _real(path)
    result = None
    for base, spec in ignores:
        rel = os.path.relpath(real, base).replace(os.sep, "/")
        if rel.startswith("../"):
            continue
        include = spec.check_file(rel + "/" if is_dir else rel).include
        if include is not None:
            result = include
    return bool(result)


def _regular(entry: os.DirEntry[str]) -> bool:
    """Is a walked entry a regular file (through links)? Not: warn, and skip it."""
    try:
        mode = os.stat(entry.path).st_mode
    except OSError:
        return True  # a broken link: reading it reports the error
    if stat.S_ISREG(mode):
        return True
    print(
        f"factcheck: warning: {entry.path}: skipped: not a regular file ({special_kind(mode)})",
        file=sys.stderr,
    )
    return False


def _walk(root: str, exclude: tuple[str, ...] = (), gitignore: bool = True) -> Iterator[Target]:
    """Files below `root` with a text suffix, sorted, each directory visited once."""
    seen: set[tuple[int, int]] = set()
    first: _Ignores = _ignores_above(os.path.realpath(root)) if gitignore else ()
    stack: list[tuple[str, _Ignores]] = [(root, first)]
    while stack:
        folder, ignores = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            yield Target(folder, f"{folder}: cannot read directory ({exc.strerror or exc})")
            continue
        if (st.st_dev, st.st_ino) in seen:
            continue  # a link back to a directory already walked: a loop
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Target(folder, f"{folder}: cannot read directory ({exc.strerror or exc})")
            continue
        if gitignore and folder != root:
            spec = _gitignore_spec(os.path.realpath(folder))
            if spec is not None:
                ignores = (*ignores, (os.path.realpath(folder), spec))
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            full = os.path.join(folder, entry.name)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name in DEFAULT_SKIPPED_DIRS or _excluded(full, root, exclude):
                    continue
                if ignores and _ignored(ignores, full, True):
                    continue
                subdirs.append((full, ignores))
            elif entry.name.lower().endswith(TEXT_SUFFIXES):
                if _excluded(full, root, exclude) or (ignores and _ignored(ignores, full, False)):
                    continue
                if not _regular(entry):  # a FIFO would block the walk for ever
                    continue
                yield Target(full)
        stack.extend(reversed(subdirs))
