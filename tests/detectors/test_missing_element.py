"""missing_element: complete synthetic documents raise nothing; removing one element raises exactly its flag.

All documents are written for this test in the official layouts; names and places are fictitious."""

from __future__ import annotations

import re

import pytest
from detector_context import make_context

from pipeline.detectors.missing_element import MissingElement, compute_zones, is_truncated
from pipeline.law import elements as E
from pipeline.normalize import normalize
from pipeline.types import Flag

INDICTMENT = """某某市某某区人民检察院
起诉书
某区检刑诉〔2020〕128号

被告人冯某某，男，1990年5月12日出生，公民身份号码330102199005121234，汉族，高中文化，无业，住某省某市某区某路。2020年3月1日因涉嫌盗窃罪被某市公安局某分局刑事拘留，同年3月8日经本院批准，次日由某市公安局某分局执行逮捕。
辩护人秦某某，某某律师事务所律师。
本案由某市公安局某分局侦查终结，以被告人冯某某涉嫌盗窃罪，于2020年4月20日向本院移送审查起诉。本院受理后，于2020年4月21日已告知被告人有权委托辩护人和认罪认罚可能导致的法律后果，依法讯问了被告人，听取了辩护人秦某某的意见，审查了全部案件材料。
经依法审查查明：
2020年2月10日，被告人冯某某在某区某商场内窃取被害人韩某某手机一部，价值人民币3200元。
认定上述事实的证据如下：1.被害人韩某某的陈述；2.价格认定结论书；3.被告人冯某某的供述和辩解。
本院认为，被告人冯某某以非法占有为目的，秘密窃取他人财物，数额较大，其行为触犯了《中华人民共和国刑法》第二百六十四条，犯罪事实清楚，证据确实、充分，应当以盗窃罪追究其刑事责任。被告人冯某某自愿认罪认罚，建议判处有期徒刑八个月，并处罚金人民币三千元。根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉。
此致
某某市某某区人民法院
检察官　蒋某某
2020年5月6日
附：
1.被告人冯某某现羁押于某市看守所。
2.案卷材料和证据2册。
"""

NON_PROSECUTION = """某某县人民检察院
不起诉决定书
某检刑不诉〔2021〕5号

被不起诉人沈某某，女，1975年8月3日出生，公民身份号码410105197508031232，汉族，初中文化，个体经营者，住某省某县某镇。2021年1月5日因涉嫌故意伤害罪被某县公安局取保候审。
本案由某县公安局侦查终结，以被不起诉人沈某某涉嫌故意伤害罪，于2021年3月2日向本院移送审查起诉。
经本院依法审查查明：
2020年11月3日，被不起诉人沈某某与邻居被害人杨某某因琐事发生争执，沈某某推搡杨某某致其摔倒，经鉴定杨某某的损伤程度为轻伤二级。案发后，沈某某赔偿杨某某经济损失人民币2万元，取得被害人谅解。
本院认为，沈某某实施了《中华人民共和国刑法》第二百三十四条规定的行为，但犯罪情节轻微，具有赔偿被害人损失并取得谅解等情节，根据《中华人民共和国刑法》第三十七条的规定，不需要判处刑罚。依据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对沈某某不起诉。
被不起诉人如不服本决定，可以自收到本决定书后七日以内向本院申诉。
被害人如不服本决定，可以自收到本决定书后七日以内向某市人民检察院申诉，请求提起公诉；也可以不经申诉，直接向某县人民法院提起自诉。
某某县人民检察院
2021年4月9日
"""

ARREST_APPROVAL = """某某县人民检察院
批准逮捕决定书
某检刑批捕〔2022〕31号

某县公安局：
你局于2022年6月1日以某公刑提捕字〔2022〕45号提请批准逮捕书提请批准逮捕犯罪嫌疑人蔡某某，经本院审查认为，该犯罪嫌疑人涉嫌诈骗犯罪，有证据证明有犯罪事实，可能判处徒刑以上刑罚，采取取保候审尚不足以防止发生社会危险性，符合《中华人民共和国刑事诉讼法》第八十一条规定的逮捕条件，决定批准逮捕犯罪嫌疑人蔡某某。请依法立即执行，并将执行情况在三日以内通知本院。
2022年6月7日
（院印）
"""

