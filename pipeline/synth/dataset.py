"""Saving and loading the labelled corpus: JSONL files (one document per line) read back through the
`datasets` library, and the data card that says how they were made."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..doctypes import NAMES_ZH
from ..taxonomy import CODES
from .splits import SPLITS

FIELDS = ("id", "text", "doc_type", "flags", "meta")


def write_jsonl(records: Iterable[Mapping[str, Any]], path: Path) -> int:
    """Write records as JSONL (UTF-8, no ASCII escapes, keys in a fixed order); returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps({k: r[k] for k in FIELDS}, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_splits(folder: Path, *, cache_dir: str | None = None):
    """train/dev/test of a folder as a `datasets.DatasetDict` (load_dataset("json", …))."""
    from datasets import load_dataset

    files = {s: str(folder / f"{s}.jsonl") for s in SPLITS if (folder / f"{s}.jsonl").exists()}
    return load_dataset("json", data_files=files, cache_dir=cache_dir)


def to_dataset(records: Iterable[Mapping[str, Any]]):
    """Records (e.g. straight from the generator) as an in-memory `datasets.Dataset`."""
    from datasets import Dataset

    rows = [{k: r[k] for k in FIELDS} for r in records]
    return Dataset.from_list(rows)


# ------------------------------------------------------------------------------------------ the card


def counts(by_split: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for split, recs in by_split.items():
        out[split] = {
            "documents": len(recs),
            "clean": sum(1 for r in recs if not r["flags"]),
            "doc_type": dict(sorted(Counter(r["doc_type"] for r in recs).items())),
            "code": dict(sorted(Counter(f["code"] for r in recs for f in r["flags"]).items())),
            "negative": dict(sorted(Counter(n["kind"] for r in recs for n in r["meta"]["negatives"]).items())),
            "fact_origin": dict(sorted(Counter(r["meta"]["fact_origin"] for r in recs).items())),
        }
    return out


def _table(rows: list[str], header: list[str], values: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, vals in zip(rows, values, strict=True):
        lines.append("| " + " | ".join([name, *map(str, vals)]) + " |")
    return "\n".join(lines)


def card_tables(stats: Mapping[str, Any]) -> str:
    splits = [s for s in SPLITS if s in stats]
    header = ["", *splits, "total"]

    def rows(key: str, names: list[str], label: Mapping[str, str]) -> str:
        vals = [[stats[s][key].get(n, 0) for s in splits] for n in names]
        vals = [[*v, sum(v)] for v in vals]
        return _table([f"{n} {label.get(n, '')}".strip() for n in names], header, vals)

    docs = [[stats[s]["documents"] for s in splits], [stats[s]["clean"] for s in splits]]
    docs = [[*v, sum(v)] for v in docs]
    types = sorted({t for s in splits for t in stats[s]["doc_type"]})
    codes = [c for c in CODES if any(c in stats[s]["code"] for s in splits)]
    negs = sorted({k for s in splits for k in stats[s]["negative"]})
    origins = sorted({k for s in splits for k in stats[s]["fact_origin"]})
    return "\n\n".join(
        (
            _table(["documents", "clean (no flag)"], header, docs),
            "By document type:\n\n" + rows("doc_type", types, {k: f"({v})" for k, v in NAMES_ZH.items()}),
            "Injected defects (one flag each) by code:\n\n"
            + rows("code", codes, {k: f"({c.name_zh})" for k, c in CODES.items()}),
            "Hard negatives (recorded in meta.negatives, never flagged):\n\n" + rows("negative", negs, {}),
            "Where the 事实 section comes from:\n\n" + rows("fact_origin", origins, {}),
        )
    )
