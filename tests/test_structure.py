"""Document type recognition and section splitting.

Synthetic documents in the official formats (fictitious places and names), then an optional run over
the real judgments and guiding cases of the shared corpus (skipped when ../shared is absent).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import doctypes as dt
from pipeline.normalize import normalize
from pipeline.structure import SECTION_NAMES, detect_doc_type, split_sections

INDICTMENT = """青山市河西区人民检察院
起 诉 书
河检刑诉〔2019〕112号

被告人张某某，男，1990年3月5日出生，公民身份号码110105199003051234，汉族，高中文化，无业，住青山市河西区光明路8号。2016年6月因犯盗窃罪被青山市东城区人民法院判处有期徒刑一年，2017年5月刑满释放。因涉嫌盗窃罪，于2019年3月5日被青山市公安局河西分局刑事拘留，同年3月12日经本院批准逮捕，次日由青山市公安局河西分局执行逮捕。现羁押于青山市看守所。
辩护人李某，青山市明理律师事务所律师。

本案由青山市公安局河西分局侦查终结，以被告人张某某涉嫌盗窃罪，于2019年5月10日向本院移送审查起诉。本院受理后，于2019年5月11日已告知被告人有权委托辩护人，依法讯问了被告人，听取了辩护人的意见，审查了全部案件材料。

经依法审查查明：
2019年2月20日23时许，被告人张某某在青山市河西区光明路某小区地下车库，采用撬锁手段，窃取被害人王某停放的电动自行车一辆，价值人民币3200元。

认定上述事实的证据如下：
1.物证：撬棍一根；2.书证：扣押清单、价格认定结论书；3.证人赵某的证言；4.被害人王某的陈述；5.被告人张某某的供述和辩解；6.现场勘验笔录、辨认笔录。

本院认为，被告人张某某以非法占有为目的，秘密窃取他人财物，数额较大，其行为触犯了《中华人民共和国刑法》第二百六十四条，犯罪事实清楚，证据确实、充分，应当以盗窃罪追究其刑事责任。被告人张某某系累犯，应当从重处罚。根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉，请依法判处。

此致
青山市河西区人民法院

检察官：刘某
2019年6月3日
（院印）

附：
1.被告人张某某现羁押于青山市看守所。
2.案卷材料和证据三册。
"""

# 认罪认罚 indictment: different headings, 量刑建议, and an aside about another suspect's 不起诉.
INDICTMENT_PLEA = """北川县人民检察院
起诉书
北检一部刑诉〔2021〕58号
被告人孙某，女，1988年7月1日出生，汉族，大学文化，某贸易公司职员，住北川县城关镇。因涉嫌帮助信息网络犯罪活动罪，于2021年4月2日被北川县公安局取保候审。
本案系北川县公安局立案侦查，于2021年6月1日移送本院审查起诉。本院受理后，已依法告知被告人有权委托辩护人和认罪认罚可能导致的法律后果，讯问了被告人，听取了值班律师的意见。同案人周某另作不起诉处理。
经审查查明：2020年10月至12月，被告人孙某明知他人利用信息网络实施犯罪，仍将本人银行卡提供给他人使用，流水金额共计人民币52万元。
上述事实，有银行交易明细、证人钱某的证言、被告人孙某的供述和辩解等证据证实，足以认定。
本院认为，被告人孙某的行为触犯了《中华人民共和国刑法》第二百八十七条之二第一款，应当以帮助信息网络犯罪活动罪追究其刑事责任。被告人孙某自愿认罪认罚，签署了认罪认罚具结书，建议判处有期徒刑六个月，并处罚金。根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉，请依法判处。
此致
北川县人民法院
检察官 吴某
二〇二一年六月二十日
附项：被告人孙某现取保候审在家。
"""

JUDGMENT = """青山市河西区人民法院
刑 事 判 决 书
（2019）青0102刑初356号

公诉机关青山市河西区人民检察院。
被告人张某某，男，1990年3月5日出生，汉族，高中文化，无业。因涉嫌盗窃罪于2019年3月5日被刑事拘留，同年3月12日被逮捕。现羁押于青山市看守所。
辩护人李某，青山市明理律师事务所律师。