ARREST_REFUSAL = """某某县人民检察院
不批准逮捕决定书
某检刑不捕〔2022〕9号

某县公安局：
你局于2022年7月3日以某公刑提捕字〔2022〕52号提请批准逮捕书提请批准逮捕犯罪嫌疑人魏某某，经本院审查认为，现有证据不足以证明犯罪嫌疑人魏某某实施了盗窃行为，不符合逮捕条件。根据《中华人民共和国刑事诉讼法》第九十条的规定，决定不批准逮捕犯罪嫌疑人魏某某。请依法立即释放，并将执行回执在三日以内送达本院。
2022年7月9日
（院印）
"""

JUDGMENT = """某省某县人民法院
刑事判决书
（2021）某0123刑初45号

公诉机关某县人民检察院。
被告人韩某某，男，1988年9月9日出生于某省某县，汉族，初中文化，务工，户籍地某省某县。因涉嫌犯盗窃罪于2021年1月3日被某县公安局刑事拘留，同年1月10日被逮捕。现羁押于某县看守所。
辩护人严某某，某律师事务所律师。
某县人民检察院以某检刑诉〔2021〕40号起诉书指控被告人韩某某犯盗窃罪，于2021年3月1日向本院提起公诉。本院依法适用简易程序，实行独任审判，公开开庭审理了本案。某县人民检察院指派检察员郑某某出庭支持公诉，被告人韩某某及其辩护人严某某到庭参加诉讼。现已审理终结。
某县人民检察院指控，2020年12月至2021年1月，被告人韩某某在某县多次盗窃，共计价值人民币8600元。
被告人韩某某对指控事实无异议。辩护人提出被告人系初犯、自愿认罪，请求从轻处罚。
经审理查明，2020年12月至2021年1月，被告人韩某某在某县城区先后三次盗窃他人财物，价值共计人民币8600元。
上述事实，有被害人陈述、证人证言、价格认定结论书及被告人的供述等证据证实，足以认定。
本院认为，被告人韩某某以非法占有为目的，多次秘密窃取他人财物，数额较大，其行为已构成盗窃罪。辩护人所提从轻处罚的意见，本院予以采纳。依照《中华人民共和国刑法》第二百六十四条、第六十七条第三款之规定，判决如下：
被告人韩某某犯盗窃罪，判处有期徒刑十个月，并处罚金人民币三千元。
（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自2021年1月3日起至2021年11月2日止。）
如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向某市中级人民法院提出上诉。
审判员　潘某某
二〇二一年四月二日
书记员　葛某某
"""


def run(raw: str, doc_type: str) -> list[Flag]:
    ctx = make_context(raw, doc_type)
    flags = list(MissingElement().detect(ctx))
    for f in flags:
        assert f.code == "missing_element" and f.family == "defect" and f.severity == "low"
        assert f.detector == "missing_element" and f.detector_version == "1"
        assert f.basis and f.reason
        for e in f.evidence:
            assert raw[e.start : e.end] == e.text and 0 < len(e.text) <= 40
    return flags


def names(flags: list[Flag]) -> set[str]:
    """The element names the flags speak of (the reason quotes the name verbatim)."""
    all_elements = [el for table in E.REQUIRED.values() for el in table] + list(E.PARTY_BLOCK.values())
    return {
        el.name
        for f in flags
        for el in all_elements
        if re.search(rf"(?:缺少必备要素：|未写明){re.escape(el.name)}(?:（[^）]*应当载明）)?。", f.reason)
    }


def element(doc_type: str, key: str) -> E.Element:
    return next(el for el in E.REQUIRED[doc_type] if el.key == key)


COMPLETE = [
    (INDICTMENT, "indictment"),
    (NON_PROSECUTION, "non_prosecution"),
    (ARREST_APPROVAL, "arrest_approval"),
    (ARREST_REFUSAL, "arrest_refusal"),
    (JUDGMENT, "judgment"),
]


@pytest.mark.parametrize(("text", "doc_type"), COMPLETE)
def test_complete_documents_raise_nothing(text: str, doc_type: str) -> None:
    assert run(text, doc_type) == []


