"""Flag list exports: CSV that Excel opens correctly (UTF-8 with BOM) and JSONL."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .mask import mask_text

CSV_COLUMNS = [
    "doc_id", "source", "doc_type", "grade", "code", "family", "severity", "confidence", "priority",
    "status", "evidence", "reason", "basis", "detector", "detector_version",
]


def _masked(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["evidence"] = [{**e, "text": mask_text(e["text"])} for e in row["evidence"]]
    row["reason"] = mask_text(row["reason"])
    row.pop("meta", None)  # metadata columns may carry names and addresses
    return row


def excel_safe(value: Any) -> Any:
    # A cell starting with = + - @ is run as a formula by spreadsheet programs (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: Path, *, mask: bool = False) -> int:
    n = 0
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            row = _masked(row) if mask else row
            cells = dict(row, evidence=" | ".join(e["text"] for e in row["evidence"]))
            writer.writerow([excel_safe(cells.get(c, "")) for c in CSV_COLUMNS])
            n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: Path, *, mask: bool = False) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(_masked(row) if mask else row, ensure_ascii=False) + "\n")
            n += 1
    return n


WRITERS = {"csv": write_csv, "jsonl": write_jsonl}
