"""date_error: impossible dates, dates after the document's own date, procedural steps out of order, and
刑期折抵 arithmetic. Positives and negatives; synthetic text with fictitious names."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline.detectors.date_error import CONF_CREDIT_END, CONF_CREDIT_START, CONF_INVALID, CONF_ORDER, DateError

HEAD = "被告人甲某，男，1985年3月2日出生，汉族，无业。"


def run(raw: str, doc_type: str = "judgment"):
    ctx = make_context(raw, doc_type)
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


def approval(request: str, detained: str, name: str = "周某丙") -> str:
    return (
        "某县人民检察院\n批准逮捕决定书\n某检刑批捕〔2023〕15号\n某县公安局：\n"
        f"你局于{request}以某公（刑）提捕字〔2023〕21号提请批准逮捕书提请批准逮捕犯罪嫌疑人{name}，经本院审查认为：\n"
        f"犯罪嫌疑人{name}，男，1990年4月5日出生，汉族，无业。因涉嫌盗窃罪，于{detained}被你局刑事拘留。\n"
        f"{name}涉嫌盗窃罪，有证据证明有犯罪事实，可能判处徒刑以上刑罚，决定批准逮捕犯罪嫌疑人{name}。"
        "请依法立即执行，并将执行情况在三日以内通知本院。\n2023年3月16日\n（院印）\n"
    )


def refusal_request_first(request: str, detained: str) -> str:
    return (
        "某市某区人民检察院\n不批准逮捕决定书\n某区检刑不批捕〔2021〕7号\n某市公安局某区分局：\n"
        f"你局于{request}提请批准逮捕犯罪嫌疑人吴某丁涉嫌故意伤害一案，本院经审查认为：\n"
        f"犯罪嫌疑人吴某丁，女，1988年10月1日出生。{detained}，因涉嫌故意伤害罪被你局刑事拘留。"
        "吴某丁不具有社会危险性，决定不批准逮捕犯罪嫌疑人吴某丁。\n2021年9月30日\n（院印）\n"
    )


@pytest.mark.parametrize(
    ("raw", "doc_type", "wrong"),
    [
        # the 提请 told first and the 拘留 in a later paragraph: order by kind, not by text position
        (approval("2023年3月10日", "2023年3月12日"), "arrest_approval", "2023年3月10日"),
        (approval("二〇二三年三月九日", "二〇二三年三月十三日", "郑某戊"), "arrest_approval", "二〇二三年三月九日"),
        (refusal_request_first("2021年9月20日", "2021年9月22日"), "arrest_refusal", "2021年9月20日"),
        (approval("2023年3月10日", "2023年3月8日"), "arrest_approval", None),
        (approval("2023年3月10日", "2023年3月10日"), "arrest_approval", None),
        (refusal_request_first("2021年9月20日", "2021年9月17日"), "arrest_refusal", None),
    ],
)  # fmt: skip
def test_order_by_kind_when_the_later_step_is_told_first(raw: str, doc_type: str, wrong: str | None) -> None:
    flags = run(raw, doc_type)
    if wrong is None:
        assert flags == [], [f.reason for f in flags]
        return
    (flag,) = flags
    assert flag.confidence == CONF_ORDER and "提请批准逮捕日期" in flag.reason
    assert any(wrong in e.text for e in flag.evidence)


def credit_own_line(term: str, start: str, end: str, name: str = "甲某", between: str = "", head: str = HEAD) -> str:
    # the published layout: the term on one line, the "（刑期从…）" note alone on the next
    return (
        head
        + f"因涉嫌盗窃罪，于{start}被某县公安局刑事拘留。\n判决如下：\n一、被告人{name}犯盗窃罪，判处{term}。\n{between}"
        f"（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自{start}起至{end}止。）\n"
        "二、扣押的作案工具予以没收。"
    )


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (credit_own_line("有期徒刑三年", "2019年3月5日", "2022年3月5日"), "多算1日"),
        (credit_own_line("有期徒刑二年六个月", "二〇一九年三月五日", "二〇二一年三月四日"), "少算184日"),
        (credit_own_line("拘役五个月", "2020年1月10日", "2020年6月12日"), "多算3日"),
        # a fine on a line of its own between the term and the note: still the same defendant's term
        (credit_own_line("有期徒刑一年", "2021年4月2日", "2022年4月2日", between="并处罚金人民币三千元。\n"), "多算1日"),
        (credit_own_line("有期徒刑三年", "2019年3月5日", "2022年3月4日"), None),
        (credit_own_line("有期徒刑一年六个月", "2019年8月31日", "2021年2月27日"), None),
        # another defendant named between the term and the note: the term is not this note's
        (credit_own_line("有期徒刑三年", "2019年3月5日", "2020年3月4日", between="二、被告人乙某犯盗窃罪，免予刑事处罚。\n",
                         head=HEAD + "被告人乙某，男，1987年5月6日出生，汉族，农民。"), None),
    ],
)  # fmt: skip
def test_sentence_credit_note_on_its_own_line(raw: str, words: str | None) -> None:
    flags = run(raw)
    if words is None:
        assert flags == [], [f.reason for f in flags]
        return
    (flag,) = flags
    assert flag.confidence == CONF_CREDIT_END and words in flag.reason
