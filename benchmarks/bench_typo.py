"""Typo detector benchmark: detection/correction P/R/F1 and single-core throughput of the shipped model.

    .venv/bin/python benchmarks/bench_typo.py [--shared ../shared/corpus] [--json out.json]

Data (all in ../shared/corpus/spelling/ecspell; the script exits 0 with a note when it is absent):
* ECSpell law.train folds 2-4 (line index mod 5 in {2,3,4}): held out — folds 0-1 are part of the
  reranker's training data, so they are not reported as test numbers (the threshold is chosen on real
  judgments, see benchmarks/bench_typo_real.py);
* ECSpell odw.test (official documents) and SIGHAN 2015 test (simplified): never used in training.
Metrics follow the SIGHAN conventions (pipeline/typo/evaluate.py) at the shipped threshold, plus a
precision/recall curve over thresholds. Throughput is measured in this process, one thread.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.typo.checker import TypoChecker, default_model_dir  # noqa: E402
from pipeline.typo.corpus import DEFAULT_SHARED, ECSPELL, law_folds, load_ecspell  # noqa: E402
from pipeline.typo.evaluate import csc_metrics  # noqa: E402
from pipeline.typo.spelling import SpellChecker  # noqa: E402
from pipeline.typo.training import TEST_FOLDS  # noqa: E402

# As stated in the issue for fast BERT-based correctors on legal text (F1); not re-measured here.
PUBLISHED_FAST_BERT_LEGAL_F1 = (0.16, 0.34)


BATCH = 100  # sentences per call, about one document's worth


def evaluate(checker: SpellChecker, pairs, threshold: float) -> dict:
    srcs = [p.src for p in pairs]
    preds = [s for i in range(0, len(srcs), BATCH) for s in checker.correct_many(srcs[i : i + BATCH], threshold)]
    return csc_metrics([p.src for p in pairs], [p.tgt for p in pairs], preds)


def evaluate_whole(typo: TypoChecker, pairs) -> dict:
    """The whole detector at its defaults: statistical tier, set phrases, legal confusables and wording
    rules; every same-length suggestion applied (document type "other": no stage or formal-only rules)."""
    preds = []
    for p in pairs:
        chars = list(p.src)
        for s in typo.check(p.src, "other"):
            if len(s.original) == len(s.suggestion):
                chars[s.start : s.end] = s.suggestion
        preds.append("".join(chars))
    return csc_metrics([p.src for p in pairs], [p.tgt for p in pairs], preds)


def throughput(checker: SpellChecker, sentences: list[str], min_seconds: float = 5.0) -> dict:
    """Sentences per second through `correct_many` in batches of BATCH (as the detector runs a document)."""
    checker.correct_many(sentences[:BATCH])  # warm the lazily built look-up sets
    n = chars = 0
    t = time.perf_counter()
    cpu = time.process_time()
    while time.perf_counter() - t < min_seconds:
        for i in range(0, len(sentences), BATCH):
            batch = sentences[i : i + BATCH]
            checker.correct_many(batch)
            n += len(batch)
            chars += sum(map(len, batch))
    wall = time.perf_counter() - t
    cpu = time.process_time() - cpu
    return {
        "sentences": n,
        "sentences_per_s_wall": round(n / wall, 1),
        "sentences_per_s_cpu": round(n / cpu, 1),
        "chars_per_s_cpu": round(chars / cpu),
        "mean_sentence_chars": round(chars / n, 1),
    }


def document_throughput(typo: TypoChecker, sentences: list[str], min_seconds: float) -> dict:
    """The whole TypoChecker (wording rules, name protection, spelling) over 100-sentence documents."""
    docs = ["。".join(sentences[i : i + 100]) + "。" for i in range(0, len(sentences), 100)]
    n = 0
    cpu = time.process_time()
    while time.process_time() - cpu < min_seconds:
        for d in docs:
            typo.check(d, "indictment")
            n += 1
    cpu = time.process_time() - cpu
    sents = n * 100
    return {"documents": n, "sentences_per_s_cpu": round(sents / cpu, 1), "documents_per_s_cpu": round(n / cpu, 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--model", type=Path, default=default_model_dir())
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--seconds", type=float, default=5.0, help="minimum duration of the throughput run")
    args = ap.parse_args()
    eco = args.shared / ECSPELL
    if not eco.exists():
        print(f"skipped: {eco} not found (the benchmark needs ../shared/corpus)")
        return 0

    t = time.perf_counter()
    typo = TypoChecker.load(args.model)
    load_s = time.perf_counter() - t
    checker = typo.spelling
    thr = checker.threshold
    folds = law_folds(load_ecspell(eco / "domains" / "law.train"))
    sets = {
        "ecspell_law_heldout_folds_2-4": [p for k in TEST_FOLDS for p in folds[k]],
        "ecspell_odw_test": load_ecspell(eco / "domains" / "odw.test"),
        "sighan15_test": load_ecspell(eco / "sighan_simplified" / "test2015.txt"),
    }
    results: dict = {"model": str(args.model), "threshold": thr, "load_seconds": round(load_s, 3), "sets": {}}
    for name, pairs in sets.items():
        m = evaluate(checker, pairs, thr)
        curve = {}
        for t_ in (0.3, 0.5, 0.7, 0.9):
            c = evaluate(checker, pairs, t_)
            curve[str(t_)] = {k: c[k] for k in ("sentence_detection", "char_detection", "fp_sentence_rate")}
        results["sets"][name] = {**m, "curve": curve, "whole_detector": evaluate_whole(typo, pairs)}
    law_test = sets["ecspell_law_heldout_folds_2-4"]
    results["throughput_law_heldout"] = throughput(checker, [p.src for p in law_test], args.seconds)
    # Clean legal sentences (the corrected side; never in the LM's training text): the common case in
    # real documents, where most sentences have nothing to fix and get a single pass.
    results["throughput_law_clean"] = throughput(checker, [p.tgt for p in law_test], args.seconds)
    results["throughput_document_checker"] = document_throughput(typo, [p.tgt for p in law_test], args.seconds)
    results["published_fast_bert_legal_f1"] = list(PUBLISHED_FAST_BERT_LEGAL_F1)

    lo, hi = PUBLISHED_FAST_BERT_LEGAL_F1
    print(f"model {args.model}  threshold {thr}  load {load_s:.2f}s")
    print("| data | sentences | sent-det P | R | F1 | sent-cor F1 | char-det P | R | F1 | char-cor F1 | FP-sent rate |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, m in results["sets"].items():
        sd, sc, cd, cc = (
            m[k] for k in ("sentence_detection", "sentence_correction", "char_detection", "char_correction")
        )
        print(
            f"| {name} | {m['sentences']} | {sd['precision']:.3f} | {sd['recall']:.3f} | {sd['f1']:.3f} | "
            f"{sc['f1']:.3f} | {cd['precision']:.3f} | {cd['recall']:.3f} | {cd['f1']:.3f} | {cc['f1']:.3f} | "
            f"{m['fp_sentence_rate']:.3f} |"
        )
    print("\nwhole detector (statistical tier + set phrases + legal confusables + wording rules, defaults):")
    for name, m in results["sets"].items():
        w = m["whole_detector"]
        sd, cd = w["sentence_detection"], w["char_detection"]
        print(
            f"  {name}: sent P {sd['precision']:.3f} R {sd['recall']:.3f} F1 {sd['f1']:.3f}; char P {cd['precision']:.3f} "
            f"R {cd['recall']:.3f} F1 {cd['f1']:.3f}; FP-sent {w['fp_sentence_rate']:.3f}"
        )
    print("\nprecision/recall at other thresholds (sentence-level detection F1; char-level detection P/R/F1; FP-sent):")
    for name, m in results["sets"].items():
        for t_, c in m["curve"].items():
            sd, cd = c["sentence_detection"], c["char_detection"]
            print(
                f"  {name} @ {t_}: sent F1 {sd['f1']:.3f}; char P {cd['precision']:.3f} R {cd['recall']:.3f} "
                f"F1 {cd['f1']:.3f}; FP-sent {c['fp_sentence_rate']:.3f}"
            )
    tp = results["throughput_law_heldout"]
    print(
        f"throughput (one core, law held-out sentences, mean {tp['mean_sentence_chars']} chars): "
        f"{tp['sentences_per_s_cpu']} sentences/s CPU time, {tp['sentences_per_s_wall']} wall"
    )
    tc = results["throughput_law_clean"]
    td = results["throughput_document_checker"]
    print(f"throughput on the clean (corrected) side of the same sentences: {tc['sentences_per_s_cpu']} sentences/s")
    print(f"whole TypoChecker on 100-sentence documents: {td['sentences_per_s_cpu']} sentences/s")
    print(f"published fast BERT correctors on legal text (as stated in the issue): F1 {lo:.2f}-{hi:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
