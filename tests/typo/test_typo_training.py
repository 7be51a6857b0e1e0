"""Threshold selection on real text: flags per sentence never overlap, unlabelled flags count as wrong,
and the lowest threshold meeting the rate and precision targets is chosen."""

from __future__ import annotations

import numpy as np

from pipeline.typo.training import RealCandidates, TrainConfig, choose_threshold, real_metrics, select_flags


def candidates() -> tuple[RealCandidates, np.ndarray]:
    # Two sentences; in sentence 0 two candidates overlap at offset 5 (only the better one is a flag).
    y = np.array([1, 0, 1, 0, 0])
    labelled = np.array([True, True, True, False, True])
    sent = np.array([0, 0, 1, 1, 1])
    start = np.array([5, 5, 20, 30, 40])
    conf = np.array([0.95, 0.90, 0.80, 0.60, 0.40])
    rc = RealCandidates(
        x=np.zeros((5, 1)), y=y, labelled=labelled, doc=np.zeros(5, dtype=int), sent=sent, start=start,
        end=start + 1, chars=100_000, keys=[("d", int(s), "a", "b") for s in start],
    )  # fmt: skip
    return rc, conf


def test_overlapping_candidates_give_one_flag() -> None:
    rc, conf = candidates()
    assert select_flags(rc, conf, 0.5).tolist() == [True, False, True, True, False]


def test_unlabelled_flags_count_as_wrong() -> None:
    rc, conf = candidates()
    m = real_metrics(rc, conf, 0.5)
    assert (m["flags"], m["labelled"], m["right"]) == (3, 2, 2)
    assert m["precision_floor"] == round(2 / 3, 4)
    assert m["flags_per_10k_chars"] == 0.3


def test_lowest_threshold_meeting_both_targets() -> None:
    rc, conf = candidates()
    thr, curve = choose_threshold(rc, conf, TrainConfig(max_flags_per_10k=0.5, min_precision=0.9, log=lambda _: None))
    assert thr == 0.61  # 0.6 admits the unlabelled flag at 0.60 (precision 2/3); above it: 2 of 2 right
    assert all(c["precision_floor"] < 0.9 for c in curve if c["threshold"] < thr)
