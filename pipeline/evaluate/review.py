"""Review sheets: flags on real text, with context, for a person to mark right / wrong / unsure; then scoring.

Real text has no gold labels, so precision on it is measured by people: `sheet_rows` turns screening
results into one row per flag (evidence bracketed 【】 in ±60 characters of context), `sample_rows` keeps
a manageable random sample per code, `write_sheet` writes a CSV that Excel opens (UTF-8 with BOM,
formula-like cells neutralised), and `score_sheet` turns the marked verdicts into precision per code with
Wilson 95% intervals. The real corpora live outside the repository (../shared/corpus/cases); reading them
is only for this workflow and never copies their text into the repository.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import PingchaError
from ..export import excel_safe
from ..paths import REPO_ROOT
from ..types import Document, InputError, ScreeningResult, Span, make_doc_id

DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "cases"
SHEET_COLUMNS = [
    "sheet_id", "source", "doc_type", "code", "confidence", "evidence", "context", "reason", "basis", "verdict", "note",
]  # fmt: skip
CONTEXT_CHARS = 60
VERDICTS = {
    "right": "right", "r": "right", "对": "right", "正确": "right",
    "wrong": "wrong", "w": "wrong", "错": "wrong", "错误": "wrong",
    "unsure": "unsure", "u": "unsure", "?": "unsure", "？": "unsure", "不确定": "unsure",
}  # fmt: skip
Z95 = 1.959964
_NEWLINE = re.compile(r"\r\n|\r|\n")


class SheetError(PingchaError):
    """A review sheet is unreadable or carries a verdict that is not right / wrong / unsure."""


# -- reading the real corpora -----------------------------------------------------------------------
def iter_corpus_documents(root: Path) -> Iterator[Document | InputError]:
    """LeCaRDv2 judgments (JSON lines, 'query' = judgment text) and guiding cases (Markdown), in a stable order."""
    for path in sorted(root.glob("lecardv2/query/*.json")):
        yield from _lecard_lines(path, root)
    for path in sorted(root.glob("*_guiding_cases/*.md")):
        source = str(path.relative_to(root))
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            yield InputError(source, f"expected a readable UTF-8 Markdown file, found: {e}")
            continue
        if text.strip():
            yield Document(make_doc_id(text), source, text, fmt="md", encoding="utf-8")


def _lecard_lines(path: Path, root: Path) -> Iterator[Document | InputError]:
    name = str(path.relative_to(root))
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                yield InputError(f"{name}:{lineno}", f"expected a JSON object per line, found invalid JSON ({e})")
                continue
            text = record.get("query") if isinstance(record, dict) else None
            if not isinstance(text, str) or not text.strip():
                yield InputError(f"{name}:{lineno}", "expected a non-empty 'query' text")
                continue
            yield Document(make_doc_id(text), f"{name}#{record.get('id', lineno)}", text, fmt="jsonl")


# -- building a sheet -------------------------------------------------------------------------------
def _one_line(text: str) -> str:
    return _NEWLINE.sub("↵", text)


def context_snippet(raw: str, spans: Sequence[Span], width: int = CONTEXT_CHARS) -> str:
    """`width` characters either side of each evidence span, evidence in 【】; nearby windows merge, others join with …"""
    if not spans:
        return ""
    ordered = sorted((s.start, s.end) for s in spans)
    windows: list[list[int]] = []
    for start, end in ordered:
        lo, hi = max(0, start - width), min(len(raw), end + width)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    parts = []
    for lo, hi in windows:
        out, pos = [], lo
        for start, end in ordered:
            if start < pos or not (lo <= start < hi):
                continue  # overlapping evidence is bracketed once, by the span that starts first
            out += [raw[pos:start], "【", raw[start:end], "】"]
            pos = end
        out.append(raw[pos:hi])
        parts.append(("…" if lo > 0 else "") + "".join(out) + ("…" if hi < len(raw) else ""))
    return _one_line(" ".join(parts))


def sheet_id(result: ScreeningResult, code: str, spans: Sequence[Span]) -> str:
    """Stable across reruns (content hash of the document + code + evidence offsets), so sheets can be merged."""
    key = f"{result.document.doc_id}|{code}|" + ",".join(f"{s.start}-{s.end}" for s in spans)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def sheet_rows(results: Iterable[ScreeningResult]) -> list[dict[str, Any]]:
    """One row per flag, sorted by code, then source and position."""
    rows = []
    for r in results:
        for f in r.flags:
            rows.append(
                {
                    "sheet_id": sheet_id(r, f.code, f.evidence),
                    "source": r.document.source,
                    "doc_type": r.doc_type,
                    "code": f.code,
                    "confidence": round(f.confidence, 2),
                    "evidence": _one_line(" | ".join(e.text for e in f.evidence)),
                    "context": context_snippet(r.document.raw, f.evidence),
                    "reason": f.reason,
                    "basis": f.basis,
                    "verdict": "",
                    "note": "",
                    "_pos": f.evidence[0].start if f.evidence else -1,
                }
            )
    rows.sort(key=lambda row: (row["code"], row["source"], row["_pos"]))
    for row in rows:
        del row["_pos"]
    return rows


def sample_rows(rows: Sequence[dict[str, Any]], per_code: int | None, seed: int = 0) -> list[dict[str, Any]]:
    """At most `per_code` rows of each code, drawn at random (reproducible by seed), kept in sheet order."""
    if not per_code:
        return list(rows)
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_code[row["code"]].append(i)
    keep: set[int] = set()
    for code, idx in by_code.items():
        # One generator per code: a code's sample does not change when another code gains or loses rows.
        keep.update(idx if len(idx) <= per_code else random.Random(f"{seed}:{code}").sample(idx, per_code))
    return [row for i, row in enumerate(rows) if i in keep]


def write_sheet(rows: Iterable[dict[str, Any]], out: Path) -> int:
    """CSV for Excel: UTF-8 with BOM; a cell starting with = + - @ gets a leading ' (no formula injection)."""
    n = 0
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(SHEET_COLUMNS)
        for row in rows:
            writer.writerow([excel_safe(row.get(c, "")) for c in SHEET_COLUMNS])
            n += 1
    return n


