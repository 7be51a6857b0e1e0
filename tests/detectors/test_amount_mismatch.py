"""amount_mismatch: disagreeing 大写/小写 pairs and totals that do not add up. Fictitious documents."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline.detectors.amount_mismatch import AmountMismatch
from pipeline.types import Flag


def run(raw: str, doc_type: str = "judgment") -> list[Flag]:
    ctx = make_context(raw, doc_type)
    flags = list(AmountMismatch().detect(ctx))
    for f in flags:
        assert f.code == "amount_mismatch" and f.family == "defect"
        assert f.detector == "amount_mismatch" and f.detector_version == "1"
        assert f.basis.startswith("《人民检察院司法责任追究条例》第三条")
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


# (text, evidence texts of the single expected flag, values that the reason must name)
POSITIVES = [
    # dated episodes, one amount each, summed up in a sentence of their own
    (
        "经审理查明：\n2021年3月2日，被告人甲某在某超市窃得手机一部，价值人民币2200元。\n"
        "同年4月9日，甲某在某小区窃得电动车一辆，价值人民币1800元。\n综上，被告人甲某共盗窃二次，窃得财物价值合计人民币4500元。",
        ["人民币2200元", "人民币1800元", "人民币4500元"],
        ["4000", "4500"],
    ),
    (
        "经依法审查查明：\n乙某系某公司出纳。2020年2月13日，乙某将公司货款人民币8700元转入个人账户；"
        "2020年5月3日，乙某将公司货款人民币77400元转入个人账户。乙某共计侵占公司财物人民币68100元。",
        ["人民币8700元", "人民币77400元", "人民币68100元"],
        ["86100", "68100"],
    ),
    (
        "判决被告人刘某赔偿被害人经济损失人民币伍仟元（6000元）。",
        ["人民币伍仟元", "6000元"],
        ["5000", "6000"],
    ),
    (
        "责令被告人退赔违法所得12500元（大写：壹万贰仟元整）。",
        ["12500元", "壹万贰仟元整"],
        ["12500", "12000"],
    ),
    (
        "并处罚金人民币叁万元（人民币3000元）。",
        ["人民币叁万元", "人民币3000元"],
        ["30000", "3000"],
    ),
    (
        "被告人孙某以借款为名，分三次骗取被害人钱款，分别为1万元、2万元、3万元，共计7万元。",
        ["1万元", "2万元", "3万元", "7万元"],
        ["60000", "70000"],
    ),
    (
        "第一次，被告人周某在某超市盗得现金800元；第二次，在某小区盗得现金1200元；第三次，在某网吧盗得现金500元，"
        "共计盗窃现金2600元。",
        ["800元", "1200元", "500元", "2600元"],
        ["2500", "2600"],
    ),
    (
        "经审查，附带民事诉讼原告人的损失包括医疗费3200元、误工费1500元、交通费300元，合计人民币5500元。",
        ["3200元", "1500元", "300元", "人民币5500元"],
        ["5000", "5500"],
    ),
    (
        "被告人吴某收受赵某某10万元，收受钱某某5万元，共计收受贿赂16万元。",
        ["10万元", "5万元", "16万元"],
        ["150000", "160000"],
    ),
]


@pytest.mark.parametrize(("text", "evidence", "values"), POSITIVES)
def test_flags(text: str, evidence: list[str], values: list[str]) -> None:
    [flag] = run(text)
    assert [e.text for e in flag.evidence] == evidence
    for v in values:
        assert v in flag.reason


NEGATIVES = [
    "经审理查明：\n2021年3月2日，被告人甲某窃得手机一部，价值人民币2200元。\n同年4月9日，甲某窃得电动车一辆，价值人民币1800元。\n综上，甲某共盗窃二次，窃得财物价值合计人民币4000元。",
    # a refund after the episodes is no total of them
    "经审理查明：\n2013年1月，被告人丙某截留受理费77287元。\n2014年6月，丙某挪用公款1202728元。\n案发后，丙某分两次退缴非法所得共计332591元，还有947424元未退。",
    # an episode with two amounts (price paid and value): which one the total sums is unclear
    "经审理查明：\n2021年3月2日，丁某以300元收购价值1500元的手机一部。\n同年4月9日，丁某以500元收购手机一部。\n综上，丁某收购赃物二次，共计人民币900元。",
    # the count of episodes disagrees: another episode was told elsewhere
    "经审理查明：\n2021年3月2日，戊某窃得现金2000元。\n同年4月9日，戊某窃得现金3000元。\n综上，戊某共盗窃三次，窃得现金合计人民币9000元。",
    "判决被告人刘某赔偿被害人经济损失人民币伍仟元（5000元）。",
    "责令被告人退赔12500元（大写：壹万贰仟伍佰元整）。",
    "分三次骗取被害人钱款，分别为1万元、2万元、3万元，共计6万元。",
    "医疗费3200元、误工费1500元、交通费300元，合计人民币5000元。",
    "第一次盗得现金800元；第二次盗得现金1200元；第三次盗得现金500元，共计2500元。",
    # approximate items or total
    "分别骗得3000余元、2000余元，共计5000余元。",
    "分别骗得3000元、2000元，共计约6000元。",
    # 各 / 每 / 四捆: the written figure is a multiple, not the item
    "张某、李某各出资20万元，王某出资10万元，共计50万元。",
    "用纸袋装四捆1万元和一捆5千元共4.5万元送给其。",
    # the total covers more than the listed items
    "营养费、交通费分别酌情支持180元、20元，以上各项费用合计6970元。",
    "赔偿医疗费1000元、误工费500元等共计2800元。",
    "先借款60万元，后陆续骗取200万元、170万元、20万元，共计450万元。",
    "同年拨来运费79526元，支出运费67702.3元，运费结余11823.7元，两项合计得款64023.7元。",
    # a total in its own sentence that starts with 以上 may cover more than the numbered items
    "第一次盗得现金800元；第二次盗得现金1200元；第三次盗得现金500元。以上三次共计盗窃现金2600元。",
    # a total rounded to its 万 precision
    "分别转账5230元、10000元，共计1.5万元。",
    # a breakdown that follows the total is not checked
    "共计骗取5万元，其中张某2万元、李某1万元已退还。",
    # amounts in different sentences are not a list
    "被告人退赔被害人李某3000元。次日，又向张某借款2000元，共计欠款8000元。",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_does_not_flag(text: str) -> None:
    assert run(text) == []


def test_evidence_is_in_raw_offsets_with_full_width_digits() -> None:
    raw = "一、判决如下：\n　　被告人赔偿人民币伍仟元（６０００元）。"
    [flag] = run(raw)
    assert [e.text for e in flag.evidence] == ["人民币伍仟元", "６０００元"]


def test_a_pair_counts_once_in_a_total() -> None:
    text = "分别退赔被害人人民币壹万元（10000元）、人民币伍仟元（5000元），合计人民币15000元。"
    assert run(text) == []
