"""Train the typo model from ../shared/corpus into models/typo (reproducible: no randomness).

    .venv/bin/python scripts/train_typo.py [--shared ../shared/corpus] [--out models/typo] [--order 4]
    .venv/bin/python scripts/train_typo.py --reranker-only    # refit reranker.json over the LMs of a full run

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
from pipeline.typo.training import TrainConfig, train_all, train_reranker


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared corpus folder")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models" / "typo")
    ap.add_argument("--order", type=int, default=4, help="character n-gram order")
    ap.add_argument("--min-counts", default="2:2,3:3,4:5,5:5", help="pruning: order:min_count,...")
    ap.add_argument("--max-flags-per-10k", type=float, default=0.5, help="real tuning text: flag-rate target")
    ap.add_argument("--min-precision", type=float, default=0.85, help="real tuning text: precision target")
    ap.add_argument("--reranker-only", action="store_true", help="keep the LM, confusion sets and whitelist")
    args = ap.parse_args()
    if not (args.shared / "spelling" / "ecspell").exists():
        print(f"error: {args.shared} has no spelling/ecspell; pass --shared PATH/TO/shared/corpus", file=sys.stderr)
        return 2
    min_counts = {int(k): int(v) for k, v in (kv.split(":") for kv in args.min_counts.split(","))}
    cfg = TrainConfig(
        order=args.order,
        min_counts=min_counts,
        max_flags_per_10k=args.max_flags_per_10k,
        min_precision=args.min_precision,
    )
    t = time.time()
    report = (train_reranker if args.reranker_only else train_all)(args.shared, args.out, cfg)
    print(f"trained in {time.time() - t:.0f}s into {args.out}")
    keys = ("ngrams_per_order", "threshold", "real_tuning_at_threshold", "ecspell_dev")
    print(json.dumps({k: report.get(k) for k in keys}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
