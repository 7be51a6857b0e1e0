"""illegal_evidence: claims, applications, sustained exclusions flag; statute quotes, denials and crime facts
do not; a claim the authority examined and rejected flags with low confidence. Synthetic text, fictitious names."""

from __future__ import annotations

import pytest
from detector_context import make_context

from pipeline.detectors.illegal_evidence import (
    CONF_MENTION,
    CONF_REJECTED,
    CONF_SUSTAINED,
    CONF_UNANSWERED,
    IllegalEvidence,
    mask_law,
)


def run(raw: str):
    flags = list(IllegalEvidence().detect(make_context(raw)))
    for f in flags:
        assert f.code == "illegal_evidence" and f.family == "violation"
        assert f.detector == "illegal_evidence" and f.detector_version == "1"
        assert "第五十六条" in f.basis and f.reason
        assert f.evidence
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text
    assert len(flags) <= 1
    return flags[0] if flags else None


# (text, expected confidence, a piece of text one evidence span must contain)
POSITIVE = [
    # A defendant's claim in court, never answered in the document.
    ("被告人王某某当庭辩称，其在侦查阶段的有罪供述系侦查人员殴打所致。", CONF_UNANSWERED, "殴打所致"),
    ("辩护人提出，被告人李某某在公安机关的供述系刑讯逼供所得，应当予以排除。", CONF_UNANSWERED, "刑讯逼供所得"),
    (
        "被告人赵某某辩称，侦查人员对其进行了疲劳审讯，连续审讯长达三十个小时，其供述不是真实意思表示。",
        CONF_UNANSWERED,
        "疲劳审讯",
    ),
    ("被告人黄某辩称，办案民警不让其睡觉，其实在受不了才在笔录上签了字。", CONF_UNANSWERED, "不让其睡觉"),
    (
        "犯罪嫌疑人钱某某在本院讯问时反映，其在刑警队被侦查人员用手铐吊起来殴打，并被威胁如不承认就抓其妻子。",
        CONF_UNANSWERED,
        "殴打",
    ),
    ("证人陈某某出庭作证称，其在派出所所作的证言是在民警威胁下作出的。", CONF_UNANSWERED, "威胁下作出"),
    ("被告人蒋某辩称，其在无律师在场的情况下遭到刑讯逼供。", CONF_UNANSWERED, "刑讯逼供"),
    ("辩护人提出，本案程序不正当，现场勘验材料均系公安机关伪造。", CONF_UNANSWERED, "公安机关伪造"),
    ("被告人袁某辩称，侦查人员篡改了讯问笔录，其从未供述过持刀的情节。", CONF_UNANSWERED, "篡改了讯问笔录"),
    (
        "被告人韩某辩称，侦查阶段的有罪供述系在侦查人员称其不认罪就要被关押，以及“赔钱就可以回家”的诱导下作出，"
        "认罪认罚非自愿。",
        CONF_UNANSWERED,
        "诱导",
    ),
    (
        "辩护人提出，公安机关对被告人非法拘禁长达五日并在此期间连续讯问，所取得的供述应予排除。",
        CONF_UNANSWERED,
        "非法拘禁",
    ),
    ("上诉人孙某上诉称：其在侦查机关的供述是侦查人员指供、诱供形成的，原判据此定案错误。", CONF_UNANSWERED, "指供"),
    # An application to exclude, written down by the court.
    (
        "庭审前，辩护人向本院提交了排除非法证据申请，申请排除被告人孙某在侦查阶段所作的第一次讯问笔录。",
        CONF_UNANSWERED,
        "排除非法证据申请",
    ),
    ("辩护人对被告人庭前供述的合法性提出异议，认为系在被告人醉酒状态下取得。", CONF_UNANSWERED, "合法性提出异议"),
    (
        "辩护人依据《中华人民共和国刑事诉讼法》第五十六条的规定，请求法庭排除被告人在侦查阶段所作的有罪供述。",
        CONF_UNANSWERED,
        "请求法庭排除",
    ),
    # A list of defence opinions: the claim is an item of a list announced earlier in the paragraph.
    (
        "被告人周某某的辩护人提出如下辩护意见：1、起诉书指控的数额有误；2、周某某在侦查阶段的供述系被逼供形成；"
        "3、周某某系初犯，请求从轻处罚。",
        CONF_UNANSWERED,
        "逼供",
    ),
    # Claimed, and the court relies on the confession without answering the claim.
    (
        "被告人冯某当庭翻供，称其在公安机关所作供述系侦查人员诱供形成。本院认为，被告人冯某在侦查阶段多次供述稳定，"
        "与其他证据相互印证，足以认定。",
        CONF_UNANSWERED,
        "诱供",
    ),
    # Sustained exclusion / finding by the author.
    (
        "经法庭调查，公诉机关未能提供讯问同步录音录像，不能排除侦查人员以非法方法收集被告人供述的可能，"
        "故对被告人周某在侦查阶段所作的有罪供述依法予以排除，不作为定案的根据。",
        CONF_SUSTAINED,
        "依法予以排除",
    ),
    (
        "被告人吴某及其辩护人提出，吴某在派出所被民警打了一顿，被迫作出有罪供述。经查，吴某入所体检记录显示其面部、"
        "背部有多处新鲜伤痕，公安机关不能作出合理解释，对吴某在派出所所作的供述予以排除。",
        CONF_SUSTAINED,
        "予以排除",
    ),
    (
        "本院经审查认为，侦查人员在讯问过程中确有以威胁方法收集证据的情形，相关供述属于非法证据，依法应当予以排除。",
        CONF_SUSTAINED,
        "非法证据",
    ),
    (
        "某某县人民检察院审查认为，犯罪嫌疑人郑某某的有罪供述系侦查人员采用刑讯逼供方法取得，属于非法证据，"
        "依法予以排除，不作为批准逮捕的依据。",
        CONF_SUSTAINED,
        "刑讯逼供",
    ),
    # Claims examined and rejected: still flagged, with low confidence.
    (
        "关于辩护人提出被告人郑某的供述系刑讯逼供所得的意见，经查，讯问全程有同步录音录像，被告人入所体检未见伤情，"
        "侦查人员出庭说明了讯问经过，该辩护意见不能成立，本院不予采纳。",
        CONF_REJECTED,
        "刑讯逼供所得",
    ),
    (
        "被告人马某辩称其在公安机关遭受刑讯逼供。\n"
        "经审理查明，2019年3月5日，被告人马某在某市某区盗窃电动车一辆。\n"
        "对于被告人马某所提其遭受刑讯逼供的辩解，经查，没有证据证实，不予采信。",
        CONF_REJECTED,
        "遭受刑讯逼供",
    ),
    (
        "上诉人杨某提出其在侦查阶段的供述系侦查人员骗供所得。经查，同步录音录像显示侦查人员依法讯问，"
        "没有骗供、诱供的行为。",
        CONF_REJECTED,
        "骗供",
    ),
    (
        "辩护人申请对被告人何某某的庭前供述进行非法证据排除。经审查，辩护人未提供相关线索或者材料，"
        "对该申请本院不予支持。",
        CONF_REJECTED,
        "非法证据排除",
    ),
    # Findings whose actor stands a when-clause away from the act, or that name the violent method.
    (
        "经法庭调查，侦查人员在讯问韩立新时确有威胁、引诱行为，被告人韩立新该次有罪供述依法予以排除。",
        CONF_SUSTAINED,
        "威胁",
    ),
    (
        "经审查，办案民警在审讯犯罪嫌疑人邱某期间存在引诱行为，邱某的第二次讯问笔录不作为定案的根据。",
        CONF_SUSTAINED,
        "引诱",
    ),
    (
        "本院认为，结合被告人入所体检记录及同监室人员证言，不能排除侦查人员以暴力方法收集被告人卜某供述的可能，"
        "该供述应当予以排除。",
        CONF_SUSTAINED,
        "暴力方法收集",
    ),
    # A bare mention: nobody is said to claim it, nothing is decided.
    ("2020年3月，本院召开庭前会议，就非法证据排除等程序性事项听取了控辩双方意见。", CONF_MENTION, "非法证据排除"),
    (
        "庭审中，本院依法对被告人庭前供述的合法性进行了法庭调查，公诉机关出示了讯问同步录音录像。",
        CONF_MENTION,
        "合法性进行了法庭调查",
    ),
]

