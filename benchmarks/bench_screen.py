"""Throughput and memory of segmentation and end-to-end screening.

Corpora: the bundled sample corpus (data/samples) and, when ../shared is present, the 360 real
judgments of LeCaRDv2 (read in place, never copied). Each measurement runs in a fresh process so
peak RSS is that of the measured work alone.

    python benchmarks/bench_screen.py [--workers 1 2] [--without typo] [--out benchmarks/results/screen.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LECARD = ROOT.parent / "shared" / "corpus" / "cases" / "lecardv2" / "query"


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _lecard_jsonl(tmp: Path) -> Path | None:
    if not LECARD.is_dir():
        return None
    out = tmp / "lecardv2.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for f in sorted(LECARD.glob("*.json")):
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    fh.write(json.dumps({"id": row["id"], "text": row["query"]}, ensure_ascii=False) + "\n")
    return out


def _sources(path: str) -> list[str]:
    """The benchmark corpus: the sample folders for `samples`, else the path itself."""
    from pipeline.paths import sample_folders

    return [str(p) for p in sample_folders()] if path == "samples" else [path]


def measure_segment(path: str) -> dict:
    """Child process: segmentation only (spaCy zh + private jieba), after a warm-up document."""
    sys.path.insert(0, str(ROOT))
    from pipeline.ingest import iter_inputs
    from pipeline.normalize import normalize
    from pipeline.segment import build_nlp
    from pipeline.types import Document

    t0 = time.perf_counter()
    nlp = build_nlp()
    load_s = time.perf_counter() - t0
    texts = [normalize(d.raw).text for d in iter_inputs(_sources(path)) if isinstance(d, Document)]
    nlp(texts[0])
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    secs = time.perf_counter() - t0
    chars = sum(map(len, texts))
    return {
        "docs": len(texts),
        "chars": chars,
        "tokens": tokens,
        "seconds": round(secs, 3),
        "chars_per_s": round(chars / secs),
        "tokens_per_s": round(tokens / secs),
        "nlp_load_s": round(load_s, 2),
        "peak_rss_mb": round(_peak_mb(), 1),
    }


def measure_screen(path: str, workers: int, without: list[str]) -> dict:
    """Child process: the whole `pingcha screen` path into a fresh SQLite queue."""
    sys.path.insert(0, str(ROOT))
    from pipeline.detectors import load_detectors
    from pipeline.ingest import iter_inputs
    from pipeline.screen import ScreenOptions, screen_into_store
    from pipeline.store import open_store

    names = tuple(d.name for d in load_detectors() if d.name not in without)

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "q.db") as store:
        t0 = time.perf_counter()
        s = screen_into_store(
            iter_inputs(_sources(path)), store, inputs=[path], options=ScreenOptions(detectors=names), workers=workers
        )
        secs = time.perf_counter() - t0
    return {
        "workers": workers,
        "docs": s.screened,
        "errors": s.errors,
        "chars": s.chars,
        "seconds": round(secs, 2),
        "docs_per_s": round(s.screened / secs, 2),
        "chars_per_s": round(s.chars / secs),
        "flags": sum(s.flags_by_code.values()),
        "peak_rss_mb_main": round(_peak_mb(), 1),
        "peak_rss_mb_worker": round(_peak_mb(resource.RUSAGE_CHILDREN), 1) if workers > 1 else None,
    }


def _child(kind: str, path: str, workers: int, without: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, path, str(workers), ",".join(without)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "screen.json"))
    ap.add_argument("--without", nargs="*", default=[], help="detectors to leave out (e.g. typo)")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, path, workers, without = args.child
        skip = [w for w in without.split(",") if w]
        result = measure_segment(path) if kind == "segment" else measure_screen(path, int(workers), skip)
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory() as tmp:
        corpora = {"samples": "samples"}
        lecard = _lecard_jsonl(Path(tmp))
        if lecard:
            corpora["lecardv2_360"] = str(lecard)
        report = {
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
            "corpora": {},
        }
        for name, path in corpora.items():
            entry = {"segment": _child("segment", path, 1, [])}
            entry["screen"] = [_child("screen", path, w, args.without) for w in args.workers]
            report["corpora"][name] = entry
            print(name, json.dumps(entry, indent=1), flush=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
