"""SIGHAN-style spelling-check metrics on hand-made cases."""

from __future__ import annotations

import pytest

from pipeline.typo.evaluate import csc_metrics


def test_perfect_system() -> None:
    src = ["程序正档", "上述证据"]
    tgt = ["程序正当", "上述证据"]
    m = csc_metrics(src, tgt, tgt)
    assert m["sentence_detection"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert m["char_correction"]["f1"] == 1.0
    assert m["fp_sentence_rate"] == 0.0


def test_partial_and_false_positive() -> None:
    src = ["程序正档明了", "上述证据", "宅犬人提出申请"]
    tgt = ["程序正当明了", "上述证据", "债权人提出申请"]
    prd = ["程序正当明了", "上诉证据", "债犬人提出申请"]  # 3rd: one of its two errors found
    m = csc_metrics(src, tgt, prd)
    # sentence level: predicted 3, gold 2, exact position sets: 1 (the first)
    assert m["sentence_detection"]["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["sentence_detection"]["recall"] == 0.5
    # char level: predicted positions 1 + 1 + 1, gold 1 + 2, hits 2
    assert m["char_detection"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["char_detection"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["fp_sentence_rate"] == 1.0


def test_length_change_is_an_error() -> None:
    with pytest.raises(ValueError):
        csc_metrics(["程序正档"], ["程序正当"], ["程序正当了"])