青山市河西区人民检察院以河检刑诉〔2019〕112号起诉书指控被告人张某某犯盗窃罪，于2019年6月3日向本院提起公诉。本院依法组成合议庭，公开开庭审理了本案。青山市河西区人民检察院指派检察员刘某出庭支持公诉，被告人张某某及其辩护人李某到庭参加诉讼。现已审理终结。

青山市河西区人民检察院指控，2019年2月20日23时许，被告人张某某窃取被害人王某的电动自行车一辆，价值人民币3200元。对上述指控，公诉机关提供了物证、书证、证人证言等证据。公诉机关认为，被告人张某某的行为构成盗窃罪，系累犯，提请依法判处。
被告人张某某对指控的事实无异议。辩护人提出被告人认罪态度好，请求从轻处罚的辩护意见。

经审理查明，2019年2月20日23时许，被告人张某某在青山市河西区光明路某小区地下车库，窃取被害人王某停放的电动自行车一辆，价值人民币3200元。
上述事实，被告人张某某在开庭审理过程中亦无异议，且有被害人王某的陈述、证人赵某的证言、扣押清单、价格认定结论书、现场勘验笔录等证据证实，足以认定。

本院认为，被告人张某某以非法占有为目的，秘密窃取他人财物，数额较大，其行为已构成盗窃罪。公诉机关指控的罪名成立。依照《中华人民共和国刑法》第二百六十四条、第六十五条第一款之规定，判决如下：

被告人张某某犯盗窃罪，判处有期徒刑十个月，并处罚金人民币二千元。
（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自2019年3月5日起至2020年1月4日止。）

如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向青山市中级人民法院提出上诉。

审　判　长　陈某
人民陪审员　周某
人民陪审员　吴某
二〇一九年七月十日
书　记　员　郑某

附：本判决适用的法律条文
《中华人民共和国刑法》第二百六十四条……
"""

# 速裁 judgment: no 经审理查明, the charged facts are the facts.
JUDGMENT_SUMMARY = """东湖县人民法院
刑事判决书
（2020）东0321刑初88号
公诉机关东湖县人民检察院。
被告人冯某，男，1979年1月2日出生。因涉嫌危险驾驶罪于2020年2月3日被东湖县公安局取保候审。
东湖县人民检察院以东检刑诉〔2020〕41号起诉书指控被告人冯某犯危险驾驶罪，于2020年3月1日向本院提起公诉。本院适用速裁程序，实行独任审判，公开开庭审理了本案。
公诉机关指控：2020年1月30日21时许，被告人冯某饮酒后驾驶小型轿车行驶至东湖县环城路时被民警查获，经鉴定其血液中乙醇含量为156mg/100ml。被告人冯某对指控事实、罪名及量刑建议没有异议，同意适用速裁程序且签字具结。
本院认为，被告人冯某在道路上醉酒驾驶机动车，其行为已构成危险驾驶罪。依照《中华人民共和国刑法》第一百三十三条之一第一款之规定，判决如下：
被告人冯某犯危险驾驶罪，判处拘役二个月，并处罚金人民币四千元。
如不服本判决，可在接到判决书的第二日起十日内提出上诉。
审判员　韩某
二〇二〇年三月十日
书记员　秦某
"""

# 二审 ruling: it quotes the first-instance reasoning and decision before its own.
RULING = """青山市中级人民法院
刑事裁定书
（2019）青01刑终88号
原公诉机关青山市河西区人民检察院。
上诉人（原审被告人）张某某，男，1990年3月5日出生。现羁押于青山市看守所。
青山市河西区人民法院审理青山市河西区人民检察院指控原审被告人张某某犯盗窃罪一案，于2019年7月10日作出（2019）青0102刑初356号刑事判决。原审被告人张某某不服，提出上诉。本院依法组成合议庭，经过阅卷，讯问上诉人，认为事实清楚，决定不开庭审理。现已审理终结。
原判认定，2019年2月20日23时许，被告人张某某窃取被害人王某的电动自行车一辆，价值人民币3200元。原审法院认为，被告人张某某的行为已构成盗窃罪，依照《中华人民共和国刑法》第二百六十四条之规定，判决如下：被告人张某某犯盗窃罪，判处有期徒刑十个月。
上诉人张某某上诉提出其系初犯，原判量刑过重。
经审理查明，原判认定的事实清楚，证据确实、充分，本院予以确认。
本院认为，上诉人张某某的行为已构成盗窃罪，其曾因犯盗窃罪被判处有期徒刑，系累犯，其所提系初犯的上诉理由不能成立。依照《中华人民共和国刑事诉讼法》第二百三十六条第一款第（一）项之规定，裁定如下：
驳回上诉，维持原判。
本裁定为终审裁定。
审判长　马某
审判员　杨某
审判员　朱某
二〇一九年九月二日
书记员　许某
"""

NON_PROSECUTION = """青山市河西区人民检察院
不起诉决定书
河检刑不诉〔2020〕15号

