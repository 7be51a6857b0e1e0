"""date_error: impossible dates, dates after the document's own date, procedural steps out of order, and
刑期折抵 arithmetic. Positives and negatives; synthetic text with fictitious names."""

from __future__ import annotations

import pytest

from pipeline.detectors.base import Context
from pipeline.detectors.date_error import CONF_CREDIT_END, CONF_CREDIT_START, CONF_INVALID, CONF_ORDER, DateError
from pipeline.normalize import normalize
from pipeline.sentences import sentence_spans
from pipeline.types import Document, make_doc_id

HEAD = "被告人甲某，男，1985年3月2日出生，汉族，无业。"


def run(raw: str, doc_type: str = "judgment"):
    norm = normalize(raw)
    ctx = Context(
        document=Document(make_doc_id(raw), "<test>", raw), norm=norm, doc_type=doc_type,
        sentences=sentence_spans(norm.text),
    )  # fmt: skip
    flags = list(DateError().detect(ctx))
    for f in flags:
        assert f.code == "date_error" and f.basis and f.reason
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


@pytest.mark.parametrize(
    ("raw", "evidence", "conf"),
    [
        (HEAD + "因涉嫌盗窃罪，于2019年2月29日被某县公安局刑事拘留。", "2019年2月29日", CONF_INVALID),
        (HEAD + "因涉嫌盗窃罪，于2019年3月1日被刑事拘留，同年2月30日被逮捕。", "同年2月30日", CONF_INVALID),
        ("经审理查明：二〇一九年十三月五日，被告人在某地盗窃。", "二〇一九年十三月五日", CONF_INVALID),
        ("经审理查明：2019年4月31日晚，被告人在某地盗窃。", "2019年4月31日", CONF_INVALID),
        # 逮捕 before 拘留
        (HEAD + "因涉嫌盗窃罪，于2019年5月2日被刑事拘留，同年4月6日被逮捕。", "同年4月6日被逮捕", CONF_ORDER),
        # "同年" that should have been "次年"
        (HEAD + "因涉嫌抢劫罪，于2019年12月28日被刑事拘留，同年1月4日被执行逮捕。", "同年1月4日被执行逮捕", CONF_ORDER),
        # 执行逮捕 before 批准逮捕
        (HEAD + "于2019年3月1日被刑事拘留，同年3月9日经某县人民检察院批准逮捕，同年3月7日被执行逮捕。", "同年3月7日被执行逮捕", CONF_ORDER),
        # 提起公诉 before 移送审查起诉
        ("某县公安局于2019年5月10日将本案移送某县人民检察院审查起诉。某县人民检察院于2019年5月8日向本院提起公诉。",
         "2019年5月8日向本院提起公诉", CONF_ORDER),
        # 判决 before 起诉
        ("某县人民检察院于2019年6月3日向某县人民法院提起公诉，某县人民法院于2019年5月30日作出（2019）某0101刑初12号刑事判决。",
         "2019年5月30日作出（2019）某0101刑初12号刑事判决", CONF_ORDER),
    ],
)  # fmt: skip
def test_positive(raw: str, evidence: str, conf: float) -> None:
    flags = run(raw)
    assert len(flags) == 1, [f.reason for f in flags]
    assert flags[0].confidence == conf
    assert any(evidence in e.text for e in flags[0].evidence)


@pytest.mark.parametrize(
    "raw",
    [
        HEAD + "因涉嫌盗窃罪，于2020年2月29日被某县公安局刑事拘留，同年3月6日被逮捕。",
        HEAD + "因涉嫌抢劫罪，于2019年12月28日被刑事拘留，次年1月4日被执行逮捕。",
        # a year-less date going back may belong to the next year: not used
        HEAD + "因涉嫌抢劫罪，于2019年12月28日被刑事拘留，1月4日被执行逮捕。",
        # two matters: the second 拘留 pairs with the arrest after it
        HEAD + "2018年1月25日因涉嫌赌博罪被刑事拘留，同年2月14日被取保候审，2018年9月5日因涉嫌寻衅滋事罪被刑事拘留，9月29日被逮捕。",
        # a prior conviction's dates are not this case's steps
        HEAD + "曾因犯盗窃罪于2019年3月1日被判处有期徒刑六个月。因涉嫌抢劫罪，于2018年12月1日被刑事拘留。",
        # approximate months are not impossible months
        "经审理查明：2013年五六月份，被告人多次盗窃。",
        "行政拘留15日，并处罚款3000元，限于10日内缴纳。",
    ],
)  # fmt: skip
def test_negative(raw: str) -> None:
    assert run(raw) == []


