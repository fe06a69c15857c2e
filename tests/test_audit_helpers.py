"""Shared pieces of the `factcheck audit` tests (no tests here): a timeline, texts, a corpus."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from helpers import SYNTHETIC

TIMELINE = SYNTHETIC

SUPPORTED = "The Legion mutiny began on 23 June 2023 in Ostrava."
CONFLATED = "The Legion mutiny began in July 2020, when Ivan Dorokhov's fighters marched."
CONTRADICTED = "The Kelso dam collapse happened in 2017."
UNVERIFIABLE = "Nothing happened on 3 May 2001 at the market."
WEEKDAY = "The Kelso dam collapse happened on Saturday, officials said."


def write_timeline(folder: Path) -> Path:
    path = folder / "timeline.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    return path


def write_jsonl(path: Path, records: list[Any]) -> Path:
    """Records (dicts, or raw strings written as they are) one a line."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_corpus(root: Path) -> dict[str, Path]:
    """Files in a directory, files for a glob, and an archive with good and bad records."""
    docs = root / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(SUPPORTED + "\n\n" + CONTRADICTED + "\n", encoding="utf-8")
    (docs / "sub" / "b.md").write_text("# Notes\n\n" + CONFLATED + "\n", encoding="utf-8")
    (docs / "skip.bin").write_bytes(b"\x00\x01")  # not a text suffix: not walked
    globbed = root / "globbed"
    globbed.mkdir()
    for n in range(2):
        (globbed / f"g{n}.txt").write_text(UNVERIFIABLE + "\n", encoding="utf-8")
    single = root / "single.txt"
    single.write_text(CONTRADICTED + "\n", encoding="utf-8")
    archive = write_jsonl(
        root / "archive.jsonl",
        [
            {"id": "r1", "text": SUPPORTED, "date": "2023-07-01"},
            {"id": 2, "text": WEEKDAY, "date": "2015-03-16"},
            {"path": "news/c.txt", "text": CONTRADICTED},
            {"url": "https://example.org/story", "text": CONFLATED},
            {"text": UNVERIFIABLE},
            {"id": "empty", "text": "  "},
            "{not json",
            "[1, 2]",
            {"id": "baddate", "text": SUPPORTED, "date": "yesterday"},
        ],
    )
    return {"docs": docs, "globbed": globbed, "single": single, "archive": archive}


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def claim_set(db: Path) -> set[tuple[Any, ...]]:
    return set(rows(db, 'SELECT path, line, "column", verdict, fingerprint FROM claims'))


def file_set(db: Path) -> set[tuple[Any, ...]]:
    return set(rows(db, "SELECT path, sha256, status, error, claims, reference_date FROM files"))