NEGATIVE = [
    # Statute quotations.
    "《中华人民共和国刑事诉讼法》第五十二条规定：审判人员、检察人员、侦查人员必须依照法定程序收集证据，"
    "严禁刑讯逼供和以威胁、引诱、欺骗以及其他非法方法收集证据，不得强迫任何人证实自己有罪。",
    "根据《中华人民共和国刑事诉讼法》第五十六条的规定，采用刑讯逼供等非法方法收集的犯罪嫌疑人、被告人供述和"
    "采用暴力、威胁等非法方法收集的证人证言、被害人陈述，应当予以排除。",
    "本院认为，严禁刑讯逼供是刑事诉讼的基本要求，本案证据收集程序合法。",
    "《中华人民共和国刑事诉讼法》第五十八条规定，法庭审理过程中，审判人员认为可能存在本法第五十六条规定的"
    "以非法方法收集证据情形的，应当对证据收集的合法性进行法庭调查。",
    "判决如下：被告人王某某犯盗窃罪，判处有期徒刑一年。\n附：本判决所依据的相关法律条文\n"
    "《中华人民共和国刑事诉讼法》\n第五十六条 采用刑讯逼供等非法方法收集的犯罪嫌疑人、被告人供述，应当予以排除。",
    "审查逮捕阶段，检察人员应当审查侦查机关是否存在《关于办理刑事案件严格排除非法证据若干问题的规定》所列情形。",
    # Negations, with no claim in the document.
    "被告人罗某某对起诉书指控的犯罪事实供认不讳，未提出其遭受刑讯逼供，亦未申请排除非法证据。",
    "经审查，侦查机关讯问被告人时依法告知其诉讼权利，全程同步录音录像，不存在刑讯逼供、诱供等非法取证行为。",
    "本院依法讯问了被告人，听取了辩护人的意见，被告人表示侦查人员依法讯问，没有对其刑讯逼供。",
    "被告人否认遭受刑讯逼供，对侦查阶段的供述无异议。",
    "被告人的供述不属于非法证据，可以作为定案的根据。",
    "结合审讯录像，可排除被告人被刑讯逼供、诱供的可能性。",
    # Crime vocabulary: the defendant beats, threatens, entices or detains somebody.
    "被告人何某某因琐事与被害人发生争执，遂持木棍殴打被害人头部，并威胁被害人不得报警。",
    "民警赶到现场制止时，被告人刘某某又对民警进行殴打，致一名民警轻微伤。",
    "公安民警接警后赶到现场，被告人持刀威胁民警，后被当场抓获。",
    "民警王某1、马某1上前制止时被被告人陈某殴打致伤。",
    "被告人孙某某犯非法拘禁罪，判处有期徒刑一年。",
    "被告人钱某以欺骗手段骗取被害人信任，其行为构成诈骗罪，公安机关于2019年3月5日将其抓获。",
    "被告人犯引诱、容留、介绍卖淫罪，判处有期徒刑二年。",
    "公安机关从欺骗他人吸毒罪的角度开展侦查，调取了相关电子数据。",
    "被告人辩称其没有殴打被害人，是被害人先动手。",
    "民警赶到现场时，被害人已在被告人的威胁下交出了手机。",
    "公安机关依法查处伪造公司印章的违法行为，并扣押了伪造的印章三枚。",
    "被告人郭某为使其弟逃避处罚，伪造证据并指使证人作伪证，其行为构成妨害作证罪。",
    "被告人供述称，其伙同他人对被害人殴打、威胁，逼迫被害人交出钱财。",
    "被害人陈某陈述，其被被告人殴打后被迫交出手机。",
    "证人证实，被告人在讯问中供述其多次殴打被害人。",
    "委托代理人认为：从公安机关的调查材料中看不出沈某殴打过罗某某，对其损失不应赔偿。",
    "公安民警当场查获被告人用于电击电鱼的工具一套。",
    "警察赶到后，被告人持刀冲向人群，警察朝其腿部开了一枪。",
    "被告人在侦查阶段及庭审中均如实供述，对证据收集的合法性无异议。",
    "辩护人提出，被告人系从犯、初犯，认罪态度好，请求从轻处罚。",
    "同案犯供述，其与被告人一起到被害人家中讨债，并言语威胁了被害人的父亲。",
    "被告人称供述都是真实的，办案民警态度很好，没有打骂过他。",
    # 暴力方法 that robs or compels a victim is a crime fact; a questioning witness named in a when-clause is no actor.
    "被告人彭某以暴力方法劫取被害人财物，其行为已构成抢劫罪。",
    "被告人采用暴力方法取得被害人的银行卡密码后取款二万元。",
    "民警在询问证人田某时，被告人闯入办公室威胁田某不得作证。",
    # A prosecution for the crime of extorting confessions describes the defendant's acts, not this case's
    # evidence.
    "被告人张某某身为公安民警，在审讯犯罪嫌疑人李某时，采用殴打、罚跪等手段逼取口供，致李某轻伤，"
    "其行为已构成刑讯逼供罪。",
]


