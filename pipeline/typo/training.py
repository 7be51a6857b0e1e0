"""Training the typo model from ../shared/corpus into models/typo (run by scripts/train_typo.py).

Data discipline:
* The LM never sees evaluation text: every training sentence sharing a 10-character substring with
  the corrected side of an evaluation or reranker-training sentence (ECSpell law.train, odw.train,
  odw.test, SIGHAN 2015 test) is dropped before counting.
* Observed confusion pairs (candidates and a feature) come from odw.train and SIGHAN 2013-2015 train.
* ECSpell law.train is split in 5 fixed folds (line index mod 5). Folds 0-1 are the dev set: the
  reranker is fitted there and the threshold chosen there, on 2-fold cross-fitted confidences (fit on
  fold 0, score fold 1 and vice versa) so the threshold is not picked on fitted data. Folds 2-4 are the
  held-out law test; odw.test and SIGHAN 2015 test are never touched in training.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .confusion import ConfusionSet
from .corpus import (
    ECSPELL,
    CscPair,
    is_contaminated,
    iter_source_docs,
    law_folds,
    load_ecspell,
    ngram_set,
    split_sentences,
)
from .evaluate import csc_metrics
from .lexicon import charge_terms, common_misspellings, mine_terms, thuocl_terms
from .lm import CharNgramLM, count_ngrams, train_kneser_ney
from .protect import Protector
from .spelling import FEATURES, Reranker, SpellChecker

DECONTAM_N = 10
DEV_FOLDS = (0, 1)
TEST_FOLDS = (2, 3, 4)
EVAL_FILES = ("domains/law.train", "domains/odw.test", "sighan_simplified/test2015.txt")
OBSERVED_FILES = (
    "domains/odw.train",
    "sighan_simplified/train2013.txt",
    "sighan_simplified/train2014.txt",
    "sighan_simplified/train2015.txt",
)


@dataclass
class TrainConfig:
    order: int = 4
    min_counts: dict[int, int] = field(default_factory=lambda: {2: 2, 3: 3, 4: 4, 5: 5})
    target_precision: float = 0.95  # character-level detection precision on the dev folds
    log: Callable[[str], None] = print


def decontaminated_docs(root: Path, cfg: TrainConfig):
    texts = []
    for f in (*EVAL_FILES, "domains/odw.train"):
        texts += [p.tgt for p in load_ecspell(root / ECSPELL / f)]
    grams = ngram_set(texts, DECONTAM_N)
    dropped = kept = 0
    for d in iter_source_docs(root):
        sents = []
        for s in split_sentences(d.text):
            if is_contaminated(s, grams, DECONTAM_N):
                dropped += 1
            else:
                sents.append(s)
        kept += len(sents)
        yield d, sents
    cfg.log(f"decontamination: kept {kept} sentences, dropped {dropped}")


def train_lm(root: Path, cfg: TrainConfig) -> tuple[CharNgramLM, list[str], dict]:
    """The LM, the statute sentences (for term mining) and corpus statistics."""
    statute_sents: list[str] = []
    stats = {"documents": {}, "characters": {}}

    def docs():
        for d, sents in decontaminated_docs(root, cfg):
            stats["documents"][d.source] = stats["documents"].get(d.source, 0) + 1
            stats["characters"][d.source] = stats["characters"].get(d.source, 0) + sum(map(len, sents))
            if d.source == "statute":
                statute_sents.extend(sents)
            yield d.private, sents

    t = time.time()
    counts = count_ngrams(docs(), cfg.order)
    cfg.log(f"counted n-grams in {time.time() - t:.0f}s: {[len(c) for c in counts.counts[1:]]}")
    t = time.time()
    lm = train_kneser_ney(counts, cfg.min_counts)
    cfg.log(f"Kneser-Ney + pruning in {time.time() - t:.0f}s: {len(lm)} n-grams kept")
    return lm, statute_sents, stats


def build_whitelist(root: Path, statute_sents: Sequence[str]) -> set[str]:
    lex = root / "lexicon"
    terms = charge_terms(lex / "criminal_charges.txt") | thuocl_terms(lex / "THUOCL_law.txt")
    terms |= mine_terms(statute_sents)
    return terms


def build_confusion(root: Path, pairs: Sequence[CscPair], vocab: set[str]) -> ConfusionSet:
    cs = ConfusionSet.from_ecspell(root / ECSPELL / "confusion")
    cs.add_observed((p.src, p.tgt) for p in pairs)
    cs.restrict(vocab)
    return cs


def candidate_matrix(checker: SpellChecker, pairs: Sequence[CscPair]) -> tuple[np.ndarray, np.ndarray]:
    """Features of every candidate the checker generates on the pairs; label 1 = the gold correction."""
    xs, ys = [], []
    masks = [checker.protector.protected(p.src) for p in pairs]
    for p, cands in zip(pairs, checker.candidates_many([p.src for p in pairs], masks), strict=True):
        for c in cands:
            xs.append(c.features)
            changed = all(p.src[i] != p.tgt[i] for i in range(c.pos, c.end))
            ys.append(int(changed and p.tgt[c.pos : c.end] == c.replacement))
    return np.array(xs, dtype=np.float64).reshape(-1, len(FEATURES)), np.array(ys, dtype=np.int64)


def fit_reranker(x: np.ndarray, y: np.ndarray, c: float = 1.0) -> Reranker:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit((x - mean) / scale, y)
    return Reranker(
        tuple(model.coef_[0].tolist()), float(model.intercept_[0]), tuple(mean.tolist()), tuple(scale.tolist())
    )


def predict(checker: SpellChecker, pairs: Sequence[CscPair], threshold: float) -> list[str]:
    return checker.correct_many([p.src for p in pairs], threshold=threshold)


def scored_dev(checker: SpellChecker, pairs: Sequence[CscPair]) -> list[list[tuple[int, str, float]]]:
    masks = [checker.protector.protected(p.src) for p in pairs]
    scored = checker.scored_many([p.src for p in pairs], masks)
    return [[(c.pos, c.replacement, conf) for c, conf in cands] for cands in scored]


def metrics_at(pairs: Sequence[CscPair], scored: list[list[tuple[int, str, float]]], thr: float) -> dict:
    preds = []
    for p, cands in zip(pairs, scored, strict=True):
        chars = list(p.src)
        for pos, rep, conf in cands:
            if conf >= thr:
                chars[pos : pos + len(rep)] = rep
        preds.append("".join(chars))
    return csc_metrics([p.src for p in pairs], [p.tgt for p in pairs], preds)


def choose_threshold(pairs: Sequence[CscPair], scored, target_precision: float) -> tuple[float, list[dict]]:
    """Lowest threshold whose char-level detection precision on dev reaches the target (max F1 otherwise)."""
    curve = []
    for thr in np.round(np.arange(0.30, 0.991, 0.01), 2).tolist():
        m = metrics_at(pairs, scored, thr)
        curve.append({"threshold": thr, **m})
    ok = [
        c for c in curve if c["char_detection"]["precision"] >= target_precision and c["char_detection"]["recall"] > 0
    ]
    if ok:
        return ok[0]["threshold"], curve
    best = max(curve, key=lambda c: c["sentence_detection"]["f1"])
    return best["threshold"], curve


def dev_test_split(law: Sequence[CscPair]) -> tuple[list[CscPair], list[CscPair]]:
    folds = law_folds(list(law))
    return [p for k in DEV_FOLDS for p in folds[k]], [p for k in TEST_FOLDS for p in folds[k]]


def train_all(root: Path, out_dir: Path, cfg: TrainConfig) -> dict:
    """Train every artefact into out_dir and return the training report (also written as train_report.json)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    eco = root / ECSPELL
    observed_pairs = [p for f in OBSERVED_FILES for p in load_ecspell(eco / f)]
    folds = law_folds(load_ecspell(eco / "domains" / "law.train"))
    dev_folds = [folds[k] for k in DEV_FOLDS]
    dev = [p for f in dev_folds for p in f]

    lm, statute_sents, corpus_stats = train_lm(root, cfg)
    lm.save(out_dir / "lm.npz")
    vocab = {chr(int(k)) for k in lm.keys[1]}
    terms = build_whitelist(root, statute_sents)
    (out_dir / "whitelist.txt").write_text("\n".join(sorted(terms)) + "\n", encoding="utf-8")
    statute_text = "".join(statute_sents)
    misspell = common_misspellings(root / "lexicon" / "wordlists" / "常见错字错词.txt", statute_text)
    (out_dir / "misspellings.json").write_text(json.dumps(misspell, ensure_ascii=False, indent=0), encoding="utf-8")
    cfg.log(f"whitelist {len(terms)} terms, {len(misspell)} common misspellings")

    confusion = build_confusion(root, observed_pairs, vocab)
    confusion.save(out_dir / "confusion.json")
    checker = SpellChecker(lm, confusion, Protector(terms))
    mats = [candidate_matrix(checker, f) for f in dev_folds]
    # Threshold on cross-fitted confidences: each dev fold scored by a reranker fitted on the other.
    scored: list[list[tuple[int, str, float]]] = []
    for k in range(len(dev_folds)):
        x = np.vstack([m[0] for j, m in enumerate(mats) if j != k])
        y = np.concatenate([m[1] for j, m in enumerate(mats) if j != k])
        checker.reranker = fit_reranker(x, y)
        scored += scored_dev(checker, dev_folds[k])
    threshold, curve = choose_threshold(dev, scored, cfg.target_precision)
    x, y = np.vstack([m[0] for m in mats]), np.concatenate([m[1] for m in mats])
    reranker = fit_reranker(x, y)
    # Dev numbers as the checker runs (second pass included), still cross-fitted per fold.
    preds: list[str] = []
    for k in range(len(dev_folds)):
        xk = np.vstack([m[0] for j, m in enumerate(mats) if j != k])
        yk = np.concatenate([m[1] for j, m in enumerate(mats) if j != k])
        checker.reranker = fit_reranker(xk, yk)
        preds += predict(checker, dev_folds[k], threshold)
    dev_metrics = csc_metrics([p.src for p in dev], [p.tgt for p in dev], preds)
    cfg.log(f"reranker fitted on {len(y)} dev candidates ({int(y.sum())} positive); threshold {threshold}")
    cfg.log(f"dev (cross-fitted): {dev_metrics}")
    (out_dir / "reranker.json").write_text(
        json.dumps({**reranker.to_json(), "threshold": threshold}, indent=1), encoding="utf-8"
    )
    report = {
        "order": cfg.order,
        "min_counts": cfg.min_counts,
        "ngrams_per_order": lm.sizes(),
        "corpus": corpus_stats,
        "whitelist_terms": len(terms),
        "common_misspellings": len(misspell),
        "confusion_keys": len(confusion.sets),
        "reranker_candidates": len(y),
        "reranker_positive": int(y.sum()),
        "reranker_weights": dict(zip(FEATURES, reranker.weights, strict=True)),
        "target_precision": cfg.target_precision,
        "threshold": threshold,
        "dev": dev_metrics,
        "dev_curve": [
            {k: c[k] for k in ("threshold", "sentence_detection", "char_detection", "fp_sentence_rate")}
            for c in curve[::5]
        ],
    }
    (out_dir / "train_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report