# (document, doc type, text to remove or replace, replacement, element keys expected)
REMOVALS = [
    (INDICTMENT, "indictment", "某区检刑诉〔2020〕128号\n", "", {"doc_number"}),
    (INDICTMENT, "indictment", "，汉族，", "，", {"ethnicity"}),
    (INDICTMENT, "indictment", "公民身份号码330102199005121234，", "", {"id_number"}),
    (INDICTMENT, "indictment", "于2020年4月20日向本院移送审查起诉", "向本院移送审查起诉", {"transfer_date"}),
    (INDICTMENT, "indictment", "依法讯问了被告人，", "", {"interrogation"}),
    (INDICTMENT, "indictment", "根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，", "", {"cpl_176"}),
    (INDICTMENT, "indictment", "建议判处有期徒刑八个月，并处罚金人民币三千元。", "", {"sentencing"}),
    (INDICTMENT, "indictment", "此致\n某某市某某区人民法院\n", "", {"addressee"}),
    (INDICTMENT, "indictment", "检察官　蒋某某\n", "", {"signature"}),
    (INDICTMENT, "indictment", "1.被告人冯某某现羁押于某市看守所。\n", "", {"custody_note"}),
    (INDICTMENT, "indictment", "2.案卷材料和证据2册。\n", "", {"file_note"}),
    (NON_PROSECUTION, "non_prosecution", "某检刑不诉〔2021〕5号", "某检刑诉〔2021〕5号", {"doc_number"}),
    (
        NON_PROSECUTION,
        "non_prosecution",
        "被不起诉人如不服本决定，可以自收到本决定书后七日以内向本院申诉。\n",
        "",
        {"notice_accused_appeal"},
    ),  # fmt: skip
    (
        NON_PROSECUTION,
        "non_prosecution",
        "被害人如不服本决定，可以自收到本决定书后七日以内向某市人民检察院申诉，请求提起公诉；也可以不经申诉，直接向某县人民法院提起自诉。\n",
        "",
        {"notice_victim_appeal", "notice_victim_suit"},
    ),  # fmt: skip
    (
        NON_PROSECUTION,
        "non_prosecution",
        "依据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，",
        "",
        {"legal_basis"},
    ),
    (NON_PROSECUTION, "non_prosecution", "2021年4月9日\n", "", {"date"}),
    (ARREST_APPROVAL, "arrest_approval", "符合《中华人民共和国刑事诉讼法》第八十一条规定的逮捕条件，", "", {"cpl_81"}),
    (
        ARREST_APPROVAL,
        "arrest_approval",
        "请依法立即执行，并将执行情况在三日以内通知本院。",
        "",
        {"execute", "report_back"},
    ),
    (ARREST_APPROVAL, "arrest_approval", "某县公安局：\n", "", {"addressee"}),
    (
        ARREST_REFUSAL,
        "arrest_refusal",
        "请依法立即释放，并将执行回执在三日以内送达本院。",
        "",
        {"release", "report_back"},
    ),
    (ARREST_REFUSAL, "arrest_refusal", "某检刑不捕〔2022〕9号", "", {"doc_number"}),
    (JUDGMENT, "judgment", "（2021）某0123刑初45号", "", {"case_number"}),
    (JUDGMENT, "judgment", "以某检刑诉〔2021〕40号起诉书", "", {"indictment_number"}),
    (JUDGMENT, "judgment", "于2021年3月1日向本院提起公诉", "向本院提起公诉", {"prosecution_date"}),
    (JUDGMENT, "judgment", "，男，", "，", {"gender"}),
    (
        JUDGMENT,
        "judgment",
        "因涉嫌犯盗窃罪于2021年1月3日被某县公安局刑事拘留，同年1月10日被逮捕。现羁押于某县看守所。",
        "",
        {"measures"},
    ),  # fmt: skip
    (
        JUDGMENT,
        "judgment",
        "（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自2021年1月3日起至2021年11月2日止。）\n",
        "",
        {"term_credit"},
    ),  # fmt: skip
    (
        JUDGMENT,
        "judgment",
        "如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向某市中级人民法院提出上诉。\n",
        "",
        {"appeal_notice"},
    ),  # fmt: skip
    (JUDGMENT, "judgment", "书记员　葛某某\n", "", {"clerk"}),
]


@pytest.mark.parametrize(("doc", "doc_type", "old", "new", "keys"), REMOVALS)
def test_removing_an_element_flags_it(doc: str, doc_type: str, old: str, new: str, keys: set[str]) -> None:
    assert old in doc
    flags = run(doc.replace(old, new), doc_type)
    assert names(flags) == {element(doc_type, k).name for k in keys}


