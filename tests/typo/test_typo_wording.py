"""Legal wording rules: positives and negatives, realistic procuratorial sentences (synthetic, fictitious names)."""

from __future__ import annotations

import pytest

from pipeline import doctypes
from pipeline.sentences import sentence_spans
from pipeline.typo import wording

RULES = wording.RULES


def findings(text: str, doc_type: str = doctypes.INDICTMENT) -> list[tuple[str, str, str]]:
    out = wording.rule_findings(text, doc_type, RULES)
    out += wording.stage_findings(text, doc_type, sentence_spans(text))
    for f in out:
        assert text[f.start : f.end] == f.original
    return sorted((f.rule, f.original, f.suggestion) for f in out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截止2019年5月1日，被告人王某某共骗取人民币十二万元。", [("jiezhi_time", "截止", "截至")]),
        ("截止案发，被害人损失已达三万余元。", [("jiezhi_time", "截止", "截至")]),
        ("截止目前，犯罪嫌疑人尚未退赃。", [("jiezhi_time", "截止", "截至")]),
        ("公示期的截至日期为2020年3月1日。", [("jiezhi_deadline", "截至", "截止")]),
        ("本院依法做出不起诉决定。", [("zuochu", "做出", "作出")]),
        ("公安机关于同日做出行政拘留十日的处罚决定。", [("zuochu", "做出", "作出")]),
        ("被告人当庭做出了认罪认罚的承诺。", [("zuochu", "做出", "作出")]),
        ("被告人通过其控制的银行帐户转移赃款。", [("zhang_account", "帐", "账")]),
        ("经查，该公司帐目混乱，存在两套帐簿。", [("zhang_account", "帐", "账"), ("zhang_account", "帐", "账")]),
        ("被告人盗窃其他财物价值五千元，其它物品已发还。", [("qita", "其它", "其他")]),
        (
            "根据刑诉法第一百七十六条的规定，提起公诉。",
            [("law_abbreviation", "刑诉法", "《中华人民共和国刑事诉讼法》")],
        ),
        ("依照高检规则的有关规定审查。", [("law_abbreviation", "高检规则", "《人民检察院刑事诉讼规则》")]),
    ],
)
def test_wording_positives(text: str, expected: list) -> None:
    assert findings(text, doctypes.JUDGMENT) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "截至2019年5月1日，被告人王某某共骗取人民币十二万元。",
        "报名截止日期为2020年3月1日。",
        "截止到案发时，被害人损失已达三万余元。",
        "本院依法作出不起诉决定。",
        "被告人做出一桌饭菜后离开。",  # concrete object: 做出 is right
        "被告人做出饭菜后决定离开。",
        "被告人在帐篷内将被害人打伤。",
        "被害人将钱款藏于蚊帐下。",
        "被告人盗窃其他财物价值五千元。",
        "依照《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉。",
        "被告人张某某将账户内资金转出。",
    ],
)
def test_wording_negatives(text: str) -> None:
    assert findings(text, doctypes.JUDGMENT) == []


def test_qita_and_abbreviations_only_in_formal_documents() -> None:
    text = "其它物品另行处理，依照刑诉法办理。"
    assert findings(text, doctypes.OTHER) == []
    assert {r for r, _, _ in findings(text, doctypes.JUDGMENT)} == {"qita", "law_abbreviation"}


@pytest.mark.parametrize(
    ("doc_type", "text", "expected"),
    [
        (
            doctypes.ARREST_APPROVAL,
            "某某县公安局：你局于2021年3月2日以某公捕字〔2021〕15号提请批准逮捕书提请批准逮捕被告人刘某某，经本院审查认为……",
            [("stage_defendant", "被告人", "犯罪嫌疑人")],
        ),
        (
            doctypes.ARREST_REFUSAL,
            "经本院审查认为，被告人赵某涉嫌盗窃罪的事实不清、证据不足，决定不批准逮捕。",
            [("stage_defendant", "被告人", "犯罪嫌疑人")],
        ),
        (
            doctypes.NON_PROSECUTION,
            "被告人孙某某，男，1990年5月1日出生。本院决定对孙某某不起诉。",
            [("stage_defendant", "被告人", "被不起诉人")],
        ),
        (
            doctypes.INDICTMENT,
            "被告人周某某，男，1985年2月3日出生。犯罪嫌疑人周某某于2020年6月1日窜至某小区盗窃。",
            [("stage_suspect", "犯罪嫌疑人", "被告人")],
        ),
        (
            doctypes.REVIEW_REPORT,
            "被告人吴某某到案后如实供述了犯罪事实。",
            [("stage_defendant", "被告人", "犯罪嫌疑人")],
        ),
    ],
)
def test_stage_rule_positives(doc_type: str, text: str, expected: list) -> None:
    assert [x for x in findings(text, doc_type) if x[0].startswith("stage")] == expected


@pytest.mark.parametrize(
    ("doc_type", "text"),
    [
        (doctypes.ARREST_APPROVAL, "经本院审查认为，犯罪嫌疑人刘某某涉嫌故意伤害罪，决定批准逮捕。"),
        (doctypes.NON_PROSECUTION, "被不起诉人孙某某，男，1990年5月1日出生。"),
        (doctypes.INDICTMENT, "被告人周某某伙同犯罪嫌疑人钱某（另案处理）盗窃。"),
        (doctypes.INDICTMENT, "被告人周某某于2020年6月1日窜至某小区盗窃。"),
        # A prior conviction: the earlier court called him 被告人, rightly.
        (doctypes.REVIEW_REPORT, "犯罪嫌疑人吴某某曾因盗窃被法院判处有期徒刑，该判决书载明被告人吴某某系累犯。"),
        (doctypes.JUDGMENT, "被告人郑某某于2020年6月1日到案，犯罪嫌疑人身份已查明。"),
        # The statutes name both stages at once.
        (doctypes.REVIEW_REPORT, "采用刑讯逼供等非法方法收集的犯罪嫌疑人、被告人供述，应当予以排除。"),
        (doctypes.ARREST_APPROVAL, "应当告知犯罪嫌疑人或者被告人有权委托辩护人。"),
        (doctypes.INDICTMENT, "被告人、犯罪嫌疑人的供述和辩解均已随案移送。"),
    ],
)
def test_stage_rule_negatives(doc_type: str, text: str) -> None:
    assert [x for x in findings(text, doc_type) if x[0].startswith("stage")] == []


def test_common_misspelling_rule() -> None:
    rule = wording.common_misspelling_rule({"左证": "佐证", "帐本": "账本"})
    assert rule is not None
    found = wording.rule_findings("上述证据可以相互左证。", doctypes.INDICTMENT, [rule])
    assert [(f.original, f.suggestion) for f in found] == [("左证", "佐证")]
    assert wording.common_misspelling_rule({}) is None