被不起诉人赵某某，女，1985年6月9日出生，公民身份号码110105198506091227，汉族，初中文化，个体经营者，住青山市河西区和平街3号。因涉嫌故意伤害罪，于2020年1月8日被青山市公安局河西分局取保候审。
辩护人何某，青山市明理律师事务所律师。

本案由青山市公安局河西分局侦查终结，以被不起诉人赵某某涉嫌故意伤害罪，于2020年3月2日向本院移送审查起诉。

经本院依法审查查明：
2019年12月1日，被不起诉人赵某某因琐事与邻居钱某发生争执，用手推搡钱某致其摔倒，经鉴定钱某的损伤程度为轻伤二级。案发后，赵某某赔偿钱某人民币3万元，取得谅解。

认定上述事实的证据如下：被害人钱某的陈述，证人孔某的证言，鉴定意见，被不起诉人赵某某的供述和辩解。

本院认为，赵某某实施了《中华人民共和国刑法》第二百三十四条规定的行为，但犯罪情节轻微，具有自首情节，根据《中华人民共和国刑法》第三十七条的规定，不需要判处刑罚。依据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对赵某某不起诉。

被不起诉人如不服本决定，可以自收到本决定书后七日内向本院申诉。
被害人如不服本决定，可以自收到本决定书后七日以内向青山市人民检察院申诉，请求提起公诉；也可以不经申诉，直接向青山市河西区人民法院提起自诉。

青山市河西区人民检察院
2020年4月20日
（院印）
"""

# 存疑不起诉: no facts are stated, only the finding that the evidence is insufficient.
NON_PROSECUTION_DOUBT = """南岭市人民检察院
不起诉决定书
南检刑不诉〔2021〕3号
被不起诉人郑某，男，1993年2月2日出生，住南岭市新城区。因涉嫌抢劫罪，于2020年11月1日被南岭市公安局刑事拘留，同年12月4日被取保候审。
本案由南岭市公安局侦查终结，以被不起诉人郑某涉嫌抢劫罪，于2021年1月5日向本院移送审查起诉。其间，本院两次退回补充侦查。
经本院审查并退回补充侦查，本院仍然认为南岭市公安局认定的犯罪事实不清、证据不足，不符合起诉条件。依照《中华人民共和国刑事诉讼法》第一百七十五条第四款的规定，决定对郑某不起诉。
被害人如不服本决定，可以自收到本决定书后七日以内向南岭市人民检察院申诉。
南岭市人民检察院
2021年5月6日
"""

ARREST_APPROVAL = """青山市河西区人民检察院
批准逮捕决定书
河检刑批捕〔2019〕45号

青山市公安局河西分局：
你局于2019年3月8日以河公（刑）提捕字〔2019〕52号提请批准逮捕书提请批准逮捕犯罪嫌疑人张某某，经本院审查认为，该犯罪嫌疑人涉嫌盗窃罪，符合《中华人民共和国刑事诉讼法》第八十一条规定的逮捕条件，决定批准逮捕犯罪嫌疑人张某某。请依法立即执行，并将执行情况在三日以内通知本院。

2019年3月12日
（院印）
"""

ARREST_REFUSAL = """北川县人民检察院
不批准逮捕决定书
北检刑不批捕〔2021〕9号
北川县公安局：
你局于2021年3月1日以北公刑提捕字〔2021〕17号提请批准逮捕书提请批准逮捕犯罪嫌疑人钱某，经本院审查认为，现有证据不足以证明钱某实施了诈骗行为，不符合逮捕条件。根据《中华人民共和国刑事诉讼法》第九十条的规定，决定不批准逮捕犯罪嫌疑人钱某。请依法立即执行，并将执行情况在收到本决定书后的三日以内通知本院。
二〇二一年三月八日
"""

PROTEST = """青山市河西区人民检察院
刑事抗诉书
河检刑抗〔2019〕3号

