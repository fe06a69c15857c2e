"""Reading input documents: paths to files, decoding, and directory walks.

Text is decoded as UTF-8 (a BOM is dropped). Text that is not UTF-8 falls back
to Windows-1252, then Latin-1, and the document says so in `warning`. Files
that look binary (NUL bytes, or mostly control characters) are refused with an
`InputError`. Directories are walked for the file types in `TEXT_SUFFIXES`,
following links to directories but never into a loop.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import InputError

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


def read_bytes(path: str) -> bytes:
    """The bytes of a file; raises InputError with a clear message."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
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
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return decode(read_bytes(path), path)


def iter_targets(paths: Iterable[str], exclude: tuple[str, ...] = ()) -> Iterator[Target]:
    """Expand command-line paths: files as given, directories walked (without the files
    matching an `exclude` glob), errors as targets."""
    for path in paths:
        if path == STDIN:
            yield Target(path)
        elif os.path.isdir(path):
            yield from (t for t in _walk(path) if not _excluded(t.path, path, exclude))
        elif os.path.lexists(path) or os.path.exists(path):
            yield Target(path)
        else:
            yield Target(path, f"{path}: no such file or directory")


def _excluded(path: str, root: str, patterns: tuple[str, ...]) -> bool:
    """Does a glob match the path, its path below the walked root, or its name?"""
    if not patterns:
        return False
    rel = os.path.relpath(path, root)
    candidates = {path, rel, os.path.basename(path), path.replace(os.sep, "/")}
    return any(
        fnmatch.fnmatch(c, p) or fnmatch.fnmatch(c, p.rstrip("/") + "/*")
        for c in candidates
        for p in patterns
    )


def _walk(root: str) -> Iterator[Target]:
    """Files below `root` with a text suffix, sorted, each directory visited once."""
    seen: set[tuple[int, int]] = set()

    stack = [root]
    while stack:
        folder = stack.pop()
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
                subdirs.append(full)
            elif entry.name.lower().endswith(TEXT_SUFFIXES):
                yield Target(full)
        stack.extend(reversed(subdirs))