# -- scoring a marked sheet -------------------------------------------------------------------------
def read_sheet(path: Path) -> list[dict[str, str]]:
    """Rows of a (marked) sheet. Excel on a Chinese system re-saves CSV as GB18030 without BOM: read that too."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SheetError(f"{path}: expected a readable CSV review sheet, found: {e.strerror or e}") from e
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError(f"{path}: expected a UTF-8 or GB18030 CSV file, found undecodable bytes")
    reader = csv.DictReader(io.StringIO(text, newline=""))  # keeps line breaks inside quoted cells
    missing = {"code", "verdict"} - set(reader.fieldnames or [])
    if missing:
        raise SheetError(
            f"{path}: expected review sheet columns {', '.join(SHEET_COLUMNS)}; missing {', '.join(sorted(missing))}"
        )
    return list(reader)


def parse_verdict(cell: str | None, where: str = "") -> str | None:
    """'right' | 'wrong' | 'unsure', or None for an unmarked row."""
    value = (cell or "").strip().lower()
    if not value:
        return None
    if value not in VERDICTS:
        raise SheetError(f"{where}: expected verdict right, wrong or unsure (or 对/错/不确定), found {cell!r}")
    return VERDICTS[value]


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for k successes in n trials (sensible for small n and p near 0 or 1)."""
    if n == 0:
        return None
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


def _precision(counts: Counter) -> dict[str, Any]:
    right, wrong = counts["right"], counts["wrong"]
    n = right + wrong
    return {
        "right": right,
        "wrong": wrong,
        "unsure": counts["unsure"],
        "unmarked": counts[None],
        "reviewed": n,
        "precision": round(right / n, 4) if n else None,
        "ci95": wilson_interval(right, n),
    }


def score_rows(rows: Sequence[dict[str, str]], sheet: str = "<sheet>") -> dict[str, Any]:
    """Precision per code from marked rows; unsure and unmarked rows are counted but left out of precision."""
    per_code: dict[str, Counter] = defaultdict(Counter)
    total: Counter = Counter()
    for lineno, row in enumerate(rows, 2):  # line 1 is the header
        verdict = parse_verdict(row.get("verdict"), f"{sheet}:{lineno}")
        code = (row.get("code") or "").strip() or "(no code)"
        per_code[code][verdict] += 1
        total[verdict] += 1
    return {
        "sheet": sheet,
        "rows": len(rows),
        "codes": {code: _precision(per_code[code]) for code in sorted(per_code)},
        "overall": _precision(total),
    }


def score_sheet(path: Path) -> dict[str, Any]:
    return score_rows(read_sheet(path), str(path))