@pytest.mark.parametrize(
    ("doc", "doc_type", "old", "new"),
    [
        # 2012 law: 第一百七十二条 is the basis of older indictments
        (INDICTMENT, "indictment", "第一百七十六条", "第一百七十二条"),
        # no 认罪认罚, no 量刑建议 needed
        (INDICTMENT, "indictment", "被告人冯某某自愿认罪认罚，建议判处有期徒刑八个月，并处罚金人民币三千元。", ""),
        # 法定不起诉 (177 ¶1): the 被不起诉人 has no 申诉 notice to receive
        (
            NON_PROSECUTION,
            "non_prosecution",
            "第一百七十七条第二款的规定，决定对沈某某不起诉。\n被不起诉人如不服本决定，可以自收到本决定书后七日以内向本院申诉。",
            "第一百七十七条第一款的规定，决定对沈某某不起诉。",
        ),  # fmt: skip
        # 缓刑: no 刑期折抵 sentence
        (
            JUDGMENT,
            "judgment",
            "判处有期徒刑十个月，并处罚金人民币三千元。\n（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自2021年1月3日起至2021年11月2日止。）",
            "判处有期徒刑十个月，缓刑一年，并处罚金人民币三千元。",
        ),  # fmt: skip
        # a 中文 date in the footer is as good as an arabic one
        (INDICTMENT, "indictment", "2020年5月6日", "二〇二〇年五月六日"),
        # the next-level procuratorate of a municipality's district is a branch (分院)
        (
            NON_PROSECUTION,
            "non_prosecution",
            "七日以内向某市人民检察院申诉",
            "7日内向上海市人民检察院第一分院申诉",
        ),  # fmt: skip
        (
            NON_PROSECUTION,
            "non_prosecution",
            "可以自收到本决定书后七日以内向某市人民检察院申诉",
            "可在收到决定书后七日以内，向重庆市人民检察院第五分院申诉",
        ),  # fmt: skip
        # the abbreviation 刑诉法 is citation_error's finding, not a missing legal basis
        (NON_PROSECUTION, "non_prosecution", "《中华人民共和国刑事诉讼法》第一百七十七条", "《刑诉法》第一百七十七条"),
        (ARREST_APPROVAL, "arrest_approval", "《中华人民共和国刑事诉讼法》第八十一条", "刑诉法第八十一条"),
    ],
)
def test_conditional_and_equivalent_forms(doc: str, doc_type: str, old: str, new: str) -> None:
    assert old in doc
    assert run(doc.replace(old, new), doc_type) == []


def test_a_prior_prison_term_does_not_call_for_term_credit_in_a_suspended_sentence() -> None:
    doc = JUDGMENT.replace(
        "现羁押于某县看守所。",
        "曾于2016年3月因犯故意伤害罪被某市某区人民法院判处有期徒刑一年二个月，2017年5月刑满释放。现取保候审。",
    ).replace(
        "判处有期徒刑十个月，并处罚金人民币三千元。\n（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自2021年1月3日起至2021年11月2日止。）",
        "判处有期徒刑十个月，缓刑一年六个月，并处罚金人民币三千元。\n（缓刑考验期限，从判决确定之日起计算。）",
    )
    assert "缓刑一年六个月" in doc and "曾于2016年3月" in doc
    assert run(doc, "judgment") == []
    # the decision itself still counts: an unsuspended term without 折抵 is flagged
    unsuspended = doc.replace("缓刑一年六个月，", "")
    assert names(run(unsuspended, "judgment")) == {element("judgment", "term_credit").name}


def test_counsel_heard_but_not_listed_among_the_parties() -> None:
    assert "辩护人秦某某，某某律师事务所律师。" in INDICTMENT
    flags = run(INDICTMENT.replace("辩护人秦某某，某某律师事务所律师。\n", ""), "indictment")
    assert names(flags) == {element("indictment", "defender").name}
    # without counsel, the notice of the right to one does not call for a 辩护人 line
    no_counsel = INDICTMENT.replace("辩护人秦某某，某某律师事务所律师。\n", "").replace(
        "听取了辩护人秦某某的意见", "听取了被害人的意见"
    )
    assert run(no_counsel, "indictment") == []
    judgment = JUDGMENT.replace("辩护人严某某，某律师事务所律师。\n", "")
    assert names(run(judgment, "judgment")) == {element("judgment", "defender").name}


