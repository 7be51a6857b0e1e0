"""Specificity rules of the spelling check: changes the LM cannot judge are never made, real-word
changes are capped below the shipped threshold, and ordinary words are recognised by segmentation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from pipeline.typo.spelling import (
    FEATURES,
    REAL_WORD_FACTOR,
    REAL_WORD_MIN_FREQ,
    Reranker,
    never_suggest,
)
from pipeline.typo.words import segment_cover, segment_words, word_frequencies


@pytest.mark.parametrize(
    ("original", "replacement"),
    [
        ("九", "六"),  # list numbering （九）/ 九、
        ("七", "十"),  # 拘留七日
        ("二", "一"),  # 复印件二份
        ("她", "他"),  # gender cannot be judged from the LM
        ("他", "她"),
        ("为", "未"),  # 均为成年人 / 均未成年: negation
        ("不", "部"),  # 少分或不分
        ("的", "地"),
        ("下", "上"),  # 以下 / 以上
        ("买", "卖"),
        ("和", "或"),
        ("却", "确"),  # 一审判决却认定
        ("去", "车"),  # 我骑摩托去的
        ("是", "事"),
        ("哪", "那"),
    ],
)
def test_changes_the_lm_cannot_judge_are_never_made(original: str, replacement: str) -> None:
    assert never_suggest(original, replacement)


@pytest.mark.parametrize(
    ("original", "replacement"), [("侯", "候"), ("辨", "辩"), ("凉", "谅"), ("己", "已"), ("份", "分")]
)
def test_ordinary_confusions_stay_open(original: str, replacement: str) -> None:
    assert not never_suggest(original, replacement)


def test_real_word_originals_are_capped_below_the_threshold() -> None:
    n = len(FEATURES)
    always = Reranker(weights=(0.0,) * n, bias=30.0, mean=(0.0,) * n, scale=(1.0,) * n)
    x = np.zeros((2, n))
    x[1, FEATURES.index("orig_word")] = math.log1p(REAL_WORD_MIN_FREQ)
    conf = always.confidences(x)
    assert conf[0] == pytest.approx(1.0)
    assert conf[1] == pytest.approx(REAL_WORD_FACTOR)


def test_segmentation_decides_what_is_inside_a_word() -> None:
    words = word_frequencies()
    sentence = "关于刑事附带民事诉讼部分辨护意见"
    i = sentence.index("辨")
    assert segment_cover(words, segment_words(sentence), i, i + 1) == (0.0, "")  # not inside 分辨
    sentence = "与被告人采取殴打、威胁、恫吓等手段"
    i = sentence.index("恫")
    score, word = segment_cover(words, segment_words(sentence), i, i + 1)
    assert word == "恫吓" and score >= math.log1p(REAL_WORD_MIN_FREQ)
