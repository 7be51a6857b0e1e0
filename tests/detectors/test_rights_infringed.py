"""rights_infringed: explicit indicators of infringed procedural rights fire (findings above claims above
rejected claims); statute wording, compliant statements and denials do not. Synthetic text, fictitious names."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline.detectors._stance import CONF_CLAIM, CONF_FINDING, CONF_REJECTED, mask_statutes
from pipeline.detectors.rights_infringed import COUNSEL_EXCEPTION_PENALTY, KIND_BASIS, RightsInfringed
from pipeline.law.statutes import article_text


def run(raw: str):
    flags = list(RightsInfringed().detect(make_context(raw)))
    for f in flags:
        assert f.code == "rights_infringed" and f.family == "violation" and f.severity == "high"
        assert f.detector == "rights_infringed" and f.detector_version == "1"
        assert "第七条第（九）项" in f.basis and f.reason
        assert f.evidence
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    assert len(flags) <= 1
    return flags[0] if flags else None


# (text, expected confidence, a piece of text one evidence span must contain)
POSITIVE = [
    # Findings: the document itself states the infringement.
    (
        "经查，侦查人员在第一次讯问犯罪嫌疑人周某某时，确未告知其有权委托辩护人，讯问笔录中亦无相关记载。",
        CONF_FINDING,
        "未告知其有权委托辩护人",
    ),
    (
        "本院在审查中发现，某县公安局在对犯罪嫌疑人采取强制措施时未依法告知其诉讼权利，已发出纠正违法通知书。",
        CONF_FINDING,
        "未依法告知其诉讼权利",
    ),
    (
        "2021年4月2日，辩护律师吴某持律师执业证书、律师事务所证明和委托书到某县看守所要求会见犯罪嫌疑人郑某，"
        "侦查人员以案件正在侦查为由拒绝律师会见。",
        CONF_FINDING,
        "拒绝律师会见",
    ),
    ("辩护人冯某多次提出会见申请，某区公安分局均不予安排，至审查起诉阶段方得以会见。", CONF_FINDING, "不予安排"),
    ("2022年1月，辩护律师要求会见在押的犯罪嫌疑人，看守所以疫情防控为由未予安排。", CONF_FINDING, "未予安排"),
    (
        "犯罪嫌疑人陈某某在没有辩护人或者值班律师在场的情况下签署了认罪认罚具结书，该具结书不能作为从宽处理的依据。",
        CONF_FINDING,
        "签署了认罪认罚具结书",
    ),
    (
        "被告人艾某系维吾尔族，不通晓汉语，侦查机关讯问时未为其提供翻译，相关讯问笔录未经翻译核对。",
        CONF_FINDING,
        "未为其提供翻译",
    ),
    (
        "被告人柳某可能被判处无期徒刑，没有委托辩护人，原审法院应当通知法律援助机构指派律师为其提供辩护而未通知，"
        "违反法定诉讼程序。",
        CONF_FINDING,
        "而未",
    ),
    (
        "原审法院在被告人未委托辩护人的情况下，未通知法律援助机构为其指派律师，径行开庭审理。",
        CONF_FINDING,
        "未通知法律援助机构",
    ),
    (
        "原审审判长在宣布辩论终结后未让被告人作最后陈述即宣告休庭，剥夺了被告人的最后陈述权利。",
        CONF_FINDING,
        "最后陈述",
    ),
    # Claims: a party alleges it; nothing in the document answers.
    (
        "辩护人提出，侦查机关在讯问时未告知被告人认罪认罚的法律规定，被告人系在不明后果的情况下认罪。",
        CONF_CLAIM,
        "未告知被告人认罪认罚",
    ),
    (
        "上诉人钱某上诉称，其在签署具结书时值班律师并未在场，具结书内容系检察官代为填写。",
        CONF_CLAIM,
        "值班律师并未在场",
    ),
    ("辩护人认为，侦查阶段辩护律师三次申请会见均被拒绝，严重妨碍了辩护权的行使。", CONF_CLAIM, "会见均被拒"),
    (
        "被告人阿某某当庭辩称，其只会说彝语，公安机关审讯时没有翻译人员在场，笔录内容其看不懂也听不懂。",
        CONF_CLAIM,
        "没有翻译人员在场",
    ),
    # Claims examined and rejected.
    (
        "辩护人提出侦查机关未告知被告人有权委托辩护人。经查，第一次讯问笔录载明侦查人员已告知其有权委托辩护人，"
        "被告人签字确认，故该辩护意见与事实不符，本院不予采纳。",
        CONF_REJECTED,
        "未告知被告人有权委托辩护人",
    ),
    (
        "上诉人称其签署认罪认罚具结书时没有律师在场。经查，具结书上有值班律师孙某的签名，并有同步录音录像证实"
        "值班律师全程在场，上诉人的该项理由不能成立。",
        CONF_REJECTED,
        "没有律师在场",
    ),
]

NEGATIVE = [
    # Statute and guideline wording.
    "《中华人民共和国刑事诉讼法》第一百七十四条规定：犯罪嫌疑人自愿认罪，同意量刑建议和程序适用的，"
    "应当在辩护人或者值班律师在场的情况下签署认罪认罚具结书。",
    "侦查机关在第一次讯问犯罪嫌疑人或者对犯罪嫌疑人采取强制措施的时候，应当告知犯罪嫌疑人有权委托辩护人。",
    "对于不通晓当地通用的语言文字的诉讼参与人，应当为他们翻译。",
    "检察机关发现侦查人员阻碍律师会见的，应当及时提出纠正意见。",
    # Compliant statements.
    "本院受理后，于2020年5月6日已告知被告人有权委托辩护人，依法讯问了被告人，听取了辩护人的意见。",
    "被告人何某某在值班律师见证下自愿签署了认罪认罚具结书。",
    "犯罪嫌疑人钱某认罪认罚，同意量刑建议和程序适用，在辩护人张某在场的情况下签署了认罪认罚具结书。",
    "因被告人系藏族，不通晓汉语，本院为其聘请了藏语翻译人员，庭审全程翻译。",
    "被告人李某某可能被判处无期徒刑，没有委托辩护人，本院依法通知某市法律援助中心指派律师王某为其提供辩护。",
    "审判长宣布辩论终结后，被告人作了最后陈述，表示认罪悔罪。",
    "辩护律师于2021年3月2日会见了犯罪嫌疑人，看守所当日即安排会见。",
    # Denials.
    "经审查，侦查机关讯问时已依法告知其诉讼权利，不存在未告知诉讼权利的情形。",
    "本案没有证据证明侦查人员拒绝律师会见。",
    "经审查，辩护人所称侦查机关未告知被告人诉讼权利的情况并不存在。",
    # Words that are not about procedural rights.
    "被告人隐瞒其系公司股东的身份，未告知负责办理低保的社区工作人员，骗取低保救助金。",
    "被告人以帮助办理签证为由骗取被害人钱财，未为被害人提供任何翻译及办证服务。",
    "辩护人提出，被告人系从犯，认罪态度好，请求从轻处罚。",
    "被告人在辩护人见证下签署具结书，同意检察机关提出的有期徒刑一年的量刑建议。",
    "被告人没有委托辩护人，在值班律师在场的情况下签署了认罪认罚具结书。",
    "犯罪嫌疑人明确表示拒绝律师会见，并书面拒绝值班律师提供法律帮助，已记录在案。",
]


@pytest.mark.parametrize(("text", "confidence", "evidence"), POSITIVE)
def test_positive(text: str, confidence: float, evidence: str) -> None:
    flag = run(text)
    assert flag is not None, text
    assert flag.confidence == pytest.approx(confidence), (text, flag.reason)
    assert any(evidence in e.text or e.text in evidence for e in flag.evidence), [e.text for e in flag.evidence]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    assert run(text) is None


def test_finding_outranks_claim_in_one_document() -> None:
    text = (
        "辩护人提出，侦查机关未告知被告人有权委托辩护人。经查，首次讯问笔录中确无权利告知内容，侦查人员亦未依法告知其诉讼权利，"
        "该辩护意见予以采纳。"
    )
    flag = run(text)
    assert flag is not None and flag.confidence == pytest.approx(CONF_FINDING)


def test_counsel_refusal_in_state_security_case_is_less_certain() -> None:
    text = "本案系危害国家安全犯罪案件。侦查期间，侦查机关拒绝辩护律师会见犯罪嫌疑人。"
    flag = run(text)
    assert flag is not None
    assert flag.confidence == pytest.approx(CONF_FINDING - COUNSEL_EXCEPTION_PENALTY)


def test_statute_masking_keeps_offsets() -> None:
    text = "依照《中华人民共和国刑事诉讼法》第三十四条规定：应当告知犯罪嫌疑人有权委托辩护人。被告人未告知。"
    masked = mask_statutes(text)
    assert len(masked) == len(text)
    assert "刑事诉讼法" not in masked and masked.endswith("被告人未告知。")


@pytest.mark.parametrize(
    ("article", "quote"),
    [(34, "notice"), (39, "counsel"), (174, "plea"), (9, "interpreter"), (35, "legal_aid"), (198, "trial")],
)
def test_basis_quotes_the_statute(article: int, quote: str) -> None:
    statute = article_text("刑事诉讼法", article)
    assert statute is not None
    body = KIND_BASIS[quote].split("：", 1)[1]
    # the quote may join sentences of one article; each sentence must be in the statute
    for sentence in filter(None, body.rstrip("。").split("。")):
        assert sentence.replace("……", "") in statute, sentence


def test_evidence_maps_to_raw_offsets() -> None:
    # a PDF-style space inside the phrase and a CRLF: normalisation drops them, evidence is still raw text
    raw = "２０２１年３月２日，\r\n经查，侦查人员在讯问时确未告知 其有权委托辩护人。"
    flag = run(raw)
    assert flag is not None and flag.confidence == pytest.approx(CONF_FINDING)
    assert [e.text for e in flag.evidence] == ["未告知 其有权委托辩护人"]
