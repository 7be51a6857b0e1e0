"""citation_error on fictitious 起诉书 / 判决书 passages (names and case numbers are made up)."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline import doctypes
from pipeline.detectors.citation_error import CitationError
from pipeline.types import Flag

IND, JUD, OTHER = doctypes.INDICTMENT, doctypes.JUDGMENT, doctypes.OTHER


def run(raw: str, doc_type: str) -> list[Flag]:
    ctx = make_context(raw, doc_type)
    flags = list(CitationError().detect(ctx))
    for f in flags:
        assert f.code == "citation_error" and f.family == "defect"
        assert f.detector == "citation_error" and f.detector_version == "1"
        assert f.basis and f.reason and 0 < f.confidence <= 1
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


def indictment(body: str, signed: str = "二〇一九年五月八日") -> str:
    return (
        "某市某区人民检察院\n起诉书\n某检刑诉〔2019〕88号\n"
        "被告人张某，男，1985年3月2日出生，汉族，初中文化，无业。\n"
        "经依法审查查明：2019年1月5日，被告人张某在某超市窃取他人手机一部，价值人民币3200元。\n"
        f"{body}\n此致\n某区人民法院\n检察官 李某\n{signed}\n"
    )


def judgment(body: str, signed: str = "二〇二〇年六月十日") -> str:
    return (
        "某省某县人民法院\n刑事判决书\n（2020）某0101刑初12号\n"
        "公诉机关某县人民检察院。\n被告人王某某，男，1990年7月1日出生。\n"
        f"{body}\n审判员 赵某\n{signed}\n书记员 钱某\n"
    )


# (raw, doc type, evidence texts that must be present, words the reason must contain)
POSITIVES = [
    (  # no such article in 刑法
        indictment("本院认为，被告人张某的行为触犯了《中华人民共和国刑法》第四百六十条，应当以盗窃罪追究其刑事责任。"),
        IND, ["第四百六十条", "《中华人民共和国刑法》"], ["没有第四百六十条"],
    ),
    (  # 第二百六十四条 has a single 款; full-width digits in the raw text
        indictment("本院认为，其行为触犯了刑法第２６４条第二款之规定，应当以盗窃罪追究其刑事责任。"),
        IND, ["第２６４条第二款"], ["只有一款"],
    ),
    (  # 2018 刑事诉讼法 ends at 第三百零八条
        judgment("依照《中华人民共和国刑事诉讼法》第三百一十二条之规定，裁定如下：准许撤回起诉。"),
        JUD, ["第三百一十二条"], ["没有第三百一十二条", "308"],
    ),
    (  # 第一百三十三条之一 exists only from 2011-05-01 (刑法修正案（八）)
        judgment("依照《中华人民共和国刑法》第一百三十三条之一之规定，判决如下：被告人王某某犯危险驾驶罪，判处拘役二个月。",
                 signed="二〇一〇年十二月一日"),
        JUD, ["第一百三十三条之一"], ["刑法修正案（八）", "2011-05-01"],
    ),
    (  # shorthand for the law's name in a formal document
        indictment("本院认为，被告人张某的行为触犯了《中华人民共和国刑法》第二百六十四条，根据刑诉法第一百七十六条的规定，提起公诉。"),
        IND, ["刑诉法"], ["简称", "《中华人民共和国刑事诉讼法》"],
    ),
    (
        indictment("依据刑诉规则第三百五十八条的规定制作本起诉书，根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉。"),
        IND, ["刑诉规则"], ["《人民检察院刑事诉讼规则》"],
    ),
    (  # one character missing from the name
        judgment("本院认为，被告人王某某的行为已构成盗窃罪。依照《中华人民共和刑法》第二百六十四条之规定，判决如下："),
        JUD, ["《中华人民共和刑法》"], ["不一致"],
    ),
    (  # the 试行 rules were repealed on 2019-12-30
        indictment("根据《人民检察院刑事诉讼规则（试行）》第三百九十条的规定，本院依法讯问了被告人。", signed="二〇二〇年九月三日"),
        IND, ["《人民检察院刑事诉讼规则（试行）》"], ["2019-12-30", "失效"],
    ),
    (  # 2012 numbering for 提起公诉 in an indictment signed after 2018-10-26
        indictment("本院认为，被告人张某的行为触犯了《中华人民共和国刑法》第二百六十四条，"
                   "根据《中华人民共和国刑事诉讼法》第一百七十二条的规定，提起公诉。"),
        IND, ["第一百七十二条"], ["第一百七十六条", "2012年"],
    ),
    (  # 2018 numbering in a judgment signed in 2016
        judgment("依照《中华人民共和国刑法》第二百六十四条，《中华人民共和国刑事诉讼法》第二百条第（一）项之规定，判决如下：",
                 signed="二〇一六年四月二日"),
        JUD, ["第二百条第（一）项"], ["第一百九十五条"],
    ),
    (  # cited before the amendment existed
        indictment("其行为触犯了《中华人民共和国刑法修正案（九）》第十三条的规定。", signed="二〇一四年三月三日"),
        IND, ["《中华人民共和国刑法修正案（九）》"], ["早于"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "doc_type", "evidence", "words"), POSITIVES)
def test_positives(raw: str, doc_type: str, evidence: list[str], words: list[str]) -> None:
    flags = run(raw, doc_type)
    assert flags, "expected a citation_error flag"
    hit = [f for f in flags if all(any(w in e.text for e in f.evidence) for w in evidence)]
    assert hit, [f.reason for f in flags]
    assert all(w in hit[0].reason for w in words), hit[0].reason


NEGATIVES = [
    (
        indictment("本院认为，被告人张某的行为触犯了《中华人民共和国刑法》第二百六十四条，犯罪事实清楚，证据确实、充分，"
                   "应当以盗窃罪追究其刑事责任。被告人张某如实供述自己的罪行，依据《中华人民共和国刑法》第六十七条第三款的"
                   "规定，可以从轻处罚。根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉。"),
        IND,
    ),
    (  # 第一百九十九条 was deleted in 2015 but applies to earlier offences
        judgment("依照《中华人民共和国刑法》第一百九十二条、第一百九十九条之规定，判决如下：", signed="二〇一六年二月一日"),
        JUD,
    ),
    (  # 之一 article cited after the amendment took effect
        judgment("依照《中华人民共和国刑法》第一百三十三条之一第一款第（二）项之规定，判决如下：", signed="二〇一二年八月一日"),
        JUD,
    ),
    (  # 刑法第六十八条第二款 existed before 2011
        judgment("依照刑法第六十八条第二款之规定", signed="二〇一〇年八月一日"),
        JUD,
    ),
    (  # the 试行 rules while they were in force
        indictment("根据《人民检察院刑事诉讼规则（试行）》第三百九十条的规定，本院依法讯问了被告人。", signed="二〇一八年三月三日"),
        IND,
    ),
    (  # cited knowingly as the old text
        judgment("《人民检察院刑事诉讼规则（试行）》（2013年1月1日施行）第三百九十条规定，……"),
        JUD,
    ),
    (  # 2012 numbering while the 2012 law was in force
        indictment("根据《中华人民共和国刑事诉讼法》第一百七十二条的规定，提起公诉。", signed="二〇一七年五月八日"),
        IND,
    ),
    (  # a judgment quoting the prosecution's basis: not the judgment's own act
        judgment("公诉机关根据《中华人民共和国刑事诉讼法》第一百七十二条的规定，提起公诉。"),
        JUD,
    ),
    (  # shorthand in a case write-up (not a formal document)
        "【相关规定】根据刑诉法第一百七十六条的规定，提起公诉。",
        OTHER,
    ),
    (  # the corpus copy of this rule stops at 第十一条; 第十三条 cannot be disproved
        judgment("依照《最高人民法院、最高人民检察院关于适用犯罪嫌疑人、被告人逃匿、死亡案件违法所得没收程序若干问题的规定》"
                 "第十三条之规定，裁定如下："),
        JUD,
    ),
    (  # not a law
        judgment("按照《煤炭供销合同》第五条的约定，运费由乙方承担。"),
        JUD,
    ),
    (  # 2012 law text is not in the tables: a 2015 citation of its 第一百七十一条第四款 stays unjudged
        judgment("依照《中华人民共和国刑事诉讼法》第一百七十一条第四款之规定", signed="二〇一五年三月一日"),
        JUD,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "doc_type"), NEGATIVES)
def test_negatives(raw: str, doc_type: str) -> None:
    assert run(raw, doc_type) == []


def test_one_flag_per_shorthand_name_with_every_occurrence() -> None:
    raw = indictment("根据刑诉法第三十四条告知其有权委托辩护人，根据刑诉法第一百七十六条的规定，提起公诉。")
    flags = [f for f in run(raw, IND) if "简称" in f.reason]
    assert len(flags) == 1
    assert [e.text for e in flags[0].evidence] == ["刑诉法", "刑诉法"]


def test_basis_quotes_the_citing_rule() -> None:
    court = run(judgment("依照《中华人民共和国刑法》第四百六十条之规定，判决如下："), JUD)
    assert court[0].basis.startswith("《最高人民法院关于裁判文书引用法律、法规等规范性法律文件的规定》第一条")
    proc = run(indictment("其行为触犯了《中华人民共和国刑法》第四百六十条。"), IND)
    assert proc[0].basis.startswith("《人民检察院刑事诉讼规则》第三百五十八条第（四）项")
    repealed = run(indictment("根据《人民检察院刑事诉讼规则（试行）》第三百九十条。", signed="二〇二〇年九月三日"), IND)
    assert "第六百八十四条" in repealed[0].basis and "废止" in repealed[0].basis


def test_appeal_quoting_the_first_instance_basis_is_not_judged_by_its_own_date() -> None:
    raw = (
        "某市中级人民法院\n刑事判决书\n（2019）某01刑终55号\n"
        "原审法院依照《中华人民共和国刑事诉讼法》第一百九十五条第（一）项之规定，判决如下：被告人犯盗窃罪。\n"
        "本院认为，原判认定事实清楚。依照《中华人民共和国刑事诉讼法》第二百三十六条第一款第（一）项之规定，裁定如下：\n"
        "驳回上诉，维持原判。\n审判员 孙某\n二〇一九年九月九日\n"
    )
    assert run(raw, JUD) == []
