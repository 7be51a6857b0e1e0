"""Metrics on hand-built gold/prediction pairs, with the numbers worked out by hand."""

import pytest

from pipeline.evaluate.metrics import (
    NO_CODE,
    GoldDocument,
    LabelledFlag,
    Prediction,
    derive_grade,
    evaluate,
    label_agreement,
    match_spans,
)


def gold(doc_id: str, *flags: LabelledFlag, grade: str | None = None) -> GoldDocument:
    return GoldDocument(doc_id, "文" * 200, "indictment", tuple(flags), grade)


def pred(*flags: LabelledFlag, grade: str = "defective") -> Prediction:
    return Prediction(tuple(flags), grade)


def flag(code: str, *spans: tuple[int, int]) -> LabelledFlag:
    return LabelledFlag(code, spans)


@pytest.mark.parametrize(
    ("p", "g", "pairs"),
    [
        ([(0, 10)], [(5, 12), (0, 8)], [(0, 1)]),  # the larger overlap wins
        ([(0, 10), (6, 20)], [(5, 12)], [(1, 0)]),  # one gold span takes one predicted span
        ([(0, 5), (5, 10)], [(0, 10)], [(0, 0)]),  # two halves of one gold span: one match
        ([(0, 5)], [(5, 9)], []),  # touching is not overlapping
        ([(0, 4), (10, 14)], [(3, 11)], [(0, 0)]),  # equal overlaps: the earlier predicted span
        ([], [(1, 2)], []),
    ],
)
def test_match_spans_is_one_to_one_and_greedy(p, g, pairs) -> None:
    assert match_spans(p, g) == pairs


def test_partial_overlaps_count_at_span_level() -> None:
    golds = [gold("d1", flag("date_error", (10, 20), (30, 40)))]
    preds = [pred(flag("date_error", (15, 25)), flag("date_error", (38, 50), (60, 70)))]
    m = evaluate(golds, preds)["codes"]["date_error"]
    assert m["document"] == {
        "support": 1, "predicted": 1, "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0,
    }  # fmt: skip
    assert m["span"] == {
        "support": 2, "predicted": 3, "matched_predicted": 2, "matched_gold": 2, "unscored": 0,
        "precision": 0.6667, "recall": 1.0, "f1": 0.8,
    }  # fmt: skip


def test_the_same_evidence_cited_twice_is_one_predicted_span() -> None:
    m = evaluate([gold("d1", flag("typo", (3, 5)))], [pred(flag("typo", (3, 5)), flag("typo", (3, 5)))])
    assert m["codes"]["typo"]["span"]["predicted"] == 1
    assert m["codes"]["typo"]["span"]["precision"] == 1.0


def test_a_flag_predicted_with_the_wrong_code() -> None:
    golds = [gold("d1", flag("amount_mismatch", (100, 110)), flag("typo", (150, 152)))]
    preds = [pred(flag("date_error", (102, 108)))]
    report = evaluate(golds, preds)
    codes = report["codes"]
    assert codes["amount_mismatch"]["document"]["fn"] == 1
    assert codes["date_error"]["document"]["fp"] == 1
    assert codes["date_error"]["document"]["precision"] == 0.0
    assert codes["date_error"]["span"]["predicted"] == 1 and codes["date_error"]["span"]["support"] == 0
    # the 数额 flag was overlapped by the date_error evidence; the typo flag by nothing
    assert report["confusion"] == {"amount_mismatch": {"date_error": 1}, "typo": {NO_CODE: 1}}
    assert report["mistakes"] == [
        {"id": "d1", "missed": ["amount_mismatch", "typo"], "spurious": ["date_error"],
         "gold_grade": "defective", "predicted_grade": "defective"},
    ]  # fmt: skip


def test_a_gold_flag_found_by_its_own_code_is_not_in_the_confusion() -> None:
    golds = [gold("d1", flag("amount_mismatch", (100, 110)))]
    preds = [pred(flag("amount_mismatch", (105, 106)), flag("date_error", (100, 110)))]
    assert evaluate(golds, preds)["confusion"] == {}


def test_empty_gold() -> None:
    golds = [gold("d1"), gold("d2")]
    preds = [pred(flag("typo", (1, 3))), pred(grade="pass")]
    report = evaluate(golds, preds)
    assert report["codes"]["typo"]["document"] == {
        "support": 0, "predicted": 1, "tp": 0, "fp": 1, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0,
    }  # fmt: skip
    assert report["clean_documents"] == 2 and report["clean_documents_flagged"] == 1
    assert report["document_level"]["micro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert report["grade"] == {
        "accuracy": 0.5, "correct": 1, "total": 2, "confusion": {"pass": {"defective": 1, "pass": 1}},
    }  # fmt: skip
    assert report["confusion"] == {}


