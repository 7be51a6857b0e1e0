"""Gold (labelled) documents from JSONL: one document per line.

    {"id": "d1", "text": "…", "doc_type": "indictment",
     "flags": [{"code": "date_error", "spans": [[120, 131]]}], "grade": "defective"}

`grade` is optional (derived from the flags when absent); spans are [start, end) offsets into `text`;
other keys (notes, generator metadata) are allowed and ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..doctypes import NAMES_ZH
from ..errors import PingchaError
from ..taxonomy import CODES
from .metrics import GRADES, GoldDocument, LabelledFlag


class GoldFormatError(PingchaError):
    """A gold file line does not follow the gold format."""


def read_gold(path: str | Path) -> list[GoldDocument]:
    return list(iter_gold(path))


def iter_gold(path: str | Path) -> Iterator[GoldDocument]:
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as e:
        raise GoldFormatError(f"{path}: expected a readable gold JSONL file, found: {e.strerror or e}") from e
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise GoldFormatError(f"{where}: expected one JSON object per line, found invalid JSON ({e})") from e
            yield parse_gold(record, where)


def parse_gold(record: Any, where: str = "<gold>") -> GoldDocument:
    """One gold record to a `GoldDocument`, checking every field; errors name the place and the field."""
    if not isinstance(record, dict):
        raise GoldFormatError(f"{where}: expected a JSON object, found {type(record).__name__}")
    missing = [k for k in ("id", "text", "doc_type", "flags") if k not in record]
    if missing:
        raise GoldFormatError(f"{where}: missing field(s) {', '.join(missing)}")
    doc_id, text, doc_type = record["id"], record["text"], record["doc_type"]
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool):
        raise GoldFormatError(f"{where}: 'id' must be a string or integer, found {doc_id!r}")
    if not isinstance(text, str) or not text.strip():
        raise GoldFormatError(f"{where}: 'text' must be a non-empty string")
    if doc_type not in NAMES_ZH:
        raise GoldFormatError(f"{where}: unknown doc_type {doc_type!r}; expected one of {', '.join(NAMES_ZH)}")
    grade = record.get("grade")
    if grade is not None and grade not in GRADES:
        raise GoldFormatError(f"{where}: unknown grade {grade!r}; expected one of {', '.join(GRADES)}")
    if not isinstance(record["flags"], list):
        raise GoldFormatError(f"{where}: 'flags' must be a list")
    flags = tuple(_parse_flag(f, len(text), f"{where} flags[{i}]") for i, f in enumerate(record["flags"]))
    return GoldDocument(str(doc_id), text, doc_type, flags, grade)


def _parse_flag(flag: Any, n: int, where: str) -> LabelledFlag:
    if not isinstance(flag, dict) or "code" not in flag:
        raise GoldFormatError(f"{where}: expected an object with 'code' and 'spans'")
    code = flag["code"]
    if code not in CODES:
        raise GoldFormatError(f"{where}: unknown code {code!r}; expected one of {', '.join(CODES)}")
    spans = flag.get("spans", [])
    if not isinstance(spans, list):
        raise GoldFormatError(f"{where}: 'spans' must be a list of [start, end]")
    out = []
    for span in spans:
        ok = (
            isinstance(span, list)
            and len(span) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
            and 0 <= span[0] < span[1] <= n
        )
        if not ok:
            raise GoldFormatError(
                f"{where}: expected spans as [start, end] with 0 <= start < end <= {n}, found {span!r}"
            )
        out.append((span[0], span[1]))
    return LabelledFlag(code, tuple(out))
