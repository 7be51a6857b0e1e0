"""deadline_near: a clock still running at the as-of date with ≤ NEAR_DAYS left flags; one with more time,
one already ended, one that a later stage shows ended, and a paused one do not. Synthetic text, fictitious names."""

from __future__ import annotations

from datetime import date

import pytest
from detector_context import make_context

from pipeline.detectors.deadline_near import CONF_CUSTODY, CONF_OTHER, NEAR_DAYS, DeadlineNear

HEAD = "审查报告\n犯罪嫌疑人甲某，男，1985年3月2日出生，汉族，无业。"


def run(raw: str, as_of: str | date | None, doc_type: str = "review_report"):
    ctx = make_context(raw, doc_type, {"as_of": as_of} if as_of is not None else None)
    flags = list(DeadlineNear().detect(ctx))
    for f in flags:
        assert f.code == "deadline_near" and f.basis and f.reason
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


REVIEW_ON_BAIL = HEAD + "于2019年2月1日被某县公安局取保候审。本案于2019年3月1日移送本院审查起诉。"
DETAINED = HEAD + "因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留。"


@pytest.mark.parametrize(
    ("raw", "as_of", "conf", "words"),
    [
        # 审查起诉 due Monday 2019-04-01 (03-30/31 is a weekend, on bail it moves): 3 days left on 03-29
        (REVIEW_ON_BAIL, "2019-03-29", CONF_OTHER, "剩余3日"),
        (REVIEW_ON_BAIL, date(2019, 4, 1), CONF_OTHER, "剩余0日"),
        # 拘留 with no arrest decision yet: 10 days, due 2019-03-11, in custody
        (DETAINED, "2019-03-09", CONF_CUSTODY, "剩余2日"),
        # 取保候审 12 months, ending 2020-03-01 (a Sunday) -> due Monday 03-02
        (HEAD + "因涉嫌盗窃罪，于2019年3月1日被某县公安局取保候审。", "2020-02-28", CONF_OTHER, "取保候审"),
    ],
)  # fmt: skip
def test_positive(raw: str, as_of, conf: float, words: str) -> None:
    (flag,) = run(raw, as_of)
    assert flag.confidence == conf and words in flag.reason


@pytest.mark.parametrize(
    ("raw", "as_of"),
    [
        (REVIEW_ON_BAIL, "2019-03-20"),  # 12 days left
        (REVIEW_ON_BAIL, "2019-04-05"),  # already past: overdue, not near
        (REVIEW_ON_BAIL, "2019-02-20"),  # before the clock started
        # ended: the arrest decision is recorded
        (DETAINED.replace("刑事拘留。", "刑事拘留，同年3月8日经本院批准逮捕。"), "2019-03-09"),
        # ended at an unknown time: the case has reached the court
        (REVIEW_ON_BAIL + "某县人民检察院于2019年3月20日向某县人民法院提起公诉。", "2019-03-29"),
        # paused clock
        (REVIEW_ON_BAIL + "其间，因鉴定停止计算审查起诉期限。", "2019-03-29"),
        # no as-of date and no document date
        (REVIEW_ON_BAIL, None),
    ],
)  # fmt: skip
def test_negative(raw: str, as_of) -> None:
    assert run(raw, as_of) == []


def test_document_date_is_the_default_as_of() -> None:
    raw = REVIEW_ON_BAIL + "\n承办检察官 王某\n二〇一九年三月二十九日\n"
    (flag,) = run(raw, None)
    assert "剩余3日" in flag.reason


def test_threshold_constant() -> None:
    assert NEAR_DAYS == 3
    assert run(REVIEW_ON_BAIL, "2019-03-28") == []  # 4 days left
