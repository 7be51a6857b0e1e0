"""Train the typo model from ../shared/corpus into models/typo (reproducible: no randomness).

    .venv/bin/python scripts/train_typo.py [--shared ../shared/corpus] [--out models/typo] [--order 4]

Writes lm.npz, confusion.json, whitelist.txt, misspellings.json, reranker.json and train_report.json;
the model card (MODEL_CARD.md) is written by hand from train_report.json and the benchmark output.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.typo.corpus import DEFAULT_SHARED
from pipeline.typo.training import TrainConfig, train_all


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared corpus folder")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models" / "typo")
    ap.add_argument("--order", type=int, default=4, help="character n-gram order")
    ap.add_argument("--min-counts", default="2:2,3:3,4:5,5:5", help="pruning: order:min_count,...")
    ap.add_argument("--target-precision", type=float, default=0.95, help="char-level detection precision on dev")
    args = ap.parse_args()
    if not (args.shared / "spelling" / "ecspell").exists():
        print(f"error: {args.shared} has no spelling/ecspell; pass --shared PATH/TO/shared/corpus", file=sys.stderr)
        return 2
    min_counts = {int(k): int(v) for k, v in (kv.split(":") for kv in args.min_counts.split(","))}
    cfg = TrainConfig(order=args.order, min_counts=min_counts, target_precision=args.target_precision)
    t = time.time()
    report = train_all(args.shared, args.out, cfg)
    print(f"trained in {time.time() - t:.0f}s into {args.out}")
    print(json.dumps({k: report[k] for k in ("ngrams_per_order", "threshold", "dev")}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