def test_no_victim_no_victim_notices() -> None:
    doc = NON_PROSECUTION.replace("与邻居被害人杨某某", "与邻居杨某某").replace("取得被害人谅解", "取得杨某某谅解")
    doc = doc.replace("具有赔偿被害人损失并", "具有赔偿损失并")
    doc = doc.replace("被害人如不服本决定，可以自收到本决定书后七日以内向某市人民检察院申诉，请求提起公诉；也可以不经申诉，直接向某县人民法院提起自诉。\n", "")  # fmt: skip
    assert "被害人" not in doc
    assert run(doc, "non_prosecution") == []


def test_one_flag_names_every_party_missing_the_element() -> None:
    second = "被告人邹某某，男，1992年1月1日出生，初中文化，无业，住某省某市某区某路。2020年3月1日被某市公安局某分局刑事拘留。\n"
    doc = INDICTMENT.replace("辩护人秦某某", second + "辩护人秦某某")
    flags = run(doc, "indictment")
    eth = [f for f in flags if names([f]) == {element("indictment", "ethnicity").name}]
    ids = [f for f in flags if names([f]) == {element("indictment", "id_number").name}]
    assert [e.text for f in eth for e in f.evidence] == ["被告人邹某某"]
    assert [e.text for f in ids for e in f.evidence] == ["被告人邹某某"]
    assert "被告人冯某某" not in flags[0].reason


def test_missing_party_paragraph_is_one_flag() -> None:
    start = JUDGMENT.index("被告人韩某某，男")
    end = JUDGMENT.index("某县人民检察院以某检")
    flags = run(JUDGMENT[:start] + JUDGMENT[end:], "judgment")
    assert names(flags) == {E.PARTY_BLOCK["judgment"].name}


def test_a_cut_off_judgment_is_checked_only_in_its_opening() -> None:
    cut = JUDGMENT[: JUDGMENT.index("经审理查明") + 30]  # ends mid-sentence, no 判决如下, no signature
    assert is_truncated(normalize(cut).text, "judgment")
    assert run(cut, "judgment") == []
    # an opening element is still checked
    flags = run(cut.replace("（2021）某0123刑初45号", ""), "judgment")
    assert names(flags) == {element("judgment", "case_number").name}


def test_a_second_instance_judgment_needs_the_final_notice_not_the_appeal_notice() -> None:
    doc = JUDGMENT.replace("（2021）某0123刑初45号", "（2021）某01刑终45号").replace("公诉机关", "原公诉机关")
    doc = doc.replace("被告人韩某某，男", "上诉人（原审被告人）韩某某，男")
    flags = run(doc, "judgment")
    assert names(flags) == {element("judgment", "final_notice").name}


def test_a_quoted_earlier_conclusion_does_not_make_an_excerpt_complete() -> None:
    excerpt = JUDGMENT[: JUDGMENT.index("如不服本判决")].replace("判决如下：", "原审判决如下：") + "上诉人提出上诉。"
    excerpt = excerpt.replace("审判员", "")
    assert is_truncated(normalize(excerpt).text, "judgment")


def test_zones() -> None:
    text = normalize(INDICTMENT).text
    z = compute_zones(text, "indictment")
    assert text[z.head[0] : z.head[1]].endswith("〔2020〕128号")
    assert [text[p.marker[0] : p.marker[1]] for p in z.parties] == ["被告人冯某某"]
    assert text[z.tail[0] :].startswith("此致")
    assert not z.truncated


def test_unknown_types_are_not_checked() -> None:
    assert run("某某材料", "other") == []


def test_combined_role_before_the_name_is_a_party_block() -> None:
    text = (
        "某市某区人民法院\n刑事附带民事判决书\n（2020）某0101刑初273号\n"
        "公诉机关暨附带民事公益诉讼起诉人：某市某区人民检察院。\n"
        "被告人暨附带民事公益诉讼被告：陈某，男，汉族，1990年1月1日出生，住某市某区。"
        "因涉嫌污染环境罪于2020年3月2日被取保候审。\n"
    )
    flags = run(text, "judgment")
    assert not any("被告人基本情况（" in f.reason for f in flags)
