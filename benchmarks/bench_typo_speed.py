"""Speed and memory of the typo checker (wording rules + statistical spelling check) on one core.

    .venv/bin/python benchmarks/bench_typo_speed.py [--shared ../shared/corpus] [--limit 300]
                                                    [--out benchmarks/results/typo_speed.json]

Runs `TypoChecker.check(text, threshold=0.3)` over the unique LeCaRDv2 judgments (read in place from
../shared, never copied; skipped with a note when absent) and then the synthetic documents under
data/samples. Reports documents, characters, sentences, seconds, chars/s, sentences/s, model load time,
RSS after load, peak RSS, and RSS after every 50 documents (the memory a long screening run holds).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.sentences import sentence_spans  # noqa: E402
from pipeline.typo.checker import TypoChecker  # noqa: E402

THRESHOLD = 0.3
RSS_EVERY = 50


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def judgments(shared: Path, limit: int) -> list[str]:
    """Unique LeCaRDv2 judgment texts ('query' field), in file order; [] when the corpus is absent."""
    folder = shared / "cases" / "lecardv2" / "query"
    if not folder.is_dir():
        return []
    seen: dict[str, None] = {}
    for f in sorted(folder.glob("*.json")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.setdefault(json.loads(line)["query"], None)
    return list(seen)[:limit]


def samples() -> list[str]:
    """The synthetic sample documents (some are deliberately not UTF-8: decoded leniently)."""
    out = []
    for p in sorted((ROOT / "data" / "samples").rglob("*.txt")):
        data = p.read_bytes()
        for enc in ("utf-8-sig", "utf-16", "gb18030"):
            try:
                out.append(data.decode(enc))
                break
            except UnicodeDecodeError:
                continue
    return out


def run(checker: TypoChecker, texts: list[str], rss_after: dict[int, float] | None = None) -> dict:
    chars = sents = 0
    started = time.perf_counter()
    for i, text in enumerate(texts, 1):
        spans = sentence_spans(text)
        checker.check(text, threshold=THRESHOLD, sentences=spans)
        chars += len(text)
        sents += len(spans)
        if rss_after is not None and i % RSS_EVERY == 0:
            rss_after[i] = round(rss_mb(), 1)
    seconds = time.perf_counter() - started
    return {
        "docs": len(texts),
        "chars": chars,
        "sentences": sents,
        "seconds": round(seconds, 2),
        "chars_per_s": round(chars / seconds) if seconds else None,
        "sentences_per_s": round(sents / seconds, 1) if seconds else None,
        "ms_per_doc": round(1000 * seconds / len(texts), 1) if texts else None,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--limit", type=int, default=300, help="real judgments to run (the first N unique ones)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "typo_speed.json")
    args = ap.parse_args()

    rss_start = rss_mb()
    started = time.perf_counter()
    checker = TypoChecker.load()
    checker.check("被告人张某于2020年1月1日在某市某区实施盗窃，价值人民币一千元。")  # jieba and caches warm
    load_seconds = time.perf_counter() - started
    rss_load = rss_mb()
    report: dict = {
        "threshold": THRESHOLD,
        "load_seconds": round(load_seconds, 2),
        "rss_mb_before_load": round(rss_start, 1),
        "rss_mb_after_load": round(rss_load, 1),
    }

    real = judgments(args.shared, args.limit)
    if real:
        rss_after: dict[int, float] = {}
        report["lecardv2_judgments"] = run(checker, real, rss_after)
        report["rss_mb_after_docs"] = rss_after
    else:
        print(f"skipped real judgments: {args.shared} not found (the shared corpus is not present)")
    report["data_samples"] = run(checker, samples())
    report["peak_rss_mb"] = round(peak_rss_mb(), 1)
    report["rss_mb_end"] = round(rss_mb(), 1)

    print(json.dumps(report, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
