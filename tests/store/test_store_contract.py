"""One contract for every store backend (SQLite here; PostgreSQL joins the `store` fixture)."""

import sqlite3
from collections.abc import Iterator

import pytest

from pipeline.errors import StoreError
from pipeline.store import SQLiteStore, Store
from pipeline.types import Document, Flag, InputError, ScreeningResult, Span, make_doc_id

TEXT = "被告人王某某，男，公民身份号码110101199003071234。辩护人提出被告人供述系刑讯逼供所得。"


def _flag(code: str, family: str = "defect", severity: str = "medium", conf: float = 0.8) -> Flag:
    start = TEXT.index("公民")
    return Flag(code, family, severity, conf, [Span(start, start + 6, TEXT[start : start + 6])],
                "《刑事诉讼法》第五十六条", "reason", "test", "1")


def _result(flags: list[Flag], version: str = "v1", text: str = TEXT) -> ScreeningResult:
    doc = Document(make_doc_id(text), "cases/a.txt", text)
    return ScreeningResult(doc, "indictment", "defective" if flags else "pass", flags, version)


@pytest.fixture(params=["sqlite"])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    s = SQLiteStore(tmp_path / "q.db")
    yield s
    s.close()


def test_rescreen_updates_never_duplicates(store: Store) -> None:
    run = store.start_run(["cases"], "v1")
    store.save_result(_result([_flag("identity_mismatch"), _flag("illegal_evidence", "violation", "high")]), run)
    store.save_result(_result([_flag("identity_mismatch"), _flag("illegal_evidence", "violation", "high")]), run)
    stats = store.stats()
    assert stats["documents"] == 1
    assert stats["flags"] == 2
    assert sum(stats["queue"].values()) == 2


def test_queue_orders_by_priority_and_explains(store: Store) -> None:
    run = store.start_run(["cases"], "v1")
    store.save_result(_result([_flag("identity_mismatch", conf=0.9), _flag("illegal_evidence", "violation", "high")]),
                      run)
    rows = store.queue(limit=10)
    assert [r.code for r in rows] == ["illegal_evidence", "identity_mismatch"]
    assert rows[0].priority > rows[1].priority
    assert "severity high" in rows[0].why
    assert rows[0].evidence == "公民身份号码"


def test_finding_gone_after_rescreen_leaves_open_queue(store: Store) -> None:
    run = store.start_run(["cases"], "v1")
    store.save_result(_result([_flag("identity_mismatch"), _flag("typo", severity="low")]), run)
    store.save_result(_result([_flag("identity_mismatch")]), run)
    assert [r.code for r in store.queue()] == ["identity_mismatch"]
    assert [r.code for r in store.queue(statuses=("obsolete",))] == ["typo"]
    store.save_result(_result([_flag("identity_mismatch"), _flag("typo", severity="low")]), run)
    assert {r.code for r in store.queue()} == {"identity_mismatch", "typo"}


def test_is_screened_depends_on_pipeline_version(store: Store) -> None:
    run = store.start_run(["cases"], "v1")
    res = _result([])
    store.save_result(res, run)
    assert store.is_screened(res.document.doc_id, "v1")
    assert not store.is_screened(res.document.doc_id, "v2")


def test_errors_are_upserted_and_cleared_when_the_source_succeeds(store: Store) -> None:
    run = store.start_run(["cases"], "v1")
    store.save_error(InputError("cases/a.txt", "empty file"), run)
    store.save_error(InputError("cases/a.txt", "empty file (again)"), run)
    assert [e["reason"] for e in store.errors()] == ["empty file (again)"]
    store.save_result(_result([]), run)
    assert store.errors() == []


def test_export_rows_carry_evidence_and_status(store: Store) -> None:
    run = store.start_run(["cases"], "v1")
    store.save_result(_result([_flag("identity_mismatch")]), run)
    (row,) = list(store.iter_flags())
    assert row["status"] == "open"
    ev = row["evidence"][0]
    assert TEXT[ev["start"] : ev["end"]] == ev["text"]


def test_run_is_recorded(store: Store) -> None:
    run = store.start_run(["cases"], "v1")
    store.finish_run(run, screened=3, skipped=1, errors=2, status="done")
    assert store.stats()["documents"] == 0


# -- SQLite specifics -------------------------------------------------------------------------------
def test_sqlite_uses_wal_and_current_schema(tmp_path) -> None:
    path = tmp_path / "q.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 1
    db.close()
    SQLiteStore(path).close()  # reopening migrates nothing and keeps working


def test_sqlite_refuses_a_newer_schema(tmp_path) -> None:
    path = tmp_path / "q.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 999")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_sqlite_refuses_a_file_that_is_not_a_database(tmp_path) -> None:
    path = tmp_path / "q.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable"):
        SQLiteStore(path)
