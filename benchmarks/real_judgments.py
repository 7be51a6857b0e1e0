"""Facts and flags on the 360 real LeCaRDv2 judgments (read in place from ../shared, never copied).

Counts documents with a procedural timeline (>= 2 dated events), statutory clocks computed, and flags per
code, and writes every flag with its context to a CSV so a person can read them. Skips cleanly when
../shared is absent.

    python benchmarks/real_judgments.py [--out benchmarks/results/real_judgments.json] [--flags /tmp/flags.csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LECARD = ROOT.parent / "shared" / "corpus" / "cases" / "lecardv2" / "query"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=LECARD)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "real_judgments.json")
    ap.add_argument("--flags", type=Path, default=None, help="CSV of every flag with context, for reading")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: {args.corpus} not found (the shared corpus is not present)")
        return 0
    sys.path.insert(0, str(ROOT))
    from pipeline.analyze import build_context
    from pipeline.extract.timeline import extract_timeline
    from pipeline.law.clocks import case_clocks
    from pipeline.screen import Screener, ScreenOptions
    from pipeline.types import Document, make_doc_id

    texts: dict[str, str] = {}
    for f in sorted(args.corpus.glob("*.json")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.setdefault(make_doc_id(row["query"]), row["query"])
    screener = Screener(ScreenOptions(segment=False))
    flags: Counter[str] = Counter()
    docs_flagged: Counter[str] = Counter()
    grades: Counter[str] = Counter()
    with_timeline = clocks = events = 0
    rows = []
    started = time.perf_counter()
    for doc_id, text in texts.items():
        doc = Document(doc_id, f"lecardv2:{doc_id}", text)
        ctx = build_context(doc)
        dated = [e for e in extract_timeline(ctx) if e.date]
        events += len(dated)
        with_timeline += len(dated) >= 2
        clocks += len(case_clocks(ctx))
        result, _ = screener.screen(doc)
        grades[result.grade] += 1
        for code in {f.code for f in result.flags}:
            docs_flagged[code] += 1
        for f in result.flags:
            flags[f.code] += 1
            e = f.evidence[0]
            context = text[max(0, e.start - 60) : e.start] + "【" + e.text + "】" + text[e.end : e.end + 60]
            rows.append([doc_id, f.code, f"{f.confidence:.2f}", context.replace("\n", " "), f.reason])
    seconds = time.perf_counter() - started
    report = {
        "corpus": "LeCaRDv2 query judgments (unique texts)",
        "documents": len(texts),
        "with_timeline_2plus_dated_events": with_timeline,
        "dated_events": events,
        "clocks_computed": clocks,
        "flags_by_code": dict(flags.most_common()),
        "documents_flagged_by_code": dict(docs_flagged.most_common()),
        "grades": dict(grades),
        "seconds": round(seconds, 1),
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.flags:
        with args.flags.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows([["doc_id", "code", "confidence", "context", "reason"], *rows])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
