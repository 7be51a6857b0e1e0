"""typo detector: 错别字 and legal wording over whole documents, evidence in RAW offsets.
Synthetic documents, fictitious names; runs on the shipped model (models/typo), no ../shared."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline import doctypes
from pipeline.detectors.base import load_detectors
from pipeline.detectors.typo import TypoDetector


def run(raw: str, doc_type: str) -> list:
    flags = list(TypoDetector().detect(make_context(raw, doc_type)))
    for f in flags:
        assert f.code == "typo" and f.family == "defect" and f.detector == "typo" and f.detector_version == "3"
        assert 0.0 < f.confidence <= 1.0 and f.basis and f.reason
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    return flags


def evidence(flags: list) -> list[str]:
    return [e.text for f in flags for e in f.evidence]


INDICTMENT_OK = (
    "某某市某某区人民检察院\n起诉书\n某检刑诉〔2020〕112号\n"
    "被告人马某某，男，1988年3月5日出生，汉族，初中文化，无业。因涉嫌盗窃罪于2020年5月2日被某某市公安局某某分局刑事拘留，"
    "同年5月9日经本院批准，次日被执行逮捕。\n"
    "本案由某某市公安局某某分局侦查终结，以被告人马某某涉嫌盗窃罪，于2020年7月1日向本院移送审查起诉。"
    "本院受理后，于2020年7月2日已告知被告人有权委托辩护人，依法讯问了被告人，审查了全部案件材料。\n"
    "经依法审查查明：2020年4月28日凌晨，被告人马某某窜至某某小区，撬开被害人范某某停放的轿车车门，窃取车内现金人民币三千元。\n"
    "认定上述事实的证据如下：被害人范某某的陈述；证人时迁的证言；监控录像；被告人马某某的供述和辩解。\n"
    "本院认为，被告人马某某以非法占有为目的，秘密窃取他人财物，数额较大，其行为已触犯《中华人民共和国刑法》第二百六十四条，"
    "犯罪事实清楚，证据确实、充分，应当以盗窃罪追究其刑事责任。根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉。\n"
    "此致\n某某市某某区人民法院\n检察官 卫某\n2020年7月20日\n"
)


def test_a_clean_indictment_gets_no_flag() -> None:
    assert run(INDICTMENT_OK, doctypes.INDICTMENT) == []


@pytest.mark.parametrize(
    ("doc_type", "raw", "flagged", "suggested"),
    [
        (doctypes.INDICTMENT, INDICTMENT_OK.replace("委托辩护人", "委托辨护人"), "辨护", "辩护"),
        (doctypes.INDICTMENT, INDICTMENT_OK.replace("依法讯问了被告人", "依法迅问了被告人"), "迅", "讯"),
        (doctypes.INDICTMENT, INDICTMENT_OK.replace("秘密窃取", "秘密切取"), "切", "窃"),
        (doctypes.INDICTMENT, INDICTMENT_OK.replace("全部案件材料", "全部案件材科"), "科", "料"),
        (doctypes.INDICTMENT, INDICTMENT_OK.replace("2020年4月28日凌晨", "截止2020年4月28日凌晨"), "截止", "截至"),
        (
            doctypes.INDICTMENT,
            INDICTMENT_OK.replace("根据《中华人民共和国刑事诉讼法》", "根据刑诉法"),
            "刑诉法",
            "《中华人民共和国刑事诉讼法》",
        ),
        (doctypes.INDICTMENT, INDICTMENT_OK.replace("窃取车内现金", "窃取车内其它财物及现金"), "其它", "其他"),
        # the same person called 犯罪嫌疑人 in the facts of an indictment
        (
            doctypes.INDICTMENT,
            INDICTMENT_OK.replace("凌晨，被告人马某某窜至", "凌晨，犯罪嫌疑人马某某窜至"),
            "犯罪嫌疑人",
            "被告人",
        ),
    ],
)
def test_flags_with_suggestion(doc_type: str, raw: str, flagged: str, suggested: str) -> None:
    flags = run(raw, doc_type)
    assert flagged in evidence(flags)
    assert any(f"“{suggested}”" in f.reason for f in flags)


ARREST_DECISION = (
    "某某市某某区人民检察院\n批准逮捕决定书\n某检刑批捕〔2021〕37号\n"
    "某某市公安局某某分局：\n你局于2021年3月2日以某公刑提捕字〔2021〕15号提请批准逮捕书提请批准逮捕{person}刘某某，"
    "经本院审查认为，该犯罪嫌疑人涉嫌故意伤害罪，有证据证明有犯罪事实，可能判处徒刑以上刑罚，采取取保候审尚不足以防止发生社会危险性，"
    "符合《中华人民共和国刑事诉讼法》第八十一条规定的逮捕条件。决定批准逮捕犯罪嫌疑人刘某某。请依法立即执行，并将执行情况在三日以内通知本院。\n"
    "2021年3月8日\n"
)


def test_defendant_before_indictment_is_flagged() -> None:
    flags = run(ARREST_DECISION.format(person="被告人"), doctypes.ARREST_APPROVAL)
    assert evidence(flags) == ["被告人"]
    assert "犯罪嫌疑人" in flags[0].reason


def test_suspect_in_an_arrest_decision_is_right() -> None:
    assert run(ARREST_DECISION.format(person="犯罪嫌疑人"), doctypes.ARREST_APPROVAL) == []


def test_non_prosecution_uses_bei_bu_qisu_ren() -> None:
    raw = "某某区人民检察院\n不起诉决定书\n某检刑不诉〔2021〕8号\n被告人陶某某，女，1979年出生。本院决定对陶某某不起诉。\n"
    flags = run(raw, doctypes.NON_PROSECUTION)
    assert evidence(flags) == ["被告人"]
    assert "被不起诉人" in flags[0].reason
    assert run(raw.replace("被告人", "被不起诉人"), doctypes.NON_PROSECUTION) == []


def test_evidence_offsets_are_raw_when_normalisation_shifts_text() -> None:
    # Full-width digits, an ideographic space and CRLF: normalised offsets differ from raw ones.
    raw = "被告人马某某于２０２０年５月１日\u3000到案。\r\n上述证据经庭审质证，来源合法，足已认定。\r\n"
    flags = run(raw, doctypes.JUDGMENT)
    assert "已" in evidence(flags)


def test_real_text_false_alarm_shapes_are_not_flagged() -> None:
    raw = INDICTMENT_OK.replace(
        "经依法审查查明：",
        "经依法审查查明：（九）被告人审前未被羁押，前次被判处实刑。我看她人没受伤。民警抓获涉赌人员三人。",
    )
    assert [f for f in run(raw, doctypes.INDICTMENT) if "疑似错别字" in f.reason] == []


def test_registered_under_its_name() -> None:
    assert [d.name for d in load_detectors(["typo"])] == ["typo"]
