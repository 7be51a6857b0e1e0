"""overdue_custody and overdue_handling: clocks run past their limits flag; recorded extensions, paused
clocks, holidays on bail and judgments' unrecorded 30-day extensions do not. Synthetic text, fictitious names."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline.detectors.overdue_custody import CONFIDENCE as CUSTODY_CONF
from pipeline.detectors.overdue_custody import OverdueCustody
from pipeline.detectors.overdue_handling import CONF_TOO_MANY_RETURNS, OverdueHandling

HEAD = "某县人民检察院\n起诉书\n某检刑诉〔2019〕88号\n被告人甲某，男，1985年3月2日出生，汉族，无业。"
FOOT = "\n此致\n某县人民法院\n检察官 王某\n{d}\n（院印）\n"


def run(detector, raw: str, doc_type: str = "indictment"):
    ctx = make_context(raw, doc_type)
    flags = list(detector.detect(ctx))
    for f in flags:
        assert f.basis.startswith("《中华人民共和国刑事诉讼法》") and f.reason
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


# ------------------------------------------------------------------------------------------ overdue_custody


@pytest.mark.parametrize(
    ("body", "doc_type", "conf", "words"),
    [
        # 拘留 66 days before 逮捕: beyond even the 37 days of a 30-day extension
        ("因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年5月6日被某县公安局执行逮捕。", "indictment", CUSTODY_CONF["beyond_max"], "超期56日"),
        # the same in a judgment: beyond the maximum flags too
        ("因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年5月6日被某县公安局执行逮捕。", "judgment", CUSTODY_CONF["beyond_max"], "即使适用法定最长期限"),
        # 24 days: over the 10 days the record allows, within an unrecorded 30-day extension; an 起诉书 flags low
        ("因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年3月25日经本院批准逮捕。", "indictment", CUSTODY_CONF["over_recorded"], "请核对延长手续"),
        # 侦查羁押 beyond 7 months
        ("因涉嫌诈骗罪，于2018年3月1日被刑事拘留，同年3月8日被执行逮捕。本案于2018年11月20日移送本院审查起诉。", "indictment", CUSTODY_CONF["beyond_max"], "逮捕后侦查羁押"),
        # 拘留 38 days later 批准逮捕: one day beyond the maximum
        ("因涉嫌诈骗罪，于2017年12月22日被某县公安局刑事拘留；2018年1月29日，经某县人民检察院批准，次日被执行逮捕。", "judgment", CUSTODY_CONF["just_beyond_max"], "拘留至逮捕"),
        # 提请批准逮捕 40 days after 拘留: art. 91 allows at most 30, so the late request is itself the overrun
        ("因涉嫌盗窃罪，于2014年12月26日被某县公安局刑事拘留，2015年2月4日某县公安局提请本院批准逮捕，同年2月10日经本院批准逮捕。", "indictment", CUSTODY_CONF["beyond_max"], "提请批准逮捕"),
        ("因涉嫌诈骗罪，于2020年6月3日被某市公安局刑事拘留，同年7月20日提请某市人民检察院批准逮捕，同年7月27日被执行逮捕。", "judgment", CUSTODY_CONF["beyond_max"], "实际于2020年7月20日提请"),
    ],
)  # fmt: skip
def test_custody_positive(body: str, doc_type: str, conf: float, words: str) -> None:
    (flag,) = run(OverdueCustody(), HEAD + body, doc_type)
    assert flag.code == "overdue_custody" and flag.severity == "high"
    assert flag.confidence == conf and words in flag.reason
    assert len(flag.evidence) == 2


@pytest.mark.parametrize(
    ("body", "doc_type"),
    [
        ("因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年3月8日经本院批准逮捕。", "indictment"),
        # a judgment does not record 延长拘留期限: within 37 days it stays silent
        ("因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年3月25日被执行逮捕。", "judgment"),
        # the recorded 30-day extension silences the 起诉书 too
        ("因系多次作案，于2019年3月1日被某县公安局刑事拘留，经批准延长拘留期限至三十日，同年3月25日经本院批准逮捕。", "indictment"),
        # recorded 侦查羁押 extension
        ("于2019年3月1日被刑事拘留，同年3月8日被执行逮捕，经某市人民检察院批准延长侦查羁押期限一个月。本案于2019年6月5日移送本院审查起诉。", "indictment"),
        # "经…检察院批准，延长…" approves the extension, not a second 逮捕
        ("因涉嫌诈骗罪，于2019年3月1日被某县公安局刑事拘留，后经本院批准逮捕。2019年5月7日，经某市人民检察院批准，延长侦查羁押期限一个月。本案于2019年6月5日移送本院审查起诉。", "indictment"),
        # clock paused for a psychiatric examination
        ("于2019年3月1日被刑事拘留，同年3月8日被执行逮捕，2019年3月20日因精神病鉴定停止计算羁押期限。本案于2019年12月5日移送本院审查起诉。", "indictment"),
        # custody ended by 取保 long after, with 起诉 and 判决 in between: not an investigation-stage overrun
        ("于2019年11月6日被刑事拘留，同年11月13日被逮捕。某县人民检察院于2020年3月2日提起公诉，某县人民法院于2020年5月15日作出（2020）某0101刑初9号刑事判决，2020年7月5日被取保候审。", "judgment"),
        # a request within the recorded 30 days, and a 取保 long after 拘留 (a measure in between is missing)
        ("因涉嫌盗窃罪，于2014年12月26日被某县公安局刑事拘留，因系结伙作案，提请批准逮捕的时间延长至三十日，2015年1月23日某县公安局提请本院批准逮捕，同年1月30日经本院批准逮捕。", "indictment"),
        ("因涉嫌盗窃罪，于2014年12月26日被某县公安局刑事拘留，2015年2月20日被取保候审。", "indictment"),
        # 留置 cases follow art. 170, not modelled: no clock, no flag
        ("因涉嫌受贿罪，于2019年1月2日被某市监察委员会留置，2019年3月1日被某县人民检察院刑事拘留，同年4月20日被逮捕。", "indictment"),
    ],
)  # fmt: skip
def test_custody_negative(body: str, doc_type: str) -> None:
    assert run(OverdueCustody(), HEAD + body, doc_type) == []


def test_review_in_custody_on_national_day_flags_custody_not_handling() -> None:
    raw = (
        HEAD
        + "于2019年8月1日被某县公安局执行逮捕。本案于2019年9月1日移送本院审查起诉。"
        + FOOT.format(d="二〇一九年十月八日")
    )
    (flag,) = run(OverdueCustody(), raw)
    assert "审查起诉" in flag.reason and "不因节假日延长" in flag.reason
    assert run(OverdueHandling(), raw) == []


def test_review_on_bail_over_national_day_is_in_time() -> None:
    raw = (
        HEAD
        + "于2019年8月1日被某县公安局取保候审。本案于2019年9月1日移送本院审查起诉。"
        + FOOT.format(d="二〇一九年十月八日")
    )
    assert run(OverdueCustody(), raw) == [] and run(OverdueHandling(), raw) == []


def test_several_defendants_only_the_late_one_flags() -> None:
    raw = (
        HEAD + "因涉嫌抢劫罪，于2019年3月1日被刑事拘留，同年3月8日被逮捕。"
        "被告人乙某，男，1986年4月2日出生。因涉嫌抢劫罪，于2019年3月1日被刑事拘留，同年5月20日被逮捕。"
    )
    (flag,) = run(OverdueCustody(), raw)
    assert flag.reason.startswith("乙某：")


# ------------------------------------------------------------------------------------------ overdue_handling

BAIL = "于2019年1月5日被某县公安局取保候审。"


@pytest.mark.parametrize(
    ("body", "doc_date", "conf", "words"),
    [
        # 审查起诉 on bail: 2019-03-01 + 1 month 15 days = 04-16; decided 05-20
        ("本案于2019年3月1日移送本院审查起诉。", "二〇一九年五月二十日", 0.75, "审查起诉"),
        # over the month the record allows (no 延长 recorded), within 1.5 months
        ("本案于2019年3月1日移送本院审查起诉。", "二〇一九年四月十二日", 0.4, "文书未记载延长审查起诉期限"),
        # 告知 on the 7th day after receipt
        ("本案于2019年3月1日移送本院审查起诉。本院于2019年3月1日受理，于2019年3月8日告知被告人有权委托辩护人。", "二〇一九年三月二十日", 0.8, "告知有权委托辩护人"),
        # 补充侦查 longer than one month
        ("本案于2019年3月1日移送本院审查起诉。其间，于2019年3月20日退回侦查机关补充侦查，2019年5月10日补充侦查完毕重新移送本院审查起诉。", "二〇一九年五月二十日", 0.8, "退回补充侦查"),
    ],
)  # fmt: skip
def test_handling_positive(body: str, doc_date: str, conf: float, words: str) -> None:
    (flag,) = run(OverdueHandling(), HEAD + BAIL + body + FOOT.format(d=doc_date))
    assert flag.code == "overdue_handling" and flag.confidence == conf and words in flag.reason


@pytest.mark.parametrize(
    ("body", "doc_date"),
    [
        ("本案于2019年3月1日移送本院审查起诉。", "二〇一九年三月二十八日"),
        # the recorded 15-day extension silences the flag
        ("本案于2019年3月1日移送本院审查起诉。其间，延长审查起诉期限一次（十五日）。", "二〇一九年四月十二日"),
        # the clock restarts on re-receipt after 补充侦查 (art. 175)
        ("本案于2019年3月1日移送本院审查起诉。其间，于2019年3月25日退回侦查机关补充侦查，2019年4月20日补充侦查完毕重新移送本院审查起诉。", "二〇一九年五月十七日"),
        ("本案于2019年3月1日移送本院审查起诉。本院于2019年3月1日受理，于2019年3月4日告知被告人有权委托辩护人。", "二〇一九年三月二十日"),
        # two returns without dates: the span may hold 3 review periods and 2 investigation periods
        ("本案于2019年3月1日移送本院审查起诉。其间，退回侦查机关补充侦查二次。", "二〇一九年七月二十日"),
    ],
)  # fmt: skip
def test_handling_negative(body: str, doc_date: str) -> None:
    assert run(OverdueHandling(), HEAD + BAIL + body + FOOT.format(d=doc_date)) == []


def test_more_than_two_returns() -> None:
    raw = (
        HEAD
        + BAIL
        + "本案于2019年3月1日移送本院审查起诉。其间，退回侦查机关补充侦查三次。"
        + FOOT.format(d="二〇一九年九月二十日")
    )
    flags = run(OverdueHandling(), raw)
    assert [f.confidence for f in flags] == [CONF_TOO_MANY_RETURNS]
    assert "超过法定的2次" in flags[0].reason


def test_trial_clock_in_a_judgment() -> None:
    raw = (
        "某县人民法院刑事判决书（2019）某0101刑初5号。被告人甲某，男，1985年3月2日出生。某县人民检察院以某检刑诉〔2019〕3号起诉书"
        "指控被告人甲某犯盗窃罪，于2019年1月7日向本院提起公诉。本院依法组成合议庭，公开开庭审理了本案。\n审判长 张某\n二〇一九年九月二十日\n书记员 赵某\n"
    )
    (flag,) = run(OverdueHandling(), raw, "judgment")
    assert "一审审理" in flag.reason and flag.confidence == 0.5
    # 延期审理 may have restarted the clock: silent
    assert (
        run(
            OverdueHandling(),
            raw.replace("公开开庭审理了本案", "因检察机关建议补充侦查延期审理，后公开开庭审理了本案"),
            "judgment",
        )
        == []
    )
