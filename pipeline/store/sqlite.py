"""SQLite queue store: WAL, numbered migrations (PRAGMA user_version), one transaction per document."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..triage import priority
from ..types import Flag, InputError, ScreeningResult
from .base import QueueRow, Store

MIGRATIONS: list[str] = [
    # 1: initial schema
    """
    CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        pipeline_version TEXT NOT NULL,
        inputs TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'running',
        screened INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        grade TEXT NOT NULL,
        fmt TEXT,
        encoding TEXT,
        chars INTEGER NOT NULL,
        meta TEXT NOT NULL,
        raw TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        run_id TEXT NOT NULL REFERENCES runs(run_id),
        screened_at TEXT NOT NULL
    );
    CREATE TABLE document_sources (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        PRIMARY KEY (doc_id, source)
    );
    CREATE TABLE flags (
        flag_id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        family TEXT NOT NULL,
        severity TEXT NOT NULL,
        confidence REAL NOT NULL,
        evidence TEXT NOT NULL,
        basis TEXT NOT NULL,
        reason TEXT NOT NULL,
        detector TEXT NOT NULL,
        detector_version TEXT NOT NULL,
        pipeline_version TEXT NOT NULL
    );
    CREATE INDEX flags_doc ON flags(doc_id);
    CREATE TABLE errors (
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        run_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (source, stage)
    );
    CREATE TABLE queue_items (
        item_id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        family TEXT NOT NULL,
        severity TEXT NOT NULL,
        confidence REAL NOT NULL,
        priority REAL NOT NULL,
        why TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        assignee TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (doc_id, code)
    );
    CREATE INDEX queue_open ON queue_items(status, priority DESC);
    """,
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"folder {self.path.parent} does not exist; create it or choose another --db path")
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path} is not a usable pingcha SQLite database: {e}") from e

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this pingcha knows "
                f"({len(MIGRATIONS)}); upgrade pingcha"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._tx():
                for statement in filter(str.strip, script.split(";")):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")

    def _tx(self) -> sqlite3.Connection:
        return _Transaction(self.db)  # type: ignore[return-value]

    # -- runs -------------------------------------------------------------------------------------
    def start_run(self, inputs: list[str], pipeline_version: str) -> str:
        run_id = uuid.uuid4().hex[:12]
        with self._tx():
            self.db.execute(
                "INSERT INTO runs (run_id, started_at, pipeline_version, inputs) VALUES (?, ?, ?, ?)",
                (run_id, _now(), pipeline_version, json.dumps(inputs, ensure_ascii=False)),
            )
        return run_id

    def finish_run(self, run_id: str, *, screened: int, skipped: int, errors: int, status: str) -> None:
        with self._tx():
            self.db.execute(
                "UPDATE runs SET finished_at=?, screened=?, skipped=?, errors=?, status=? WHERE run_id=?",
                (_now(), screened, skipped, errors, status, run_id),
            )

    # -- documents and flags ----------------------------------------------------------------------
    def is_screened(self, doc_id: str, pipeline_version: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM documents WHERE doc_id=? AND pipeline_version=?", (doc_id, pipeline_version)
        ).fetchone()
        return row is not None

    def add_source(self, doc_id: str, source: str) -> None:
        with self._tx():
            self.db.execute("INSERT OR IGNORE INTO document_sources VALUES (?, ?)", (doc_id, source))
            self.db.execute("DELETE FROM errors WHERE source=?", (source,))

    def save_result(self, result: ScreeningResult, run_id: str) -> None:
        doc = result.document
        now = _now()
        with self._tx():
            self.db.execute(
                """INSERT INTO documents (doc_id, source, doc_type, grade, fmt, encoding, chars, meta, raw,
                                          pipeline_version, run_id, screened_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(doc_id) DO UPDATE SET doc_type=excluded.doc_type, grade=excluded.grade,
                     pipeline_version=excluded.pipeline_version, run_id=excluded.run_id,
                     screened_at=excluded.screened_at, meta=excluded.meta""",
                (
                    doc.doc_id, doc.source, result.doc_type, result.grade, doc.fmt, doc.encoding,
                    len(doc.raw), json.dumps(doc.meta, ensure_ascii=False, default=str), doc.raw,
                    result.pipeline_version, run_id, now,
                ),
            )
            self.db.execute("INSERT OR IGNORE INTO document_sources VALUES (?, ?)", (doc.doc_id, doc.source))
            self.db.execute("DELETE FROM errors WHERE source=?", (doc.source,))
            self.db.execute("DELETE FROM flags WHERE doc_id=?", (doc.doc_id,))
            self.db.executemany(
                """INSERT INTO flags (doc_id, code, family, severity, confidence, evidence, basis, reason,
                                      detector, detector_version, pipeline_version)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    (
                        doc.doc_id, f.code, f.family, f.severity, f.confidence,
                        json.dumps([[e.start, e.end, e.text] for e in f.evidence], ensure_ascii=False),
                        f.basis, f.reason, f.detector, f.detector_version, result.pipeline_version,
                    )
                    for f in result.flags
                ],
            )
            self._update_queue(doc.doc_id, result.flags, now)

    def _update_queue(self, doc_id: str, flags: list[Flag], now: str) -> None:
        by_code: dict[str, list[Flag]] = defaultdict(list)
        for f in flags:
            by_code[f.code].append(f)
        for code, group in by_code.items():
            p = priority(group)
            top = max(group, key=lambda f: f.confidence)
            self.db.execute(
                """INSERT INTO queue_items (doc_id, code, family, severity, confidence, priority, why,
                                            created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(doc_id, code) DO UPDATE SET family=excluded.family,
                     severity=excluded.severity, confidence=excluded.confidence, priority=excluded.priority,
                     why=excluded.why, updated_at=excluded.updated_at,
                     status=CASE WHEN queue_items.status='obsolete' THEN 'open' ELSE queue_items.status END""",
                (doc_id, code, top.family, top.severity, top.confidence, p.score, p.why, now, now),
            )
        # A finding a re-screen no longer produces leaves the open queue; reviewed items keep their verdict.
        placeholders = ",".join("?" * len(by_code)) or "''"
        self.db.execute(
            f"""UPDATE queue_items SET status='obsolete', updated_at=?
                WHERE doc_id=? AND status IN ('open', 'snoozed') AND code NOT IN ({placeholders})""",
            (now, doc_id, *by_code),
        )

    def save_error(self, error: InputError, run_id: str, stage: str = "ingest") -> None:
        with self._tx():
            self.db.execute(
                """INSERT INTO errors (source, stage, reason, run_id, at) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(source, stage) DO UPDATE SET reason=excluded.reason,
                     run_id=excluded.run_id, at=excluded.at""",
                (error.source, stage, error.reason, run_id, _now()),
            )

    # -- reading ----------------------------------------------------------------------------------
    def queue(
        self, *, limit: int = 20, statuses: tuple[str, ...] = ("open",), code: str | None = None
    ) -> list[QueueRow]:
        sql = f"""SELECT q.item_id, q.doc_id, d.source, d.doc_type, d.grade, q.code, q.family, q.severity,
                         q.confidence, q.priority, q.why, q.status,
                         (SELECT f.reason FROM flags f WHERE f.doc_id=q.doc_id AND f.code=q.code
                            ORDER BY f.confidence DESC, f.flag_id LIMIT 1) AS reason,
                         (SELECT f.evidence FROM flags f WHERE f.doc_id=q.doc_id AND f.code=q.code
                            ORDER BY f.confidence DESC, f.flag_id LIMIT 1) AS evidence
                  FROM queue_items q JOIN documents d ON d.doc_id = q.doc_id
                  WHERE q.status IN ({",".join("?" * len(statuses))})
                  {"AND q.code = ?" if code else ""}
                  ORDER BY q.priority DESC, q.item_id
                  LIMIT ?"""
        params: list[Any] = [*statuses, *([code] if code else []), limit]
        rows = []
        for r in self.db.execute(sql, params):
            ev = json.loads(r["evidence"] or "[]")
            fields = {k: v for k, v in dict(r).items() if k not in ("evidence", "reason")}
            rows.append(QueueRow(**fields, reason=r["reason"] or "", evidence=ev[0][2] if ev else ""))
        return rows

    def iter_flags(self) -> Iterator[dict[str, Any]]:
        sql = """SELECT f.doc_id, d.source, d.doc_type, d.grade, f.code, f.family, f.severity, f.confidence,
                        f.evidence, f.basis, f.reason, f.detector, f.detector_version, f.pipeline_version,
                        q.status, q.priority, d.meta
                 FROM flags f JOIN documents d ON d.doc_id = f.doc_id
                 LEFT JOIN queue_items q ON q.doc_id = f.doc_id AND q.code = f.code
                 ORDER BY q.priority DESC, f.doc_id, f.flag_id"""
        for r in self.db.execute(sql):
            row = dict(r)
            row["evidence"] = [{"start": s, "end": e, "text": t} for s, e, t in json.loads(row["evidence"])]
            row["meta"] = json.loads(row["meta"])
            yield row

    def errors(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM errors ORDER BY source, stage")]

    def stats(self) -> dict[str, Any]:
        one = self.db.execute
        return {
            "documents": one("SELECT COUNT(*) FROM documents").fetchone()[0],
            "flags": one("SELECT COUNT(*) FROM flags").fetchone()[0],
            "errors": one("SELECT COUNT(*) FROM errors").fetchone()[0],
            "grades": dict(one("SELECT grade, COUNT(*) FROM documents GROUP BY grade").fetchall()),
            "queue": dict(one("SELECT status, COUNT(*) FROM queue_items GROUP BY status").fetchall()),
            "flags_by_code": dict(
                one("SELECT code, COUNT(*) FROM flags GROUP BY code ORDER BY 2 DESC").fetchall()
            ),
        }

    def close(self) -> None:
        self.db.close()


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT/ROLLBACK; IMMEDIATE so two writers queue up instead of deadlocking."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
