"""charge_article_mismatch on fictitious 起诉书 / 判决书 passages (names are made up)."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline import doctypes
from pipeline.detectors.charge_article_mismatch import ChargeArticleMismatch
from pipeline.types import Flag

IND, JUD, OTHER = doctypes.INDICTMENT, doctypes.JUDGMENT, doctypes.OTHER


def run(raw: str, doc_type: str) -> list[Flag]:
    ctx = make_context(raw, doc_type)
    flags = list(ChargeArticleMismatch().detect(ctx))
    for f in flags:
        assert f.code == "charge_article_mismatch" and f.family == "defect"
        assert f.detector == "charge_article_mismatch" and f.detector_version == "1"
        assert f.basis.startswith("《中华人民共和国刑法》第")
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


# (raw, doc type, charge as written, the article the basis must quote)
POSITIVES = [
    (
        "本院认为，被告人张某以非法占有为目的，秘密窃取他人财物，数额较大，其行为触犯了《中华人民共和国刑法》第二百六十六条"
        "之规定，犯罪事实清楚，证据确实、充分，应当以盗窃罪追究其刑事责任。",
        IND, "盗窃罪", "第二百六十四条",
    ),
    (
        "本院认为，被告人王某某在道路上醉酒驾驶机动车，其行为已构成危险驾驶罪。依照《中华人民共和国刑法》第一百三十三条、"
        "第六十七条第三款、第五十二条之规定，判决如下：被告人王某某犯危险驾驶罪，判处拘役二个月，并处罚金人民币四千元。",
        JUD, "危险驾驶罪", "第一百三十三条之一",
    ),
    (
        "公诉机关认为，被告人毛某过失致人死亡，其行为触犯了《中华人民共和国刑法》第二百三十二条，应当以过失致人死亡罪"
        "追究刑事责任。",
        JUD, "过失致人死亡罪", "第二百三十三条",
    ),
    (  # a partial selective charge name; 第三百四十八条 is 非法持有毒品
        "本院认为，被告人刘某明知是毒品而贩卖，其行为已构成贩卖毒品罪。依照《中华人民共和国刑法》第三百四十八条、"
        "第三百五十七条之规定，判决如下：",
        JUD, "贩卖毒品罪", "第三百四十七条",
    ),
    (  # single-charge document: the only 分则 article cited belongs to another offence
        "某县人民检察院指控被告人何某犯拒不执行判决、裁定罪一案，于2017年7月17日向本院提起公诉。公诉机关认为，被告人何某的"
        "行为触犯了《中华人民共和国刑法》第一百七十二条的规定，请依法判处。",
        JUD, "拒不执行判决、裁定罪", "第三百一十三条",
    ),
    (  # 之一 articles: 帮信 is 第二百八十七条之二, not 之一
        "本院认为，被告人赵某明知他人利用信息网络实施犯罪，为其提供支付结算帮助，其行为触犯了《中华人民共和国刑法》"
        "第二百八十七条之一第一款，犯罪事实清楚，应当以帮助信息网络犯罪活动罪追究其刑事责任。",
        IND, "帮助信息网络犯罪活动罪", "第二百八十七条之二",
    ),
    (  # 审查报告: 承办人认为 is the report's own conclusion, though the 辩护人's opinion precedes it
        "四、辩护人意见\n辩护人甘某某提出，犯罪嫌疑人系初犯，认罪态度好，请求从轻处理。\n七、处理意见\n"
        "承办人认为，犯罪嫌疑人卢某某以非法占有为目的，秘密窃取他人财物，数额较大，其行为触犯了《中华人民共和国刑法》"
        "第二百六十一条，犯罪事实清楚，证据确实、充分，应当以盗窃罪追究其刑事责任。",
        doctypes.REVIEW_REPORT, "盗窃罪", "第二百六十四条",
    ),
    (  # 审查报告: the case's charge is the one it was transferred for; the only 分则 article cited is another's
        "本案由某县公安局于2023年4月2日侦查终结，犯罪嫌疑人邝某某涉嫌诈骗罪，移送审查起诉。\n"
        "辩护人认为，犯罪嫌疑人具有自首情节。\n处理意见：犯罪嫌疑人邝某某的行为触犯了《中华人民共和国刑法》第二百七十条，"
        "建议提起公诉。",
        doctypes.REVIEW_REPORT, "诈骗罪", "第二百六十六条",
    ),
    (  # a misspelt law name is still the 刑法 (the spelling is citation_error's finding)
        "本院认为，被告人骆某某持刀当场劫取他人财物，其行为触犯了《中华人民共和刑法》第二百六十六条，"
        "犯罪事实清楚，证据确实、充分，应当以抢劫罪追究其刑事责任。",
        IND, "抢劫罪", "第二百六十三条",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "doc_type", "surface", "article"), POSITIVES)
def test_positives(raw: str, doc_type: str, surface: str, article: str) -> None:
    flags = run(raw, doc_type)
    assert len(flags) == 1, [f.reason for f in flags]
    f = flags[0]
    assert surface in [e.text for e in f.evidence]
    assert f.basis.startswith(f"《中华人民共和国刑法》{article}：")
    assert surface in f.reason and article in f.reason


NEGATIVES = [
    (
        "本院认为，被告人张某的行为触犯了《中华人民共和国刑法》第二百六十四条，应当以盗窃罪追究其刑事责任。",
        IND,
    ),
    (
        "本院认为，被告人王某某的行为已构成危险驾驶罪。依照《中华人民共和国刑法》第一百三十三条之一第一款第（二）项、"
        "第六十七条第三款之规定，判决如下：被告人王某某犯危险驾驶罪，判处拘役二个月。",
        JUD,
    ),
    (  # 转化型抢劫: 第二百六十九条 fits 抢劫罪
        "本院认为，被告人李某盗窃后为抗拒抓捕而当场使用暴力，其行为已构成抢劫罪。依照《中华人民共和国刑法》第二百六十九条、"
        "第二百六十三条之规定，判决如下：",
        JUD,
    ),
    (  # a 前科 names another charge
        "被告人孙某曾因犯诈骗罪于2015年3月被判处有期徒刑一年，2016年刑满释放。本院认为，被告人孙某的行为已构成盗窃罪。"
        "依照《中华人民共和国刑法》第二百六十四条、第六十五条之规定，判决如下：",
        JUD,
    ),
    (  # the defence's view is not the document's conclusion
        "辩护人提出，被告人周某的行为应构成抢夺罪。本院认为，被告人周某以暴力劫取他人财物，其行为已构成抢劫罪。"
        "依照《中华人民共和国刑法》第二百六十三条之规定，判决如下：",
        JUD,
    ),
    (  # 不构成
        "被告人吴某的行为不构成诈骗罪，其以非法占有为目的，秘密窃取他人财物，依照《中华人民共和国刑法》第二百六十四条"
        "之规定，构成盗窃罪。",
        JUD,
    ),
    (  # only general-part articles cited
        "本院认为，被告人郑某的行为已构成盗窃罪。依照《中华人民共和国刑法》第六十七条第三款、第五十二条、第五十三条之规定。",
        JUD,
    ),
    (  # two charges, each with its article
        "本院认为，被告人冯某的行为分别构成盗窃罪、诈骗罪，应数罪并罚。依照《中华人民共和国刑法》第二百六十四条、"
        "第二百六十六条、第六十九条之规定，判决如下：被告人冯某犯盗窃罪，判处有期徒刑一年；犯诈骗罪，判处有期徒刑六个月。",
        JUD,
    ),
    (  # the court changed the prosecution's charge
        "公诉机关以破坏计算机信息系统罪对被告人陈某提起公诉。本院认为，被告人陈某的行为构成非法控制计算机信息系统罪。"
        "依照《中华人民共和国刑法》第二百八十五条第二款之规定，判决如下：",
        JUD,
    ),
    (  # a charge inside a 司法解释 title is not a claim
        "依照《中华人民共和国刑法》第二百九十三条、《最高人民法院、最高人民检察院关于办理寻衅滋事刑事案件适用法律"
        "若干问题的解释》第二条之规定，以寻衅滋事罪判处被告人钱某有期徒刑一年。",
        JUD,
    ),
    (  # a case write-up with one named charge: rule 2 is for formal documents only
        "2017年，某法院原庭长杨某被以受贿罪追究刑事责任。【相关规定】《中华人民共和国刑法》第三百零七条之一",
        OTHER,
    ),
    (  # 受贿罪 cited through its penalty article
        "本院认为，被告人林某身为国家工作人员，利用职务上的便利，非法收受他人财物，为他人谋取利益，其行为已构成受贿罪。"
        "依照《中华人民共和国刑法》第三百八十六条、第三百八十三条第一款第（二）项之规定，判决如下：",
        JUD,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "doc_type"), NEGATIVES)
def test_negatives(raw: str, doc_type: str) -> None:
    assert run(raw, doc_type) == []
