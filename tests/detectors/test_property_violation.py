"""property_violation: explicit indicators of illegal seizure and handling of case property fire (findings
above claims above rejected claims); evidence lists, compliant returns, statute wording, a defendant's own
crimes and denials do not. Synthetic text, fictitious names."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline.detectors._stance import CONF_REJECTED
from pipeline.detectors.property_violation import CONF_CLAIM, CONF_FINDING, PropertyViolation
from pipeline.law.statutes import article_text


def run(raw: str):
    flags = list(PropertyViolation().detect(make_context(raw)))
    for f in flags:
        assert f.code == "property_violation" and f.family == "violation"
        assert f.detector == "property_violation" and f.detector_version == "1"
        assert "第七条第（七）项" in f.basis and "第一百四十一条" in f.basis and f.reason
        assert f.evidence
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    assert len(flags) <= 1
    return flags[0] if flags else None


POSITIVE = [
    # Findings.
    (
        "经查，某县公安局在搜查时一并扣押了被告人妻子名下与案件无关的轿车一辆及现金三万元，至今未予返还。",
        CONF_FINDING,
        "与案件无关",
    ),
    (
        "本院作出不起诉决定后，侦查机关对冻结的犯罪嫌疑人银行存款迟迟未解除冻结，本院已发出纠正违法通知书。",
        CONF_FINDING,
        "迟迟未解除冻结",
    ),
    ("民警在扣押被告人手机、电脑时未当场开具扣押清单，也未制作扣押笔录。", CONF_FINDING, "未当场开具扣押清单"),
    (
        "检察机关调查发现，办案民警王某私自变卖扣押的涉案车辆两台，所得款项未入账。",
        CONF_FINDING,
        "私自变卖扣押的涉案车辆",
    ),
    ("执行法院实际查封的房产价值1.2亿元，明显超出申请执行标的额，属于超标的额查封。", CONF_FINDING, "超标的额查封"),
    ("某区公安分局在案件撤销后，对犯罪嫌疑人交纳的取保候审保证金二万元拒不退还。", CONF_FINDING, "拒不退还"),
    ("经审查，该银行账户冻结期限届满后侦查机关仍未解除冻结，并于次月重复冻结。", CONF_FINDING, "重复冻结"),
    # Claims.
    (
        "辩护人提出，公安机关扣押的黄金首饰系被告人母亲的个人财产，与本案无关的财物被一并扣押，应予返还。",
        CONF_CLAIM,
        "与本案无关的财物被一并扣押",
    ),
    ("案外人郑某申诉称，某县公安局违法查封其经营的商铺，导致其无法正常经营。", CONF_CLAIM, "违法查封"),
    (
        "2018年9月5日，原告向本院提起诉讼，要求依法确认某县交通运输执法局扣押车辆行为违法，并判令归还车辆。",
        CONF_CLAIM,
        "扣押车辆行为违法",
    ),
    (
        "被告人辩称，侦查人员扣押其随身携带的现金八千元时没有出具任何收据，该款至今下落不明。",
        CONF_CLAIM,
        "没有出具任何收据",
    ),
    # The property named before "与本案无关"; the object put before the disposal verb.
    (
        "辩护人提出，公安机关扣押的被告人石明远父亲的银行存款与本案无关，请求依法发还。",
        CONF_CLAIM,
        "扣押的被告人石明远父亲的银行存款与本案无关",
    ),
    (
        "上诉人提出，侦查机关冻结的其配偶名下账户与本案无关，应当解除冻结。",
        CONF_CLAIM,
        "冻结的其配偶名下账户与本案无关",
    ),
    ("侦查机关在案件移送审查起诉前，擅自将扣押的涉案车辆变卖。", CONF_FINDING, "擅自将扣押的涉案车辆变卖"),
    ("经查，办案民警私自把暂扣的电动车借给亲属使用，至今未入账。", CONF_FINDING, "私自把暂扣的电动车借给亲属使用"),
    # Rejected claims.
    (
        "辩护人提出，侦查机关扣押了与案件无关的财物。经查，被扣押的车辆系被告人作案所用工具，与本案有关，"
        "该辩护意见不能成立，本院不予采纳。",
        CONF_REJECTED,
        "与案件无关的财物",
    ),
]

NEGATIVE = [
    # Evidence lists and ordinary seizure narrative.
    "上述事实，有扣押决定书、扣押清单、发还清单、辨认笔录及照片等证据证实。",
    "扣押笔录、扣押物品清单及照片证实，公安人员从被告人身上扣押现金1720元、手机一部。",
    "莱州市公安局扣押决定书、扣押清单、随案移送清单、发还清单等证实，侦查机关依法扣押涉案物品，将与本案无关物品发还原主。",
    "被害人被抢的手机已由公安机关扣押在案并发还给被害人。",
    # Statute wording and rules.
    "《中华人民共和国刑事诉讼法》第一百四十一条规定：与案件无关的财物、文件，不得查封、扣押。",
    "对查封、扣押的财物、文件，经查明确实与案件无关的，应当在三日以内解除查封、扣押、冻结，予以退还。",
    "检察机关发现侦查机关违法扣押涉案财物的，应当依法提出纠正意见。",
    # Debts, embezzlement and other crime facts.
    "被告人以借款为名骗取被害人陈某50万元后用于赌博挥霍，至今未归还。",
    "被告人苏某截留的土地补偿款一部分用于偿还个人欠款，一部分去向不明，至今未退还。",
    "被告人明知其房屋已被人民法院查封，仍擅自将该房屋出售给他人，其行为构成非法处置查封、扣押、冻结的财产罪。",
    "双方协商不下，乙公司未进场施工，甲公司也未退还履约保证金。",
    # Seized property found unrelated and already returned; a defendant disposing of what a court seized.
    "经查，公安机关扣押的手机与本案无关，已于2021年3月5日依法发还被告人家属。",
    "被告人魏某擅自将被法院查封的挖掘机变卖，所得款项用于偿还个人债务。",
    # Denials.
    "经审查，侦查机关扣押的财物均与本案有关，不存在扣押与案件无关的财物的情形。",
    "现有证据不能证明公安机关违法扣押了上诉人的车辆。",
]


@pytest.mark.parametrize(("text", "confidence", "evidence"), POSITIVE)
def test_positive(text: str, confidence: float, evidence: str) -> None:
    flag = run(text)
    assert flag is not None, text
    assert flag.confidence == pytest.approx(confidence), (text, flag.reason)
    assert any(evidence in e.text or e.text in evidence for e in flag.evidence), [e.text for e in flag.evidence]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    assert run(text) is None, text


def test_basis_quotes_the_statute() -> None:
    assert "与案件无关的财物、文件，不得查封、扣押。" in (article_text("刑事诉讼法", 141) or "")
    assert "经查明确实与案件无关的，应当在三日以内解除查封、扣押、冻结，予以退还。" in (
        article_text("刑事诉讼法", 145) or ""
    )
