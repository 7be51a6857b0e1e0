"""Typo detector on REAL documents: false alarms per 10,000 characters and hand-read precision.

    .venv/bin/python benchmarks/bench_typo_real.py [--shared ../shared/corpus] [--json out.json]
                                                   [--dump /tmp/flags.tsv --dump-threshold 0.5]

Real judgments and guiding cases are almost free of typos, so every statistical ("spelling") flag on
them is a likely false alarm: the flag rate on this mostly-clean text is what a reviewer wades
through. Each flag read by hand is recorded in pipeline/typo/real_labels.py (document id = content hash,
offset in the normalised text, original, suggestion, verdict) — no corpus text is stored in the
repository — and precision is estimated over the labelled flags; unlabelled flags are counted and
reported, and `precision_floor` counts them all as wrong.

Split (pipeline/typo/corpus.py `real_text_docs`), both kept out of the LM's training text:
* tuning  — the 320 unique LeCaRDv2 judgments ('query' field): the rate and precision seen while the
  specificity features and the threshold were chosen (so these numbers are fitted, not a test);
* heldout — the held-out half of the SPP/SPC/NSC guiding cases: read only to check the final model.

Texts are read in place from ../shared (never copied); the script exits 0 with a note when absent.
`--dump` writes each flag with its context for reading by hand: it refuses a path inside the repository.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import doctypes  # noqa: E402
from pipeline.normalize import normalize  # noqa: E402
from pipeline.sentences import sentence_spans  # noqa: E402
from pipeline.typo.checker import TypoChecker, default_model_dir  # noqa: E402
from pipeline.typo.corpus import DEFAULT_SHARED, real_text_docs  # noqa: E402
from pipeline.typo.real_labels import LABELS  # noqa: E402

CURVE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
DOC_TYPE = {"tuning": doctypes.JUDGMENT, "heldout": doctypes.OTHER, "blind": doctypes.JUDGMENT}


@dataclass(frozen=True)
class Hit:
    doc_id: str
    start: int
    original: str
    suggestion: str
    confidence: float
    rule: str

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.doc_id, self.start, self.original, self.suggestion)


def run_split(checker: TypoChecker, docs, doc_type: str, threshold: float) -> tuple[list[Hit], int, int, float]:
    """Every suggestion at or above threshold; characters, Han characters and CPU seconds."""
    hits: list[Hit] = []
    chars = han = 0
    cpu = time.process_time()
    for d in docs:
        text = normalize(d.text).text
        chars += len(text)
        han += sum("\u4e00" <= c <= "\u9fff" for c in text)
        for s in checker.check(text, doc_type, sentence_spans(text), threshold=threshold):
            hits.append(Hit(d.doc_id, s.start, s.original, s.suggestion, round(s.confidence, 4), s.rule))
    return hits, chars, han, time.process_time() - cpu


def precision(hits: list[Hit]) -> dict:
    verdicts = [LABELS.get(h.key) for h in hits]
    right = sum(v == "y" for v in verdicts)
    labelled = sum(v is not None for v in verdicts)
    return {
        "flags": len(hits),
        "labelled": labelled,
        "right": right,
        "precision": round(right / labelled, 3) if labelled else None,
        # every unlabelled flag counted wrong: the floor of the estimate
        "precision_floor": round(right / len(hits), 3) if hits else None,
    }


def summarise(hits: list[Hit], chars: int, threshold: float) -> dict:
    stat = [h for h in hits if h.rule == "spelling" and h.confidence >= threshold]
    rules = [h for h in hits if h.rule != "spelling"]
    by_rule: dict[str, list[Hit]] = {}
    for h in rules:
        by_rule.setdefault(h.rule, []).append(h)
    return {
        "threshold": threshold,
        "statistical": precision(stat),
        "statistical_per_10k_chars": round(len(stat) / chars * 1e4, 3),
        "wording_rule_flags": len(rules),
        # wording rules, legal confusables and set phrases: fixed confidences, no threshold
        "rules": precision(rules),
        "by_rule": {k: precision(v) for k, v in sorted(by_rule.items())},
    }


def dump(path: Path, docs, hits: list[Hit]) -> None:
    if ROOT in path.resolve().parents:
        raise SystemExit(f"refusing to write corpus text inside the repository: {path}")
    texts = {d.doc_id: normalize(d.text).text for d in docs}
    with path.open("w", encoding="utf-8") as fh:
        for h in sorted(hits, key=lambda h: -h.confidence):
            t = texts[h.doc_id]
            ctx = (
                t[max(0, h.start - 25) : h.start]
                + "【"
                + h.original
                + "】"
                + t[h.start + len(h.original) : h.start + 25]
            )
            ctx = ctx.replace("\n", "/")
            verdict = LABELS.get(h.key, "")
            fh.write(
                f"{h.doc_id} {h.start} {h.original} {h.suggestion}\t{verdict}\t{h.confidence:.3f}\t{h.rule}\t{ctx}\n"
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--model", type=Path, default=default_model_dir())
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--splits", default="tuning,heldout,blind")
    ap.add_argument("--dump", type=Path, help="write every flag with its context here (outside the repo)")
    ap.add_argument("--dump-threshold", type=float, default=None, help="lowest confidence dumped and curved")
    args = ap.parse_args()
    if not (args.shared / "cases").exists():
        print(f"skipped: {args.shared / 'cases'} not found (the benchmark needs ../shared/corpus)")
        return 0
    checker = TypoChecker.load(args.model)
    thr = checker.spelling.threshold
    low = min(CURVE[0], thr) if args.dump_threshold is None else args.dump_threshold
    splits = real_text_docs(args.shared)
    results: dict = {"model": str(args.model), "threshold": thr, "splits": {}}
    dumped: list[Hit] = []
    all_docs = []
    for name in args.splits.split(","):
        docs = splits[name]
        all_docs += docs
        hits, chars, han, cpu = run_split(checker, docs, DOC_TYPE[name], thr)
        low_hits, *_ = run_split(checker, docs, DOC_TYPE[name], low)
        dumped += low_hits
        res = {
            "documents": len(docs),
            "characters": chars,
            "han_characters": han,
            "at_threshold": summarise(hits, chars, thr),
            "sentences_per_s_cpu": None,
            "chars_per_s_cpu": round(chars / cpu),
            # From one run at the lowest threshold, filtered by confidence (a run at each threshold can
            # differ slightly: accepted suggestions change what the next pass sees).
            "curve": [summarise(low_hits, chars, t) for t in CURVE if t >= low],
        }
        n_sent = sum(len(sentence_spans(normalize(d.text).text)) for d in docs)
        res["sentences_per_s_cpu"] = round(n_sent / cpu, 1)
        results["splits"][name] = res
    print(f"model {args.model}  threshold {thr}")
    print("| split | docs | chars | stat flags | per 10k chars | labelled | right | precision | floor | "
          "rule flags | labelled | right | precision |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, r in results["splits"].items():
        a = r["at_threshold"]
        s, w = a["statistical"], a["rules"]
        print(
            f"| {name} | {r['documents']} | {r['characters']} | {s['flags']} | {a['statistical_per_10k_chars']} | "
            f"{s['labelled']} | {s['right']} | {s['precision']} | {s['precision_floor']} | "
            f"{w['flags']} | {w['labelled']} | {w['right']} | {w['precision']} |"
        )
        for rule, p in a["by_rule"].items():
            print(f"|   {rule} | | | | | | | | | {p['flags']} | {p['labelled']} | {p['right']} | {p['precision']} |")
    for name, r in results["splits"].items():
        print(f"\n{name}: {r['sentences_per_s_cpu']} sentences/s CPU ({r['chars_per_s_cpu']} chars/s), curve:")
        for c in r["curve"]:
            s = c["statistical"]
            print(
                f"  @{c['threshold']}: {s['flags']} stat flags, {c['statistical_per_10k_chars']}/10k chars, "
                f"labelled {s['labelled']}, right {s['right']}, precision {s['precision']} (floor {s['precision_floor']})"
            )
    if args.dump:
        dump(args.dump, all_docs, dumped)
        print(f"\n{len(dumped)} flags written to {args.dump}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
