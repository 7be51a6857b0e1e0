"""Chinese spelling-check metrics (SIGHAN conventions), detection and correction, sentence and character level.

Sentence level: a sentence counts as a hit for detection when the set of changed positions equals
the gold set (and the gold set is not empty), for correction when the whole predicted sentence equals
the target. Character level: over (sentence, position) pairs. Precision is over sentences/positions
the system changed, recall over those with gold errors. `fp_sentence_rate` is the share of
error-free sentences on which the system flagged anything — what a reviewer would wade through.
"""

from __future__ import annotations

from collections.abc import Sequence


def _prf(hit: int, pred: int, gold: int) -> dict[str, float]:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def csc_metrics(sources: Sequence[str], targets: Sequence[str], predictions: Sequence[str]) -> dict:
    s_det = s_cor = s_pred = s_gold = 0
    c_det = c_cor = c_pred = c_gold = 0
    clean = clean_flagged = 0
    for src, tgt, prd in zip(sources, targets, predictions, strict=True):
        if len(prd) != len(src):
            raise ValueError("predictions must keep the sentence length")
        gold = {i for i, (a, b) in enumerate(zip(src, tgt, strict=True)) if a != b}
        pred = {i for i, (a, b) in enumerate(zip(src, prd, strict=True)) if a != b}
        if gold:
            s_gold += 1
        else:
            clean += 1
            clean_flagged += bool(pred)
        if pred:
            s_pred += 1
        if gold and pred == gold:
            s_det += 1
            if prd == tgt:
                s_cor += 1
        c_gold += len(gold)
        c_pred += len(pred)
        both = gold & pred
        c_det += len(both)
        c_cor += sum(1 for i in both if prd[i] == tgt[i])
    return {
        "sentences": len(sources),
        "sentences_with_errors": s_gold,
        "sentence_detection": _prf(s_det, s_pred, s_gold),
        "sentence_correction": _prf(s_cor, s_pred, s_gold),
        "char_detection": _prf(c_det, c_pred, c_gold),
        "char_correction": _prf(c_cor, c_pred, c_gold),
        "fp_sentence_rate": round(clean_flagged / clean, 4) if clean else 0.0,
    }
