"""The SQLite store of an audit (WAL; a `files` row per document, a `claims` row per
claim; a batch of documents per transaction) and its exports (JSONL, CSV)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timezone
from functools import cache
from typing import IO, Any

from .audit_engines import AuditSettings, DocResult
from .audit_inputs import AuditDoc
from .errors import FactcheckError
from .report import VERDICTS

SCHEMA_VERSION = 2  # 2: status 'gone' (a document no longer there, after --resume)
WAL_CHECKPOINT_PAGES = 10_000

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
    status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'gone')),
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
META_TABLE = "CREATE TABLE IF NOT EXISTS meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)"


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
        if version == 1 and create:
            self._migrate_v1()
            version = SCHEMA_VERSION
        if version not in (0, 1, SCHEMA_VERSION):
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

    def _migrate_v1(self) -> None:
        """Schema 1 -> 2: the files table's status may be 'gone' (SQLite cannot change a
        CHECK constraint: the table is rebuilt, in one transaction)."""
        files_table = SCHEMA[SCHEMA.index("CREATE TABLE IF NOT EXISTS files") :]
        files_table = files_table[: files_table.index(");") + 2]
        self.db.executescript(
            "BEGIN; ALTER TABLE files RENAME TO files_v1; "
            f"{files_table} INSERT INTO files SELECT * FROM files_v1; DROP TABLE files_v1; "
            f"PRAGMA user_version={SCHEMA_VERSION}; COMMIT;"
        )

    def mark_gone(self, seen: set[str], archives: set[str]) -> int:
        """After a resumed run: documents recorded before that are no longer there (a file
        deleted, a record no longer in an archive read again) are marked `gone`, their
        claims dropped (reports and exports leave them out). How many were."""
        rows = self.db.execute(
            "SELECT path, kind, location FROM files WHERE status != 'gone'"
        ).fetchall()
        gone = [
            path
            for path, kind, location in rows
            if path not in seen
            and (
                (kind == "file" and location and not os.path.lexists(location))
                or (kind == "record" and path.split("#", 1)[0] in archives)
            )
        ]
        with self.transaction():
            self.db.executemany("DELETE FROM claims WHERE path = ?", [(p,) for p in gone])
            self.db.executemany(
                "UPDATE files SET status = 'gone', error = NULL, claims = 0 WHERE path = ?",
                [(p,) for p in gone],
            )
        return len(gone)

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

    def set_meta(self, values: dict[str, Any]) -> None:
        """Record facts about the run (JSON values by key: its date, the timeline, the
        options) for the report. The table is added to older databases on first use."""
        with self.transaction():
            self.db.execute(META_TABLE)
            self.db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()],
            )

    def meta(self) -> dict[str, Any]:
        """What `set_meta` recorded (empty for a database written before it existed)."""
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
        if "meta" not in tables:
            return {}
        return {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM meta")}

    def files(self) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute(
            f"SELECT {_names(FILE_COLUMNS)} FROM files WHERE status != 'gone' ORDER BY path"
        )
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
