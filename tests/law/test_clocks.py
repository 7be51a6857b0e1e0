"""The deadline engine: art. 105 / art. 202 counting, holidays in and out of custody, recorded extensions,
补充侦查 restarts, and the statute quotes checked against the corpus text. Synthetic text, fictitious names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.detectors.base import Context
from pipeline.law import clocks
from pipeline.law.clocks import ART_105, MET, OVER, OVERDUE_RUNNING, QUOTES, RUNNING, case_clocks, compute_clocks
from pipeline.law.holidays import Period, add_months, deadline, period_end, sentence_end_candidates
from pipeline.normalize import normalize
from pipeline.sentences import sentence_spans
from pipeline.types import Document, make_doc_id

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws" / "lawrefbook"


# ------------------------------------------------------------------------------------------ counting


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2019, 3, 5), 1, date(2019, 4, 5)),
        (date(2019, 1, 31), 1, date(2019, 2, 28)),  # next month has no 31st: its last day
        (date(2020, 1, 31), 1, date(2020, 2, 29)),  # leap year
        (date(2019, 1, 30), 1, date(2019, 2, 28)),
        (date(2019, 2, 28), 1, date(2019, 3, 31)),  # from a month's last day to the next month's last day
        (date(2020, 2, 28), 1, date(2020, 3, 28)),  # 2020-02-28 is not February's last day
        (date(2019, 11, 30), 2, date(2020, 1, 31)),
        (date(2019, 12, 15), 12, date(2020, 12, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [
        (date(2019, 3, 1), Period(days=3), date(2019, 3, 4)),  # the starting day is not counted
        (date(2019, 12, 30), Period(days=3), date(2020, 1, 2)),
        (date(2019, 3, 1), Period(months=1, days=15), date(2019, 4, 16)),
        (date(2019, 3, 1), Period(days=37), date(2019, 4, 7)),
    ],
)
def test_period_end(start: date, period: Period, expected: date) -> None:
    assert period_end(start, period) == expected


@pytest.mark.parametrize(
    ("start", "years", "months", "expected"),
    [
        (date(2019, 3, 5), 3, 0, {date(2022, 3, 4)}),
        (date(2019, 1, 10), 0, 5, {date(2019, 6, 9)}),
        (date(2019, 1, 31), 0, 1, {date(2019, 2, 27)}),  # 至下月最后一日的前一日
        (date(2019, 2, 28), 0, 1, {date(2019, 3, 30)}),  # 刑期起算日为本月最后一日
        (date(2020, 2, 29), 1, 0, {date(2021, 2, 27)}),  # 次年同月同日不存在
        (date(2019, 8, 31), 1, 6, {date(2021, 2, 27)}),
    ],
)
def test_sentence_end(start: date, years: int, months: int, expected: set[date]) -> None:
    assert sentence_end_candidates(start, years, months) == expected


@pytest.mark.parametrize(
    ("start", "period", "custody", "due", "moved"),
    [
        # 12 months of 取保候审 ending on 国庆 2019-10-01: moves to the first working day, 10-08
        (date(2018, 10, 1), Period(months=12), False, date(2019, 10, 8), True),
        # the same end while in custody does not move
        (date(2018, 10, 1), Period(months=12), True, date(2019, 10, 1), False),
        # a Sunday end moves to Monday
        (date(2019, 3, 28), Period(days=3), False, date(2019, 4, 1), True),
        # a working Sunday (调休) does not move
        (date(2019, 8, 29), Period(months=1), False, date(2019, 9, 29), False),
        (date(2019, 3, 27), Period(days=3), True, date(2019, 3, 30), False),
    ],
)
def test_holidays_in_and_out_of_custody(start, period, custody, due, moved) -> None:
    d = deadline(start, period, custody=custody)
    assert d.due == due
    assert (d.due != d.last_day) is moved
    if custody and d.note:
        assert "在押" in d.note


def test_years_outside_the_calendar_are_not_extended_and_say_so() -> None:
    d = deadline(date(2034, 12, 1), Period(days=30), custody=False)  # 2034-12-31 is a Sunday
    assert d.due == d.last_day == date(2034, 12, 31)
    assert "不在节假日数据范围" in d.note


# ------------------------------------------------------------------------------------------ clocks from text


def context(raw: str, doc_type: str = "indictment", meta: dict | None = None) -> Context:
    norm = normalize(raw)
    doc = Document(make_doc_id(raw), "<test>", raw, meta=meta or {})
    return Context(document=doc, norm=norm, doc_type=doc_type, sentences=sentence_spans(norm.text))


def by_code(raw: str, code: str, **kw) -> list[clocks.ClockResult]:
    return [r for r in case_clocks(context(raw, **kw)) if r.rule.code == code]


HEAD = "被告人甲某，男，1985年3月2日出生，汉族，无业。"
FOOT = "\n此致\n某县人民法院\n检察官 王某\n{d}\n（院印）\n"


@pytest.mark.parametrize(
    ("body", "status", "limit", "due"),
    [
        ("因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年3月8日经本院批准逮捕。", MET, Period(days=10), date(2019, 3, 11)),
        ("因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年5月6日被执行逮捕。", OVER, Period(days=10), date(2019, 3, 11)),
        # the 30-day extension counts when the document records it
        ("因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，因系流窜作案，提请批准逮捕的时间延长至三十日，同年4月5日经本院批准逮捕。",
         MET, Period(days=37), date(2019, 4, 7)),
        # an explicit 提请 date splits the clock in two; this one is the 3-day part
    ],
)  # fmt: skip
def test_detention_to_arrest(body: str, status: str, limit: Period, due: date) -> None:
    (r,) = by_code(HEAD + body, "detention_to_arrest")
    assert (r.status, r.limit, r.due, r.custody) == (status, limit, due, True)
    assert r.person == "甲某"


def test_explicit_request_date_splits_the_clock() -> None:
    raw = (
        HEAD
        + "因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年3月6日提请本院批准逮捕，同年3月15日经本院批准逮捕。"
    )
    (req,) = by_code(raw, "arrest_request")
    (rev,) = by_code(raw, "arrest_review")
    assert (req.status, req.days_over, req.due) == (OVER, 2, date(2019, 3, 4))
    assert (rev.status, rev.days_over, rev.due) == (OVER, 2, date(2019, 3, 13))


def test_investigation_custody_with_recorded_extension() -> None:
    base = (
        HEAD
        + "因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年3月8日被执行逮捕。{ext}本案于2019年6月5日移送本院审查起诉。"
    )
    (plain,) = by_code(base.format(ext=""), "investigation_custody")
    assert (plain.status, plain.due, plain.days_over, plain.beyond_max) == (OVER, date(2019, 5, 8), 28, False)
    (ext,) = by_code(base.format(ext="经某市人民检察院批准延长侦查羁押期限一个月。"), "investigation_custody")
    assert (ext.status, ext.limit, ext.due) == (MET, Period(months=3), date(2019, 6, 8))


def test_review_restarts_after_supplementary_investigation() -> None:
    raw = (
        HEAD
        + "于2019年3月1日被某县公安局取保候审。本案于2019年3月4日移送本院审查起诉。其间，于2019年3月29日退回侦查机关补充侦查，"
        "2019年4月26日补充侦查完毕重新移送本院审查起诉。" + FOOT.format(d="二〇一九年五月二十日")
    )
    reviews = by_code(raw, "prosecution_review")
    assert [(r.start.date, r.end_date, r.status) for r in reviews] == [
        (date(2019, 3, 4), date(2019, 3, 29), MET),
        (date(2019, 4, 26), date(2019, 5, 20), MET),
    ]
    (supp,) = by_code(raw, "supplementary_investigation")
    assert (supp.status, supp.due) == (MET, date(2019, 4, 29))
    assert all(r.custody is False for r in reviews)


@pytest.mark.parametrize(
    ("measure", "doc_date", "status", "due"),
    [
        # 1 month from 2019-09-01 ends on 国庆 2019-10-01: on bail it moves to 10-08, so 10-08 is in time
        ("取保候审", "二〇一九年十月八日", MET, date(2019, 10, 8)),
        # in custody the end does not move: the same day is 7 days over
        ("执行逮捕", "二〇一九年十月八日", OVER, date(2019, 10, 1)),
    ],
)
def test_review_deadline_on_national_day(measure: str, doc_date: str, status: str, due: date) -> None:
    raw = HEAD + f"于2019年8月1日被某县公安局{measure}。本案于2019年9月1日移送本院审查起诉。" + FOOT.format(d=doc_date)
    (r,) = by_code(raw, "prosecution_review")
    assert (r.status, r.due) == (status, due)


def test_recorded_review_extension_lengthens_the_limit() -> None:
    body = (
        HEAD
        + "于2019年2月1日被取保候审。本案于2019年3月1日移送本院审查起诉。{ext}"
        + FOOT.format(d="二〇一九年四月十二日")
    )
    (plain,) = by_code(body.format(ext=""), "prosecution_review")
    (ext,) = by_code(body.format(ext="其间，延长审查起诉期限一次（十五日）。"), "prosecution_review")
    assert (plain.status, plain.days_over) == (OVER, 11)
    assert (ext.status, ext.limit) == (MET, Period(months=1, days=15))


def test_running_clock_against_as_of() -> None:
    raw = HEAD + "于2019年2月1日被取保候审。本案于2019年3月1日移送本院审查起诉。"
    (r,) = by_code(raw, "prosecution_review", doc_type="review_report", meta={"as_of": "2019-03-29"})
    assert (r.status, r.due, r.days_left) == (RUNNING, date(2019, 4, 1), 3)
    (late,) = by_code(raw, "prosecution_review", doc_type="review_report", meta={"as_of": date(2019, 4, 5)})
    assert (late.status, late.days_over) == (OVERDUE_RUNNING, 4)


def test_paused_clock_is_computed_but_suppressed() -> None:
    raw = HEAD + ("因涉嫌故意伤害罪，于2019年3月1日被刑事拘留，同年3月8日被执行逮捕，2019年3月20日因精神病鉴定停止计算羁押期限。"
                  "本案于2019年8月5日移送本院审查起诉。")  # fmt: skip
    (r,) = by_code(raw, "investigation_custody")
    assert r.status == OVER and r.suppressed and r.tier is None


def test_bail_ended_by_another_organ_is_not_measured() -> None:
    raw = HEAD + "于2018年9月30日被某县公安局取保候审，2019年11月4日被某县人民法院决定逮捕。"
    (r,) = by_code(raw, "bail")
    assert r.status == clocks.ENDED_UNKNOWN


def test_several_defendants_have_their_own_clocks() -> None:
    raw = (
        "被告人甲某，男，1985年3月2日出生。因涉嫌抢劫罪，于2019年3月1日被刑事拘留，同年3月8日被逮捕。"
        "被告人乙某，男，1986年4月2日出生。因涉嫌抢劫罪，于2019年3月1日被刑事拘留，同年5月20日被逮捕。"
    )
    results = {r.person: r for r in by_code(raw, "detention_to_arrest")}
    assert results["甲某"].status == MET
    assert results["乙某"].status == OVER and results["乙某"].beyond_max


def test_compute_clocks_accepts_plain_events() -> None:
    assert compute_clocks([]) == []


def test_describe_names_clock_dates_limit_and_custody() -> None:
    raw = HEAD + "因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年5月6日被执行逮捕。"
    (r,) = by_code(raw, "detention_to_arrest")
    text = r.describe()
    for part in ("拘留至逮捕", "2019年3月1日", "10日", "2019年3月11日", "2019年5月6日", "超期56日", "在押"):
        assert part in text


# ------------------------------------------------------------------------------------------ statute quotes


@pytest.mark.skipif(not CORPUS.exists(), reason="statute corpus (../shared) not present")
def test_quotes_are_copied_exactly_from_the_statute() -> None:
    cpl = (CORPUS / "诉讼与非诉讼程序法" / "刑事诉讼法(2018-10-26).md").read_text(encoding="utf-8")
    flat = cpl.replace("\n", "")
    for key, quote in QUOTES.items():
        assert quote in flat, key
    for sentence in ART_105.split("。"):
        if sentence:
            assert sentence in flat


@pytest.mark.parametrize(
    ("doc_date", "status", "beyond"),
    [("二〇一九年三月十四日", MET, False), ("二〇一九年三月二十日", OVER, False), ("二〇一九年五月二十日", OVER, True)],
)
def test_speedy_review(doc_date: str, status: str, beyond: bool) -> None:
    raw = (
        HEAD
        + "于2019年2月1日被取保候审。本案于2019年3月1日移送本院审查起诉，犯罪嫌疑人认罪认罚，适用速裁程序。"
        + FOOT.format(d=doc_date)
    )
    (r,) = by_code(raw, "prosecution_review")
    assert (r.status, r.limit, r.beyond_max) == (status, Period(days=15), beyond)


def test_self_investigation_detention_has_fourteen_days() -> None:
    raw = HEAD + "因涉嫌受贿罪，于2019年3月1日被某县人民检察院刑事拘留，同年3月16日经某市人民检察院决定逮捕。"
    (r,) = by_code(raw, "self_investigation_arrest")
    assert (r.status, r.limit, r.days_over, r.beyond_max, r.tier) == (OVER, Period(days=14), 1, False, "over_recorded")
    assert by_code(raw, "detention_to_arrest") == []