@pytest.mark.parametrize(("text", "confidence", "piece"), POSITIVE, ids=[f"pos{i}" for i in range(len(POSITIVE))])
def test_positive(text: str, confidence: float, piece: str) -> None:
    flag = run(text)
    assert flag is not None, text
    assert flag.confidence == pytest.approx(confidence), (flag.reason, text)
    assert any(piece in e.text for e in flag.evidence), [e.text for e in flag.evidence]


@pytest.mark.parametrize("text", NEGATIVE, ids=[f"neg{i}" for i in range(len(NEGATIVE))])
def test_negative(text: str) -> None:
    flag = run(text)
    assert flag is None, (flag.reason, [e.text for e in flag.evidence]) if flag else None


def test_rejected_reason_says_examined() -> None:
    flag = run(next(text for text, conf, _ in POSITIVE if conf == CONF_REJECTED))
    assert flag is not None and "经审查未予采纳" in flag.reason


def test_unanswered_reason_names_who_claimed() -> None:
    flag = run("辩护人提出，被告人的供述系刑讯逼供所得。")
    assert flag is not None and flag.reason.startswith("辩护人")


def test_crime_prosecution_still_flags_a_claim_about_its_own_evidence() -> None:
    raw = (
        "被告人张某某身为公安民警，在审讯中殴打犯罪嫌疑人，其行为已构成刑讯逼供罪。"
        "被告人张某某辩称，其在检察机关的供述系办案人员诱供所得。"
    )
    flag = run(raw)
    assert flag is not None and flag.confidence == pytest.approx(CONF_UNANSWERED)


def test_raw_offsets_survive_full_width_and_crlf() -> None:
    raw = "案号（２０２０）某刑初１号\r\n被告人王某当庭辩称，其供述系侦查人员刑讯逼供所得。\r\n"
    flag = run(raw)
    assert flag is not None
    assert any("刑讯逼供" in e.text for e in flag.evidence)


def test_mask_law_keeps_length_and_hides_statute_wording() -> None:
    text = "《刑事诉讼法》规定：严禁刑讯逼供。被告人辩称遭受刑讯逼供。"
    masked = mask_law(text)
    assert len(masked) == len(text)
    assert masked.count("刑讯逼供") == 1 and masked.endswith("被告人辩称遭受刑讯逼供。")