def test_empty_prediction() -> None:
    golds = [gold("d1", flag("illegal_evidence", (0, 20))), gold("d2", flag("typo", (5, 6)))]
    preds = [pred(grade="pass"), pred(grade="pass")]
    report = evaluate(golds, preds)
    for code in ("illegal_evidence", "typo"):
        assert report["codes"][code]["document"]["recall"] == 0.0
        assert report["codes"][code]["span"] == {
            "support": 1, "predicted": 0, "matched_predicted": 0, "matched_gold": 0, "unscored": 0,
            "precision": 0.0, "recall": 0.0, "f1": 0.0,
        }  # fmt: skip
    assert report["confusion"] == {"illegal_evidence": {NO_CODE: 1}, "typo": {NO_CODE: 1}}
    assert report["grade"]["confusion"] == {"defective": {"pass": 1}, "unqualified_risk": {"pass": 1}}
    assert report["grade"]["accuracy"] == 0.0


def test_nothing_at_all() -> None:
    report = evaluate([], [])
    assert report["codes"] == {} and report["documents"] == 0
    assert report["document_level"]["macro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "codes": 0}
    assert report["grade"]["accuracy"] == 0.0


def test_macro_and_micro_averages_differ_as_worked_out() -> None:
    # typo:             tp 1, fp 0, fn 0 -> P 1, R 1, F1 1
    # illegal_evidence: tp 1, fp 1, fn 2 -> P 1/2, R 1/3, F1 0.4
    # macro: P 0.75, R 0.6667, F1 0.7; micro: tp 2, fp 1, fn 2 -> P 2/3, R 1/2, F1 4/7
    ie = flag("illegal_evidence", (0, 10))
    golds = [gold("d1", flag("typo", (1, 2))), gold("d2", ie), gold("d3", ie), gold("d4", ie), gold("d5")]
    preds = [
        pred(flag("typo", (1, 2))),
        pred(ie, grade="unqualified_risk"),
        pred(grade="pass"),
        pred(grade="pass"),
        pred(ie, grade="unqualified_risk"),
    ]
    report = evaluate(golds, preds)
    assert report["codes"]["illegal_evidence"]["document"]["f1"] == 0.4
    assert report["document_level"]["macro"] == {"precision": 0.75, "recall": 0.6667, "f1": 0.7, "codes": 2}
    assert report["document_level"]["micro"] == {"precision": 0.6667, "recall": 0.5, "f1": 0.5714}
    assert report["grade"]["correct"] == 2  # d1 defective, d2 unqualified_risk
    assert report["grade"]["accuracy"] == 0.4


def test_a_spanless_gold_flag_is_scored_at_document_level_only() -> None:
    golds = [gold("d1", flag("missing_element")), gold("d2", flag("missing_element", (0, 5)))]
    preds = [pred(flag("missing_element", (40, 50))), pred(flag("missing_element", (2, 4)))]
    m = evaluate(golds, preds)["codes"]["missing_element"]
    assert m["document"]["tp"] == 2
    assert m["span"]["unscored"] == 1
    assert (m["span"]["support"], m["span"]["predicted"], m["span"]["precision"]) == (1, 1, 1.0)


@pytest.mark.parametrize(
    ("codes", "grade"),
    [
        ([], "pass"),
        (["typo", "date_error"], "defective"),
        (["typo", "overdue_custody"], "unqualified_risk"),
        (["privacy_leak"], "unqualified_risk"),
    ],
)
def test_derived_gold_grade(codes: list[str], grade: str) -> None:
    assert derive_grade(codes) == grade
    assert gold("d", *(flag(c) for c in codes)).gold_grade == grade


def test_an_explicit_gold_grade_wins() -> None:
    # e.g. a 刑讯逼供 claim the court examined and rejected: a flag to review, not a reportable document
    assert gold("d", flag("illegal_evidence", (0, 3)), grade="defective").gold_grade == "defective"


def test_predictions_must_pair_with_gold() -> None:
    with pytest.raises(ValueError, match="one prediction per gold document"):
        evaluate([gold("d1")], [])


def test_label_agreement_rows_follow_the_given_order() -> None:
    result = label_agreement(["judgment", "indictment", "indictment"], ["judgment", "other", "indictment"],
                             ["indictment", "judgment"])  # fmt: skip
    assert result == {
        "accuracy": 0.6667, "correct": 2, "total": 3,
        "confusion": {"indictment": {"indictment": 1, "other": 1}, "judgment": {"judgment": 1}},
    }  # fmt: skip
    assert list(result["confusion"]) == ["indictment", "judgment"]
