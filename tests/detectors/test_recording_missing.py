"""recording_missing: a grave case (CPL 123) whose interrogation recording the document says is absent,
incomplete or not provided fires; silence, CCTV, compliant recordings, statute wording, denials and
non-grave cases without an incompleteness finding do not. Synthetic text, fictitious names."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline.detectors._stance import CLAIM, FINDING, REJECTED
from pipeline.detectors.recording_missing import CONFIDENCE, RecordingMissing, assess_gravity
from pipeline.law.grave_charges import DEATH, GRAVE_CHARGES, GRAVE_OTHER, LIFE, drug_quantities
from pipeline.law.statutes import article_text


def run(raw: str):
    flags = list(RecordingMissing().detect(make_context(raw)))
    for f in flags:
        assert f.code == "recording_missing" and f.family == "violation"
        assert f.detector == "recording_missing" and f.detector_version == "1"
        assert "第一百二十三条" in f.basis and f.reason
        assert f.evidence
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    assert len(flags) <= 1
    return flags[0] if flags else None


GRAVE = True
MINOR = False

POSITIVE = [
    (
        "公诉机关指控被告人王某某犯故意杀人罪。经查，侦查机关对被告人王某某的第三次讯问未同步录音录像，"
        "该次讯问笔录不作为定案的根据。",
        (GRAVE, FINDING),
        "未同步录音录像",
    ),
    (
        "公诉机关指控，2019年4月，被告人刘某某在某市贩卖海洛因两包，净重356.2克，其行为构成贩卖毒品罪。"
        "辩护人提出，侦查机关没有对讯问过程进行同步录音录像，被告人的有罪供述系在无律师在场时所作，不应采信。",
        (GRAVE, CLAIM),
        "没有对讯问过程进行同步录音录像",
    ),
    (
        "2020年3月5日凌晨，被告人赵某某持刀入户抢劫，劫得现金二千元，其行为构成抢劫罪。上诉人赵某某辩称，公安机关无法提供其第一次"
        "讯问的同步录音录像，其当时的供述是在醉酒状态下所作。",
        (GRAVE, CLAIM),
        "无法提供其第一次讯问的同步录音录像",
    ),
    (
        "本院认为，被告人钱某某犯抢劫罪，判处无期徒刑，剥夺政治权利终身。庭审中，公诉人当庭说明，因设备故障，"
        "2019年5月3日的讯问录音录像缺失。",
        (GRAVE, FINDING),
        "讯问录音录像缺失",
    ),
    (
        "某市人民检察院反贪污贿赂局以被告人孙某某涉嫌受贿罪立案侦查。经审理查明，被告人孙某某先后收受他人财物共计人民币"
        "420万元。辩护人提出，本案讯问录音录像均未随案移送，无法核实供述的合法性。",
        (GRAVE, CLAIM),
        "讯问录音录像均未随案移送",
    ),
    (
        "公诉机关指控被告人周某某、李某某犯强奸罪，二人轮奸被害人。辩护人提出侦查机关提供的讯问录像不完整，缺少2018年6月2日的讯问过程。",
        (GRAVE, CLAIM),
        "讯问录像不完整",
    ),
    (
        "被告人吴某某以勒索财物为目的绑架他人，其行为构成绑架罪。辩护人提出公安机关没有同步录音录像。经查，"
        "公诉机关已随案移送全部讯问同步录音录像光盘，经当庭播放，讯问过程合法，该意见与事实不符，本院不予采纳。",
        (GRAVE, REJECTED),
        "没有同步录音录像",
    ),
    # Not shown to be grave: only an incomplete recording counts (CPL 123: 全程进行，保持完整性).
    (
        "被告人郑某某盗窃他人电动车一辆，价值三千元。经审查，侦查机关移送的讯问录音录像存在剪辑，"
        "与讯问笔录记载的起止时间不一致。",
        (MINOR, FINDING),
        "讯问录音录像存在剪辑",
    ),
    (
        "被告人冯某某涉嫌诈骗罪，数额较大。其辩护人称，第二次讯问的录像中断约四十分钟，期间发生的情况无法核实。",
        (MINOR, CLAIM),
        "录像中断",
    ),
]

NEGATIVE = [
    # Silence: a grave case that does not mention recording at all.
    "被告人王某某因感情纠纷持刀将被害人杀死，其行为已构成故意杀人罪，判处死刑，缓期二年执行。",
    # Compliant recordings.
    "被告人马某某犯抢劫罪，致一人重伤。侦查机关随案移送了同步录音录像，经审查没有诱供、刑讯逼供的行为。",
    "审讯被告人姜某的同步录音录像证实，侦查机关办案人员并没有对其刑讯逼供和诱供的行为。",
    # CCTV and scene videos are not interrogation recordings.
    "被告人何某某持刀杀害被害人后逃离，案发路段的监控录像缺失，侦查机关通过走访证人确定了其逃跑路线。",
    "被告人张某某犯故意杀人罪。公安机关组织指认现场时未录像，仅拍摄了照片。",
    # Statute and rule wording.
    "《中华人民共和国刑事诉讼法》第一百二十三条规定：对于可能判处无期徒刑、死刑的案件或者其他重大犯罪案件，"
    "应当对讯问过程进行录音或者录像。",
    "对于故意杀人等重大犯罪案件，侦查人员应当对讯问过程进行全程同步录音录像，不得选择性录制。",
    # Denials.
    "被告人董某某犯故意杀人罪。经审查，侦查机关对每次讯问均全程同步录音录像，不存在讯问录音录像缺失的情形。",
    # A non-grave case: recording is optional, so its absence is no indicator.
    "被告人冯某某盗窃他人手机一部，价值二千元。辩护人提出，公安机关未对讯问过程录音录像。",
    "被告人陈某贩卖甲基苯丙胺三次，共计净重12.6克。辩护人提出，侦查机关未对讯问过程同步录音录像。",
    # An earlier conviction does not make this case grave.
    "被告人卫某某曾因犯抢劫罪于2005年被判处无期徒刑，2019年刑满释放。2021年3月，被告人卫某某盗窃电动车一辆，"
    "价值一千二百元。辩护人提出侦查机关未同步录音录像。",
]


@pytest.mark.parametrize(("text", "key", "evidence"), POSITIVE)
def test_positive(text: str, key: tuple[bool, str], evidence: str) -> None:
    flag = run(text)
    assert flag is not None, text
    assert flag.confidence == pytest.approx(CONFIDENCE[key]), (text, flag.reason)
    assert any(evidence in e.text or e.text in evidence for e in flag.evidence), [e.text for e in flag.evidence]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    assert run(text) is None, text


GRAVITY = [
    ("被告人犯故意杀人罪，判处有期徒刑十五年。", True),
    ("被告人持枪抢劫银行运钞车，其行为构成抢劫罪。", True),
    ("被告人在公交车上扒窃，其行为构成盗窃罪，数额较大。", False),
    ("被告人盗窃他人财物价值人民币四百万元，数额特别巨大，其行为构成盗窃罪。", True),
    ("被告人贩卖甲基苯丙胺共计净重0.06千克，其行为构成贩卖毒品罪。", True),
    ("被告人贩卖海洛因5克，其行为构成贩卖毒品罪。", False),
    ("被告人利用职务便利收受他人财物共计人民币350万元，其行为构成受贿罪。", True),
    ("被告人收受他人财物共计人民币20万元，其行为构成受贿罪，并处罚金人民币五百万元。", False),
    ("被告人非法拘禁被害人，致被害人重伤，其行为构成非法拘禁罪。", True),
    ("被告人曾因犯故意杀人罪被判处有期徒刑十年，2018年刑满释放。本次被告人犯危险驾驶罪。", False),
]


@pytest.mark.parametrize(("text", "grave"), GRAVITY)
def test_gravity(text: str, grave: bool) -> None:
    assert assess_gravity(make_context(text)).grave is grave, assess_gravity(make_context(text)).reasons


def test_drug_quantities_read_units() -> None:
    found = drug_quantities("查获甲基苯丙胺2包，净重1.2千克；另有海洛因3.5克。")
    assert [(d, float(g)) for d, g, _s, _e in found] == [("甲基苯丙胺", 1200.0), ("海洛因", 3.5)]


@pytest.mark.parametrize("row", list(GRAVE_CHARGES.values()), ids=lambda r: r.name)
def test_grave_tier_is_in_the_statute(row) -> None:
    text = article_text("刑法", row.via or row.article)
    assert text is not None, row
    if row.ceiling == DEATH:
        assert "死刑" in text
    elif row.ceiling == LIFE:
        assert "无期徒刑" in text
    else:
        # 公安规定 208 ¶2: named outright (黑社会性质组织) or reached by 致人重伤、死亡
        assert row.ceiling == GRAVE_OTHER
        assert row.tier is None or "死亡" in text