原审被告人张某某，男，1990年3月5日出生，现羁押于青山市看守所。

青山市河西区人民法院以（2019）青0102刑初356号刑事判决书对被告人张某某盗窃一案判决被告人张某某犯盗窃罪，判处有期徒刑十个月。本院依法审查后认为，该判决确有错误，理由如下：
一、认定数额错误。……
二、量刑畸轻。……
综上所述，为维护司法公正，依照《中华人民共和国刑事诉讼法》第二百二十八条的规定，特提出抗诉，请依法判处。

此致
青山市中级人民法院

青山市河西区人民检察院
2019年7月18日
（院印）

附：
1.被告人张某某现羁押于青山市看守所。
2.新的证据目录。
"""

SUGGESTION = """青山市河西区人民检察院
检察建议书
河检建〔2020〕7号

青山市公安局河西分局：
本院在办理张某某盗窃案中发现，你局在办理该案过程中存在以下问题：一是讯问犯罪嫌疑人未全程同步录音录像；二是扣押物品未及时登记。
上述问题违反了《公安机关办理刑事案件程序规定》的有关规定，影响案件质量。
为规范执法活动，根据《人民检察院检察建议工作规定》的规定，现提出如下检察建议：
一、严格落实讯问同步录音录像制度；
二、规范涉案财物管理。
请你局在收到本检察建议书后两个月以内书面回复本院。