FOOTER = "\n审判长 张某\n审判员 李某\n二〇一九年六月一日\n书记员 赵某\n"


def test_event_after_the_document_date() -> None:
    raw = (
        HEAD
        + "因涉嫌盗窃罪，于2019年3月1日被刑事拘留，同年7月1日被逮捕。\n判决如下：被告人甲某犯盗窃罪，判处有期徒刑一年。"
        + FOOTER
    )
    (flag,) = run(raw)
    assert "晚于文书落款日期2019年6月1日" in flag.reason
    assert [e.text for e in flag.evidence] == ["同年7月1日被逮捕", "二〇一九年六月一日"]


def test_no_future_check_without_a_document_date() -> None:
    raw = HEAD + "因涉嫌盗窃罪，于2019年3月1日被刑事拘留，同年7月1日被逮捕。"
    assert run(raw) == []


def credit(term: str, start: str, end: str, extra: str = "") -> str:
    return (
        HEAD
        + f"因涉嫌盗窃罪，于{start}被某县公安局刑事拘留。{extra}\n判决如下：\n被告人甲某犯盗窃罪，判处{term}，并处罚金人民币五千元。"
        f"（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自{start}起至{end}止。）"
    )


@pytest.mark.parametrize(
    ("term", "start", "end"),
    [
        ("有期徒刑三年", "2019年3月5日", "2022年3月4日"),
        ("有期徒刑一年六个月", "2019年8月31日", "2021年2月27日"),  # month-end rule
        ("有期徒刑一年零六个月", "2019年1月10日", "2020年7月9日"),
        ("拘役五个月", "2019年1月10日", "2019年6月9日"),
        ("有期徒刑一年", "2020年2月29日", "2021年2月27日"),  # 次年同月同日不存在
    ],
)
def test_sentence_credit_correct(term: str, start: str, end: str) -> None:
    assert run(credit(term, start, end)) == []


@pytest.mark.parametrize(
    ("term", "start", "end", "words"),
    [
        ("有期徒刑三年", "2019年3月5日", "2022年3月5日", "多算1日"),
        ("有期徒刑二年六个月", "2019年3月5日", "2021年3月4日", "少算184日"),
        ("拘役五个月", "2019年1月10日", "2019年6月10日", "多算1日"),
    ],
)
def test_sentence_credit_wrong_end(term: str, start: str, end: str, words: str) -> None:
    (flag,) = run(credit(term, start, end))
    assert flag.confidence == CONF_CREDIT_END and words in flag.reason


def test_sentence_credit_shorter_after_custody_break_is_explained() -> None:
    # 15 days held in March, then bail, re-arrested in June: the credited run starts in June and ends 15 days early
    raw = (
        HEAD
        + "因涉嫌盗窃罪，于2019年3月5日被某县公安局刑事拘留，同年3月20日被取保候审，2019年6月1日被逮捕。\n判决如下：\n"
        "被告人甲某犯盗窃罪，判处有期徒刑一年。（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，"
        "即自2019年6月1日起至2020年5月16日止。）"
    )
    assert run(raw) == []


def test_sentence_credit_start_before_custody() -> None:
    raw = (
        HEAD + "因涉嫌盗窃罪，于2019年3月10日被某县公安局刑事拘留。\n判决如下：\n被告人甲某犯盗窃罪，判处有期徒刑一年。"
        "（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自2019年3月1日起至2020年2月29日止。）"
    )
    (flag,) = run(raw)
    assert flag.confidence == CONF_CREDIT_START and "早于" in flag.reason
