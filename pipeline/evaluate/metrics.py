"""Detection quality against labelled documents. Pure functions: gold and predicted flag sets in, numbers out.

Document level: per code, a document counts once — true positive when both gold and prediction flag the
code, false positive when only the prediction does, false negative when only the gold does.

Span level (overlap match): per document and code, the gold spans of all gold flags and the evidence spans
of all predicted flags are paired one to one, greedily by largest overlap (a pair needs at least one shared
character). Precision = matched predicted spans / predicted spans, recall = matched gold spans / gold spans.
A gold flag with no spans (an absent element has nowhere to point) can only be scored at document level:
when a document has one, that document and code are left out of span scoring (counted as `unscored`).

Division by zero gives 0.0 (the scikit-learn convention); macro averages run over the codes that occur in
the gold or the prediction, micro averages pool the counts of all codes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..grade import DEFECTIVE, PASS, UNQUALIFIED_RISK
from ..taxonomy import VIOLATION, family_of

GRADES = (PASS, DEFECTIVE, UNQUALIFIED_RISK)
NO_CODE = "(none)"  # confusion column: a missed gold flag that no other predicted code overlapped

SpanPair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class LabelledFlag:
    """One flag reduced to what is scored: its code and its evidence spans (raw offsets, end exclusive)."""

    code: str
    spans: tuple[SpanPair, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    doc_type: str
    flags: tuple[LabelledFlag, ...] = ()
    grade: str | None = None  # explicit gold grade; None derives it from the flags

    @property
    def gold_grade(self) -> str:
        return self.grade or derive_grade(f.code for f in self.flags)


@dataclass(frozen=True, slots=True)
class Prediction:
    flags: tuple[LabelledFlag, ...]
    grade: str


def derive_grade(codes: Iterable[str]) -> str:
    """pipeline/grade.py without confidences: any violation code -> unqualified_risk, any flag -> defective."""
    codes = list(codes)
    if any(family_of(c) == VIOLATION for c in codes):
        return UNQUALIFIED_RISK
    return DEFECTIVE if codes else PASS


def prf(hit_pred: int, n_pred: int, hit_gold: int, n_gold: int, *, digits: int | None = 4) -> dict[str, float]:
    """Precision over predictions, recall over gold, F1; 0.0 where a denominator is zero."""
    p = hit_pred / n_pred if n_pred else 0.0
    r = hit_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"precision": p, "recall": r, "f1": f}
    return {k: round(v, digits) for k, v in out.items()} if digits is not None else out


def label_agreement(gold: Sequence[str], predicted: Sequence[str], order: Sequence[str] = ()) -> dict[str, Any]:
    """Accuracy and confusion (rows gold, columns predicted) of one label per document: grade, doc type."""
    confusion: dict[str, Counter] = defaultdict(Counter)
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    correct = sum(row[g] for g, row in confusion.items())
    rows = [g for g in order if g in confusion] + sorted(g for g in confusion if g not in order)
    return {
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "correct": correct,
        "total": len(gold),
        "confusion": {g: dict(sorted(confusion[g].items())) for g in rows},
    }


def overlap(a: SpanPair, b: SpanPair) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(pred: Sequence[SpanPair], gold: Sequence[SpanPair]) -> list[tuple[int, int]]:
    """One-to-one greedy matching: (pred index, gold index) pairs, largest overlap first, ties by position."""
    candidates = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if overlap(p, g) > 0),
        key=lambda t: (-t[0], pred[t[1]], gold[t[2]]),
    )
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _spans_by_code(flags: Iterable[LabelledFlag]) -> dict[str, list[SpanPair]]:
    """Distinct spans per code, sorted (two flags citing the same words are one piece of evidence)."""
    out: dict[str, set[SpanPair]] = defaultdict(set)
    for f in flags:
        out[f.code].update(f.spans)
    return {code: sorted(spans) for code, spans in out.items()}


@dataclass
class _CodeCounts:
    doc_tp: int = 0
    doc_fp: int = 0
    doc_fn: int = 0
    span_gold: int = 0
    span_pred: int = 0
    span_matched: int = 0
    span_unscored: int = 0

    def document_counts(self) -> tuple[int, int, int, int]:
        return self.doc_tp, self.doc_tp + self.doc_fp, self.doc_tp, self.doc_tp + self.doc_fn

    def span_counts(self) -> tuple[int, int, int, int]:
        return self.span_matched, self.span_pred, self.span_matched, self.span_gold

    def document(self) -> dict[str, Any]:
        support, predicted = self.doc_tp + self.doc_fn, self.doc_tp + self.doc_fp
        return {
            "support": support,
            "predicted": predicted,
            "tp": self.doc_tp,
            "fp": self.doc_fp,
            "fn": self.doc_fn,
            **prf(self.doc_tp, predicted, self.doc_tp, support),
        }

    def span(self) -> dict[str, Any]:
        return {
            "support": self.span_gold,
            "predicted": self.span_pred,
            "matched_predicted": self.span_matched,
            "matched_gold": self.span_matched,
            "unscored": self.span_unscored,
            **prf(self.span_matched, self.span_pred, self.span_matched, self.span_gold),
        }


def _averages(counts: list[tuple[int, int, int, int]]) -> dict[str, Any]:
    """Micro (pooled counts) and macro (mean over codes seen in gold or prediction, from unrounded values)."""
    active = [c for c in counts if c[1] or c[3]]
    micro = prf(*(sum(c[i] for c in counts) for i in range(4)))
    per_code = [prf(*c, digits=None) for c in active]
    macro = {
        k: round(sum(m[k] for m in per_code) / len(per_code), 4) if per_code else 0.0
        for k in ("precision", "recall", "f1")
    }
    return {"micro": micro, "macro": {**macro, "codes": len(active)}}


def _missed_gold_confusion(
    gold: GoldDocument, pred_spans: dict[str, list[SpanPair]], confusion: dict[str, Counter]
) -> None:
    """For each gold flag its own code did not find, the predicted codes whose evidence overlapped it."""
    for flag in gold.flags:
        if not flag.spans:
            if flag.code not in pred_spans:
                confusion[flag.code][NO_CODE] += 1
            continue
        if any(overlap(p, g) for p in pred_spans.get(flag.code, ()) for g in flag.spans):
            continue
        others = sorted(
            code
            for code, spans in pred_spans.items()
            if code != flag.code and any(overlap(p, g) for p in spans for g in flag.spans)
        )
        for code in others or [NO_CODE]:
            confusion[flag.code][code] += 1


def evaluate(golds: Sequence[GoldDocument], predictions: Sequence[Prediction]) -> dict[str, Any]:
    """All the numbers for one gold set and the predictions for it (same order), as a JSON-ready dict."""
    if len(golds) != len(predictions):
        raise ValueError(f"expected one prediction per gold document, found {len(predictions)} for {len(golds)}")
    counts: dict[str, _CodeCounts] = defaultdict(_CodeCounts)
    confusion: dict[str, Counter] = defaultdict(Counter)
    mistakes = []
    clean = clean_flagged = 0
    for gold, pred in zip(golds, predictions, strict=True):
        gold_codes = {f.code for f in gold.flags}
        pred_codes = {f.code for f in pred.flags}
        for code in gold_codes | pred_codes:
            c = counts[code]
            c.doc_tp += code in gold_codes and code in pred_codes
            c.doc_fp += code in pred_codes and code not in gold_codes
            c.doc_fn += code in gold_codes and code not in pred_codes
        pred_spans = _spans_by_code(pred.flags)
        gold_spans = _spans_by_code(gold.flags)
        spanless = {f.code for f in gold.flags if not f.spans}
        for code in gold_codes | pred_codes:
            c = counts[code]
            if code in spanless:
                c.span_unscored += 1
                continue
            p, g = pred_spans.get(code, []), gold_spans.get(code, [])
            c.span_pred += len(p)
            c.span_gold += len(g)
            c.span_matched += len(match_spans(p, g))
        _missed_gold_confusion(gold, pred_spans, confusion)
        gold_grade = gold.gold_grade
        if not gold_codes:
            clean += 1
            clean_flagged += bool(pred_codes)
        if gold_codes != pred_codes or gold_grade != pred.grade:
            mistakes.append(
                {
                    "id": gold.id,
                    "missed": sorted(gold_codes - pred_codes),
                    "spurious": sorted(pred_codes - gold_codes),
                    "gold_grade": gold_grade,
                    "predicted_grade": pred.grade,
                }
            )
    codes = {code: {"document": counts[code].document(), "span": counts[code].span()} for code in sorted(counts)}
    return {
        "documents": len(golds),
        "clean_documents": clean,
        "clean_documents_flagged": clean_flagged,
        "codes": codes,
        "document_level": _averages([c.document_counts() for c in counts.values()]),
        "span_level": _averages([c.span_counts() for c in counts.values()]),
        "confusion": {gold: dict(sorted(row.items())) for gold, row in sorted(confusion.items())},
        "grade": label_agreement([g.gold_grade for g in golds], [p.grade for p in predictions], GRADES),
        "mistakes": mistakes,
    }