青山市河西区人民检察院
2020年8月1日
"""

REVIEW_REPORT = """青山市河西区人民检察院
审查起诉案件审查报告
犯罪嫌疑人张某某盗窃案
一、犯罪嫌疑人基本情况
犯罪嫌疑人张某某，男，1990年3月5日出生，现羁押于青山市看守所。
二、案件来源及诉讼过程
本案由青山市公安局河西分局侦查终结，于2019年5月10日移送本院审查起诉。
三、经审查认定的事实
2019年2月20日23时许，张某某窃取电动自行车一辆，价值人民币3200元。
四、证据情况
被害人陈述、证人证言、扣押清单、价格认定结论书。
五、需要说明的问题
张某某系累犯。
六、处理意见
拟对犯罪嫌疑人张某某提起公诉。
承办人：刘某
2019年5月30日
"""

# Shapes seen in real data: one long line, the scraped title repeated, the indictment only mentioned.
JUDGMENT_ONE_LINE = (
    "张某某盗窃一审刑事判决书青山市河西区人民法院刑事判决书（2019）青0102刑初356号：青山市河西区人民检察院以"
    "河检刑诉〔2019〕112号起诉书指控被告人张某某犯盗窃罪，于2019年6月3日向本院提起公诉。本院受理后，依法组成"
    "合议庭，公开开庭审理了本案。现已审理终结经审理查明，2019年2月20日23时许，被告人张某某窃取电动自行车一辆。"
    "上述事实，有被害人陈述、证人证言等证据证实。本院认为，被告人张某某的行为已构成盗窃罪。"
)
JUDGMENT_MENTION_FIRST = (
    "青山市河西区人民检察院以河检刑诉[2019]112号起诉书指控被告人张某某犯盗窃罪的一审刑事判决书青山市河西区人民法院"
    "刑事判决书(2019)青0102刑初356号：公诉机关以河检刑诉[2019]112号起诉书指控被告人张某某犯盗窃罪。"
)

# (text, doc type, the sections expected in order, {section: text it starts with})
STRUCTURE_CASES = [
    (
        INDICTMENT,
        dt.INDICTMENT,
        ["header", "parties", "procedure", "facts", "evidence", "reasoning", "decision", "footer", "attachments"],
        {
            "parties": "被告人张某某，男",
            "procedure": "本案由",
            "facts": "经依法审查查明",
            "evidence": "认定上述事实的证据如下",
            "reasoning": "本院认为",
            "decision": "根据《中华人民共和国刑事诉讼法》第一百七十六条",
            "footer": "此致",
            "attachments": "附：",
        },
    ),
    (
        INDICTMENT_PLEA,
        dt.INDICTMENT,
        ["header", "parties", "procedure", "facts", "evidence", "reasoning", "decision", "footer", "attachments"],
        {"procedure": "本案系", "facts": "经审查查明", "evidence": "上述事实，有", "attachments": "附项"},
    ),
    (
        JUDGMENT,
        dt.JUDGMENT,
        ["header", "parties", "procedure", "facts", "evidence", "reasoning", "decision", "footer", "attachments"],
        {
            "parties": "公诉机关青山市河西区人民检察院",
            "procedure": "青山市河西区人民检察院以河检刑诉",
            "facts": "经审理查明",
            "evidence": "上述事实，被告人",
            "reasoning": "本院认为",
            "decision": "判决如下",
            "footer": "如不服本判决",
            "attachments": "附：本判决适用的法律条文",
        },
    ),
    (
        JUDGMENT_SUMMARY,
        dt.JUDGMENT,
        ["header", "parties", "procedure", "facts", "reasoning", "decision", "footer"],
        {"facts": "公诉机关指控：", "footer": "如不服本判决"},
    ),
    (
        RULING,
        dt.RULING,
        ["header", "parties", "procedure", "facts", "reasoning", "decision", "footer"],
        {
            "parties": "原公诉机关",
            "procedure": "青山市河西区人民法院审理",
            "facts": "经审理查明，原判认定的事实清楚",
            "decision": "裁定如下：\n驳回上诉",
            "footer": "本裁定为终审裁定",
        },
    ),
    (
        NON_PROSECUTION,
        dt.NON_PROSECUTION,
        ["header", "parties", "procedure", "facts", "evidence", "reasoning", "decision", "footer"],
        {
            "parties": "被不起诉人赵某某",
            "facts": "经本院依法审查查明",
            "decision": "决定对赵某某不起诉",
            "footer": "被不起诉人如不服本决定",
        },
    ),
    (
        NON_PROSECUTION_DOUBT,
        dt.NON_PROSECUTION,
        ["header", "parties", "procedure", "reasoning", "decision", "footer"],
        {"reasoning": "本院仍然认为", "decision": "决定对郑某不起诉", "footer": "被害人如不服本决定"},
    ),
    (
        ARREST_APPROVAL,
        dt.ARREST_APPROVAL,
        ["header", "procedure", "reasoning", "decision", "footer"],
        {"procedure": "你局于", "reasoning": "经本院审查认为", "decision": "决定批准逮捕", "footer": "2019年3月12日"},
    ),
    (
        ARREST_REFUSAL,
        dt.ARREST_REFUSAL,
        ["header", "procedure", "reasoning", "decision", "footer"],
        {"decision": "决定不批准逮捕", "footer": "二〇二一年三月八日"},
    ),
    (
        PROTEST,
        dt.PROTEST,
        ["header", "parties", "procedure", "reasoning", "decision", "footer", "attachments"],
        {"procedure": "青山市河西区人民法院以", "reasoning": "本院依法审查后认为", "footer": "此致"},
    ),
    (
        SUGGESTION,
        dt.SUGGESTION,
        ["header", "facts", "reasoning", "decision", "footer"],
        {"facts": "本院在办理", "reasoning": "上述问题", "decision": "为规范执法活动", "footer": "请你局"},
    ),
    (
        REVIEW_REPORT,
        dt.REVIEW_REPORT,
        ["header", "parties", "procedure", "facts", "evidence", "reasoning", "decision", "footer"],
        {"facts": "经审查认定的事实", "decision": "处理意见", "footer": "承办人"},
    ),
    (
        JUDGMENT_ONE_LINE,
        dt.JUDGMENT,
        ["header", "procedure", "facts", "evidence", "reasoning"],
        {"procedure": "青山市河西区人民检察院以", "facts": "经审理查明"},
    ),
]


@pytest.mark.parametrize(("text", "doc_type", "names", "starts"), STRUCTURE_CASES, ids=[c[1] for c in STRUCTURE_CASES])
def test_doc_type_and_sections(text: str, doc_type: str, names: list[str], starts: dict[str, str]) -> None:
    norm = normalize(text).text
    assert detect_doc_type(norm) == doc_type
    sections = split_sections(norm, doc_type)
    assert [s.name for s in sections] == names
    by_name = {s.name: s for s in sections}
    for name, prefix in starts.items():
        assert norm[by_name[name].start :].startswith(prefix), (name, norm[by_name[name].start :][:40])
    assert by_name["header"].start == 0


# Type only: variants that differ in the top lines, and texts that merely mention another document.
TYPE_CASES = [
    (JUDGMENT_MENTION_FIRST, dt.JUDGMENT),
    ("青山市河西区人民法院\n刑事附带民事判决书\n（2019）青0102刑初12号\n公诉机关……", dt.JUDGMENT),
    ("某县人民法院\n（2014）某刑初字第00348号\n……经审理查明……本院认为……判决如下：……", dt.JUDGMENT),
    ("某县人民法院\n（2014）某刑终字第48号\n……本院认为……裁定如下：驳回上诉，维持原判。", dt.RULING),
    ("某区人民检察院\n某检公诉刑不诉〔2019〕3号\n被不起诉人王某……", dt.NON_PROSECUTION),
    ("某区人民检察院\n某检刑不批捕〔2019〕8号\n某公安分局：……", dt.ARREST_REFUSAL),
    ("某区人民检察院\n某检侦监批捕〔2019〕9号\n某公安分局：……", dt.ARREST_APPROVAL),
    ("某区人民检察院\n某检刑诉〔2019〕12号\n被告人王某……", dt.INDICTMENT),
    ("某市人民检察院\n审查逮捕意见书\n犯罪嫌疑人王某涉嫌盗窃案……", dt.REVIEW_REPORT),
    ("某市人民检察院\n起\u3000诉\u3000书\n某检刑诉（2020）7号\n被告单位某公司……", dt.INDICTMENT),
    ("某市公安局\n起诉意见书\n某公刑诉字〔2019〕31号\n犯罪嫌疑人王某……移送审查起诉。", dt.OTHER),
    ("某市公安局\n提请批准逮捕书\n某公刑提捕字〔2019〕5号\n犯罪嫌疑人王某……", dt.OTHER),
    ("某县人民法院\n民事判决书\n（2019）某0102民初5号\n原告王某……", dt.OTHER),
    # a 不起诉决定书 is not an 起诉书, a 不批准逮捕决定书 not a 批准逮捕决定书, whatever the body says
    ("某区人民检察院\n不起诉决定书\n……被害人……可以……请求提起公诉……", dt.NON_PROSECUTION),
    ("某区人民检察院\n不批准逮捕决定书\n……", dt.ARREST_REFUSAL),
    # a 起诉书 that mentions a 不起诉决定 and 批准逮捕 is still an 起诉书
    ("某区人民检察院\n起诉书\n……同年3月12日经本院批准逮捕……对同案人李某已作出不起诉决定书……", dt.INDICTMENT),
    # no title and no number: the body formula under a bare 院名 line decides
    (
        "某区人民检察院\n某公安分局：\n你局提请批准逮捕犯罪嫌疑人王某一案，……决定不批准逮捕犯罪嫌疑人王某。",
        dt.ARREST_REFUSAL,
    ),
    # a case report that retells a 检察建议 is not a 检察建议书
    ("### 某县人民检察院督促整治违法建设行政公益诉讼案\n【基本案情】……向某局发出检察建议……", dt.OTHER),
    ("（检例第999号）\n【关键词】附条件不起诉\n【基本案情】……作出不起诉决定书。", dt.OTHER),
    ("", dt.OTHER),
    ("被告人张某盗窃一案的讨论记录。", dt.OTHER),
    # a title on its own line is a title, even when the next line's number starts with 于 or 并
    ("于都县人民检察院\n公诉案件审查报告\n\n于检一部审〔2023〕832号\n\n案\u3000\u3000由：盗窃\n", dt.REVIEW_REPORT),
    ("某省于都县人民检察院\n审查报告\n于检刑审〔2025〕41号\n犯罪嫌疑人：柯某某……", dt.REVIEW_REPORT),
    ("某省太原市小店区人民检察院\n起诉书\n\n并小检刑诉〔2021〕1859号\n\n被告人江某某，男，……", dt.INDICTMENT),
    ("某市人民检察院\n不起诉决定书\n并检刑不诉〔2022〕17号\n被不起诉人韦某某……", dt.NON_PROSECUTION),
    ("某省太原市小店区人民检察院\n审查起诉案件审查报告\n并小检刑审〔2024〕206号\n犯罪嫌疑人：祁某某", dt.REVIEW_REPORT),
    # the same words on the title's own line still mark a mention
    ("某区人民检察院\n关于某检刑诉〔2019〕12号起诉书于2019年5月送达的情况说明\n……", dt.OTHER),
]


@pytest.mark.parametrize(("text", "doc_type"), TYPE_CASES)
def test_detect_doc_type(text: str, doc_type: str) -> None:
    assert detect_doc_type(normalize(text).text) == doc_type


def test_traditional_indictment_after_simplification() -> None:
    raw = "某區人民檢察院\n起訴書\n某檢刑訴〔2019〕12號\n被告人王某……\n經依法審查查明：……\n本院認為，……提起公訴，請依法判處。\n此致\n"
    norm = normalize(raw, simplify=True).text
    assert detect_doc_type(norm) == dt.INDICTMENT
    assert [s.name for s in split_sections(norm, dt.INDICTMENT)] == [
        "header",
        "parties",
        "facts",
        "reasoning",
        "decision",
        "footer",
    ]


ALL_TEXTS = [c[0] for c in STRUCTURE_CASES] + [c[0] for c in TYPE_CASES]
ALL_TYPES = sorted(dt.NAMES_ZH)


@pytest.mark.parametrize("doc_type", ALL_TYPES)
def test_sections_are_ordered_disjoint_and_known(doc_type: str) -> None:
    for text in ALL_TEXTS:
        norm = normalize(text).text
        sections = split_sections(norm, doc_type)
        prev_end = 0
        for s in sections:
            assert s.name in SECTION_NAMES
            assert prev_end <= s.start < s.end <= len(norm)
            prev_end = s.end
        assert len({s.name for s in sections}) == len(sections)
        if sections:
            assert sections[-1].end == len(norm)


# ---------------------------------------------------------------- real documents (optional)
CASES_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cases"
needs_corpus = pytest.mark.skipif(not CASES_DIR.is_dir(), reason="shared corpus (../shared) not present")


@needs_corpus
def test_real_judgments_are_judgments_with_facts() -> None:
    """LeCaRDv2 query judgments (first part + facts of real criminal judgments, 一审 and 二审)."""
    texts = []
    for path in sorted((CASES_DIR / "lecardv2" / "query").glob("*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(normalize(json.loads(line)["query"]).text)
    assert len(texts) >= 300
    judged = sum(detect_doc_type(t) == dt.JUDGMENT for t in texts)
    with_facts = sum(any(s.name == "facts" for s in split_sections(t, dt.JUDGMENT)) for t in texts)
    assert judged / len(texts) > 0.95
    assert with_facts / len(texts) > 0.95


@needs_corpus
def test_guiding_cases_are_not_mistaken_for_case_documents() -> None:
    """Guiding cases retell indictments, decisions and judgments but are none of them."""
    paths = sorted(
        p for d in ("spp_guiding_cases", "spc_guiding_cases", "nsc_guiding_cases") for p in (CASES_DIR / d).glob("*.md")
    )
    assert len(paths) >= 400
    types = [detect_doc_type(normalize(p.read_text(encoding="utf-8")).text) for p in paths]
    assert types.count(dt.OTHER) / len(types) > 0.95


@needs_corpus
@pytest.mark.parametrize(
    ("template", "doc_type", "sample_facts", "heading"),
    [
        (INDICTMENT, dt.INDICTMENT, "2019年2月20日23时许，被告人张某某在青山市河西区光明路", "经依法审查查明"),
        (NON_PROSECUTION, dt.NON_PROSECUTION, "2019年12月1日，被不起诉人赵某某因琐事", "经本院依法审查查明"),
    ],
)
def test_real_fact_paragraphs_inside_official_formats(
    template: str, doc_type: str, sample_facts: str, heading: str
) -> None:
    """Real fact paragraphs (which name other documents, courts, 起诉书 numbers …) put into the synthetic
    formats: the type must hold and the facts section must open at the format's heading."""
    paragraph = next(p for p in template.split("\n") if p.startswith(sample_facts))
    facts = []
    for path in sorted((CASES_DIR / "lecardv2" / "query").glob("*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                facts.append(json.loads(line)["fact"])
    good = 0
    for fact in facts:
        norm = normalize(template.replace(paragraph, fact)).text
        found = detect_doc_type(norm)
        sections = {s.name: s for s in split_sections(norm, found)}
        good += found == doc_type and "facts" in sections and norm[sections["facts"].start :].startswith(heading)
    assert good / len(facts) > 0.95
