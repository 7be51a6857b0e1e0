"""`evaluate` end to end on a small gold file, the gold format checks, and pluggable predictors.

data/gold_small.jsonl holds three fictitious 起诉书 (invented persons, city, units and ID numbers; custody
and review periods within their limits): one with a wrong ID check digit and a 刑讯逼供 claim, one clean,
one whose ID number says female while the text says 男 and whose 告知 date precedes the 移送审查起诉 date.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.evaluate.command import evaluate
from pipeline.evaluate.gold import GoldFormatError, parse_gold, read_gold
from pipeline.evaluate.metrics import GoldDocument, LabelledFlag
from pipeline.evaluate.runner import (
    ClassifierNotFound,
    CombinedPredictor,
    Predictor,
    evaluate_predictor,
    load_classifier,
    load_predictor,
)
from pipeline.types import Document, Flag, Span

GOLD = Path(__file__).parent / "data" / "gold_small.jsonl"
DETECTORS = "identity_mismatch,illegal_evidence"


def test_gold_file_offsets_point_at_the_labelled_words() -> None:
    docs = {d.id: d for d in read_gold(GOLD)}
    quotes = {
        (d.id, f.code): [d.text[s:e] for s, e in f.spans] for d in docs.values() for f in d.flags
    }  # fmt: skip
    assert quotes == {
        ("synth-01", "identity_mismatch"): ["330327198506120030"],
        ("synth-01", "illegal_evidence"): ["被告人周立军辩称其有罪供述系侦查人员刑讯逼供所得。"],
        ("synth-03", "identity_mismatch"): ["男", "330327198802140021"],
        ("synth-03", "date_error"): ["2023年7月12日"],
    }


def test_evaluate_json_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    args = ["--gold", str(GOLD), "--format", "json", "--detectors", DETECTORS, "--out", str(out)]
    result = CliRunner().invoke(evaluate, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert json.loads(out.read_text(encoding="utf-8")) == report
    codes = report["codes"]
    assert codes["identity_mismatch"]["document"] == {
        "support": 2, "predicted": 2, "tp": 2, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0,
    }  # fmt: skip
    assert (codes["identity_mismatch"]["span"]["support"], codes["identity_mismatch"]["span"]["matched_gold"]) == (3, 3)
    assert codes["illegal_evidence"]["document"]["tp"] == 1
    # date_error was not among the detectors run: a miss, overlapped by no other code
    assert codes["date_error"]["document"]["fn"] == 1
    assert report["confusion"] == {"date_error": {"(none)": 1}}
    assert report["document_level"]["micro"] == {"precision": 1.0, "recall": 0.75, "f1": 0.8571}
    assert report["grade"]["accuracy"] == 1.0
    assert report["grade"]["confusion"] == {
        "pass": {"pass": 1}, "defective": {"defective": 1}, "unqualified_risk": {"unqualified_risk": 1},
    }  # fmt: skip
    assert report["doc_type"] == {
        "accuracy": 1.0,
        "correct": 3,
        "total": 3,
        "confusion": {"indictment": {"indictment": 3}},
    }
    assert report["run"]["source"] == "rules" and report["run"]["errors"] == []
    assert report["run"]["detectors"] == DETECTORS.split(",")


def test_evaluate_table_and_repeated_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(evaluate, ["--gold", str(GOLD), "--gold", str(GOLD), "--detectors", DETECTORS])
    assert result.exit_code == 0, result.output
    assert "identity_mismatch 身份信息矛盾" in result.stdout
    assert "6 documents, 2 without gold flags" in result.stdout
    assert "Grade accuracy 1.000 (6/6)" in result.stdout
    assert "Doc type recognised 1.000 (6/6)" in result.stdout


@pytest.mark.parametrize("source", ["classifier", "combined"])
def test_classifier_sources_say_that_no_classifier_is_trained(source: str) -> None:
    result = CliRunner().invoke(evaluate, ["--gold", str(GOLD), "--source", source])
    assert result.exit_code == 1
    assert "no trained classifier found at" in result.output and "models" in result.output
    with pytest.raises(ClassifierNotFound):
        load_predictor(source)


def test_classifier_folder_without_a_loader_is_not_faked(tmp_path: Path) -> None:
    with pytest.raises(ClassifierNotFound, match="no classifier loader"):
        load_classifier(tmp_path)


def test_unknown_detector_is_one_clear_line() -> None:
    result = CliRunner().invoke(evaluate, ["--gold", str(GOLD), "--detectors", "no_such_detector"])
    assert result.exit_code == 1
    assert "unknown detector(s): no_such_detector" in result.output


def test_bad_gold_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    good = GOLD.read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(good + "\n\n" + json.dumps({"id": 2, "text": "某文书", "doc_type": "indictment",
                                                "flags": [{"code": "typo", "spans": [[2, 9]]}]}) + "\n",
                   encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(evaluate, ["--gold", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:3" in result.output and "0 <= start < end <= 3" in result.output


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a", "text": "文", "doc_type": "indictment"}, "missing field(s) flags"),
        ({"id": "a", "text": "  ", "doc_type": "indictment", "flags": []}, "'text' must be a non-empty string"),
        ({"id": "a", "text": "文", "doc_type": "memo", "flags": []}, "unknown doc_type 'memo'"),
        ({"id": "a", "text": "文", "doc_type": "other", "flags": [], "grade": "bad"}, "unknown grade 'bad'"),
        ({"id": "a", "text": "文", "doc_type": "other", "flags": [{"code": "typos"}]}, "unknown code 'typos'"),
        ({"id": "a", "text": "文本", "doc_type": "other", "flags": [{"code": "typo", "spans": [[1, 1]]}]}, "[1, 1]"),
        ({"id": "a", "text": "文本", "doc_type": "other", "flags": [{"code": "typo", "spans": [1, 2]}]}, "found 1"),
        (["not", "an", "object"], "expected a JSON object"),
    ],
)
def test_gold_format_errors(record: object, message: str) -> None:
    with pytest.raises(GoldFormatError, match=r"^x:1") as info:
        parse_gold(record, "x:1")
    assert message in str(info.value)


def test_gold_integer_ids_and_extra_keys_are_accepted() -> None:
    doc = parse_gold({"id": 7, "text": "文本", "doc_type": "other", "flags": [], "note": "generator 1.0"})
    assert doc == GoldDocument("7", "文本", "other", (), None)


class FixedPredictor:
    """A stand-in classifier: flags 'typo' on the first two characters of every document, fails on one."""

    name = "fixed"

    def predict(self, document: Document) -> list[Flag]:
        if "坏" in document.raw:
            raise RuntimeError("model crashed")
        span = Span(0, 2, document.raw[:2])
        return [Flag("typo", "defect", "low", 0.9, [span], "basis", "reason", "fixed", "1")]


def test_any_predictor_plugs_in_and_failures_are_reported() -> None:
    golds = [
        GoldDocument("ok", "帐目不清。", "other", (LabelledFlag("typo", ((0, 1),)),)),
        GoldDocument("broken", "坏文档。", "other", (LabelledFlag("typo", ((0, 1),)),)),
    ]
    assert isinstance(FixedPredictor(), Predictor)
    report = evaluate_predictor(golds, CombinedPredictor([FixedPredictor(), FixedPredictor()]))
    assert report["run"]["source"] == "combined"
    assert report["run"]["errors"] == [{"id": "broken", "reason": "RuntimeError: model crashed"}]
    typo = report["codes"]["typo"]
    assert (typo["document"]["tp"], typo["document"]["fn"]) == (1, 1)
    assert (typo["span"]["predicted"], typo["span"]["matched_gold"]) == (1, 1)  # the two sources agree: one span
