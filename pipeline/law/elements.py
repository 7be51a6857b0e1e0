"""Required elements of each document type: DATA for the missing_element detector.

Sources: 《人民检察院刑事诉讼规则》(2019) 第三百五十八条 (起诉书), 第三百七十二条 and 第三百七十七条 (不起诉决定书),
第二百八十四至二百八十六条 (逮捕决定); 《刑事诉讼法》(2018) 第八十一、九十、一百七十六、一百八十、一百八十一、二百零三、
二百三十条; 最高法《关于适用〈刑事诉讼法〉的解释》(2021) 第三百条; 《刑法》第四十四、四十七条. Layout elements that no
statute spells out (此致, 署名, 日期, 附项, the 审查过程 paragraph, 案号 shapes) follow the published document formats
and were checked against real judgments (LeCaRDv2) and the 检察院 guiding cases; their basis says so.

Each element has regex alternatives (any match = present), a zone where it must appear and an optional
condition (`when`: required only if this regex matches the document; `unless`: not required if it does).
Zones (computed by the detector): head = title block; person = each party's own description paragraph;
parties = all of those paragraphs together; opening = everything before the facts; body = anywhere; tail = the closing block (signature, date, 附项).
Elements of the tail and body are skipped for a text that is cut off before its end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import doctypes

DATE = (
    r"(?:\d{4}|[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_ORD = r"[一二三四五六七八九十百零〇\d]+"
_YEAR_BRACKET = r"[〔\[［(（﹝【]\s*(?:19|20)\d{2}\s*[〕\]］)）﹞】]"
_BRANCH = r"(?:第[一二三四五六七八九十]{1,2}分院|[\u4e00-\u9fff]{1,8}分院)?"


@dataclass(frozen=True, slots=True)
class Element:
    key: str  # stable id, e.g. "doc_number"
    name: str  # what an analyst reads, e.g. "文号"
    patterns: tuple[str, ...]  # regex alternatives; any match in the zone means present
    zone: str = "body"  # head | person | parties | opening | body | tail
    when: str | None = None  # required only if this regex matches (in when_scope)
    unless: str | None = None  # not required if this regex matches anywhere in the text
    # where `when` looks: "text" (whole document) | "head" (title block, own number) | "decision" (from the
    # last 判决如下/裁定如下 on; the whole text if there is none)
    when_scope: str = "text"
    condition: str = ""  # the condition in words, for the reason ("认罪认罚案件")
    near: str | None = None  # where to point when missing (regex); default: the zone's start or end
    basis: str = ""
    confidence: float = 0.7


# ---- quoted rules ---------------------------------------------------------------------------------------
R358_1 = (
    "《人民检察院刑事诉讼规则》第三百五十八条第二款第（一）项：被告人的基本情况，包括姓名、性别、出生年月日、"
    "出生地和户籍地、公民身份号码、民族、文化程度、职业、工作单位及职务、住址，是否受过刑事处分及处分的种类和时间，"
    "采取强制措施的情况等"
)
R358_2 = "《人民检察院刑事诉讼规则》第三百五十八条第二款第（二）项：案由和案件来源"
R358_3 = (
    "《人民检察院刑事诉讼规则》第三百五十八条第二款第（三）项：案件事实……起诉书叙述的指控犯罪事实的必备要素"
    "应当明晰、准确"
)
R358_4 = (
    "《人民检察院刑事诉讼规则》第三百五十八条第二款第（四）项：起诉的根据和理由，包括被告人触犯的刑法条款、"
    "犯罪的性质及认定的罪名、处罚条款……"
)
R358_ATTACH = (
    "《人民检察院刑事诉讼规则》第三百五十八条第四款：起诉书应当附有被告人现在处所，证人、鉴定人……名单，"
    "……查封、扣押、冻结的财物及孳息的清单……以及其他需要附注的情况"
)
CPL176_1 = (
    "《刑事诉讼法》第一百七十六条第一款：人民检察院认为犯罪嫌疑人的犯罪事实已经查清，证据确实、充分，依法应当"
    "追究刑事责任的，应当作出起诉决定，按照审判管辖的规定，向人民法院提起公诉"
)
CPL176_2 = (
    "《刑事诉讼法》第一百七十六条第二款：犯罪嫌疑人认罪认罚的，人民检察院应当就主刑、附加刑、是否适用缓刑等"
    "提出量刑建议，并随案移送认罪认罚具结书等材料"
)
INDICTMENT_FORMAT = (
    "起诉书格式（人民检察院刑事诉讼法律文书格式样本）：首部院名、文书名称、文号；尾部此致、署名、日期、附项"
)
INDICTMENT_REVIEW = (
    "起诉书格式（人民检察院刑事诉讼法律文书格式样本）审查过程段：本院受理后，于…已告知被告人有权委托辩护人…，"
    "依法讯问了被告人，听取了…意见，审查了全部案件材料"
)
R372 = (
    "《人民检察院刑事诉讼规则》第三百七十二条第二款：不起诉决定书的主要内容包括：（一）被不起诉人的基本情况……"
    "（二）案由和案件来源；（三）案件事实……（四）不起诉的法律根据和理由，写明作出不起诉决定适用的法律条款；"
    "（五）查封、扣押、冻结的涉案财物的处理情况；（六）有关告知事项"
)
R372_1 = (
    "《人民检察院刑事诉讼规则》第三百七十二条第二款第（一）项：被不起诉人的基本情况，包括姓名、性别、出生年月日、"
    "出生地和户籍地、公民身份号码、民族、文化程度、职业、工作单位及职务、住址，是否受过刑事处分，"
    "采取强制措施的情况以及羁押处所等"
)
CPL180 = (
    "《刑事诉讼法》第一百八十条：对于有被害人的案件，决定不起诉的，人民检察院应当将不起诉决定书送达被害人。"
    "被害人如果不服，可以自收到决定书后七日以内向上一级人民检察院申诉，请求提起公诉……被害人也可以不经申诉，"
    "直接向人民法院起诉；《人民检察院刑事诉讼规则》第三百七十七条"
)
CPL181 = (
    "《刑事诉讼法》第一百八十一条：对于人民检察院依照本法第一百七十七条第二款规定作出的不起诉决定，"
    "被不起诉人如果不服，可以自收到决定书后七日以内向人民检察院申诉；《人民检察院刑事诉讼规则》第三百七十七条"
)
NON_PROSECUTION_FORMAT = (
    "不起诉决定书格式（人民检察院刑事诉讼法律文书格式样本）：首部院名、文书名称、文号；尾部日期、院印"
)
CPL81 = (
    "《刑事诉讼法》第八十一条：对有证据证明有犯罪事实，可能判处徒刑以上刑罚的犯罪嫌疑人、被告人，采取取保候审"
    "尚不足以防止发生下列社会危险性的，应当予以逮捕"
)
CPL90 = (
    "《刑事诉讼法》第九十条：人民检察院对于公安机关提请批准逮捕的案件进行审查后，应当根据情况分别作出批准逮捕"
    "或者不批准逮捕的决定。对于批准逮捕的决定，公安机关应当立即执行，并且将执行情况及时通知人民检察院。"
    "对于不批准逮捕的，人民检察院应当说明理由"
)
R286 = (
    "《人民检察院刑事诉讼规则》第二百八十六条：人民检察院应当将批准逮捕的决定交公安机关立即执行，并要求公安机关"
    "将执行回执及时送达……对于人民检察院不批准逮捕的，应当要求公安机关在收到不批准逮捕决定书后，立即释放在押的"
    "犯罪嫌疑人或者变更强制措施，并将执行回执在收到不批准逮捕决定书后三日以内送达作出不批准逮捕决定的人民检察院"
)
ARREST_FORMAT = "批准逮捕决定书/不批准逮捕决定书格式（人民检察院刑事诉讼法律文书格式样本）：首部院名、文书名称、文号，送达的公安机关，尾部日期、院印"
CPL203 = "《刑事诉讼法》第二百零三条：判决书应当由审判人员和书记员署名，并且写明上诉的期限和上诉的法院"
CPL230 = "《刑事诉讼法》第二百三十条：不服判决的上诉和抗诉的期限为十日，不服裁定的上诉和抗诉的期限为五日"
SPC300 = (
    "最高人民法院《关于适用〈中华人民共和国刑事诉讼法〉的解释》第三百条：裁判文书应当写明裁判依据，阐释裁判理由，"
    "反映控辩双方的意见并说明采纳或者不予采纳的理由"
)
CL47 = (
    "《刑法》第四十七条：有期徒刑的刑期，从判决执行之日起计算；判决执行以前先行羁押的，羁押一日折抵刑期一日"
    "（拘役：第四十四条）"
)
JUDGMENT_FORMAT = (
    "刑事判决书格式（人民法院刑事诉讼文书样式）：首部法院名称、文书名称、案号，公诉机关，被告人基本情况"
    "（姓名、性别、出生日期、民族、文化程度、职业、住址，因本案所受强制措施），辩护人，案件由来和审理经过"
)


# ---- reusable patterns ------------------------------------------------------------------------------------
def _any(words: str) -> str:
    """A regex alternation of space-separated literal words."""
    return "|".join(re.escape(w) for w in words.split())


GENDER = (r"[，,（(、]\s*[男女]\s*[，,）)、。]", r"性别[:：]?\s*[男女]")
BIRTH = (rf"{DATE}\s*(?:出生|生)", r"出生(?:日期|年月日|于)", r"生于", r"\d{4}年\d{1,2}月生")
ID_NUMBER = (r"公民身份号码", r"身份证(?:件)?号", r"身份号码")
ETHNICITY = (r"[，,、]\s*[\u4e00-\u9fff]{1,6}族\s*[，,、。]",)
EDUCATION = (_any("文化 文盲 学历 小学 初中 高中 中专 大专 大学 本科 研究生 硕士 博士 中学 职高 技校"),)
OCCUPATION = (
    _any(
        "无业 无固定职业 无职业 农民 务农 村民 居民 工人 职工 员工 个体 经商 务工 打工 学生 干部 退休 职员 司机 "
        "厨师 经理 主任 会计 出纳 保安 销售 自由职业 工作单位 公司 单位 店主 老板 工作人员 公务员 法定代表人 股东 "
        "厂长 所长 局长 科长 站长 队长 书记 村委 教师 医生 护士 渔民 牧民 船员"
    ),
    r"[\u4e00-\u9fff]{1,6}(?:员|师|工|长)[，,。；]",
)
ADDRESS = (
    _any("住址 住所 现住 户籍所在地 户籍地 户籍 居住地 暂住 家住 住在"),
    r"住[^院宿房户]",
    r"(?:省|市|县|区|州|旗|盟)人[，,。；]",  # 某省某县人: the place the person is from
)
MEASURES = (_any("拘留 逮捕 取保候审 监视居住 羁押 在押 未被采取强制措施 留置"),)

PROCURATORATE_NUMBER = rf"检[^\s，。；]{{0,10}}诉[^\s，。；]{{0,3}}{_YEAR_BRACKET}"
COURT_CASE_NUMBER = (
    r"[（(〔\[［﹝【]\s*(?:19|20)\d{2}\s*[）)〕\]］﹞】]\s*[\u4e00-\u9fff\d]{1,14}刑[一二三四五六七八九公]?[初终再复监抗更辖][\u4e00-\u9fff]{0,3}"
    r"\s*第?\s*\d+\s*号"
)

# The defendant's own 认罪认罚 (every 起诉书 also says the right to it was explained: that alone is not a plea).
_PLEA = r"自愿认罪认罚|认罪认罚具结书|签署(?:了)?具结书|签字具结|同意适用认罪认罚|表示认罪认罚"

# The case has a defence counsel (not merely the notice of the right to one).
_COUNSEL = (
    r"听取(?:了)?[^。；]{0,20}辩护人[\u4e00-\u9fff]{2,4}(?:的)?意见|辩护人[\u4e00-\u9fff]{2,4}(?:提出|认为|的意见)"
    r"|担任(?:其)?辩护人|委托[^。；]{1,20}(?:为|担任)(?:其)?辩护人"
)

# ---- the tables ---------------------------------------------------------------------------------------------
_E = Element

INDICTMENT: tuple[Element, ...] = (
    _E("procuratorate", "院名（XX人民检察院）", (r"人民检察院",), "head", basis=INDICTMENT_FORMAT, confidence=0.8),
    _E("doc_title", "文书名称（起诉书）", (r"起\s*诉\s*书",), "head", basis=INDICTMENT_FORMAT, confidence=0.8),
    _E(
        "doc_number",
        "文号（…检…刑诉〔年〕…号）",
        (rf"{PROCURATORATE_NUMBER}\s*第?\s*\d+\s*号",),
        "head",
        basis=INDICTMENT_FORMAT,
        confidence=0.8,
    ),
    _E("gender", "被告人性别", GENDER, "person", basis=R358_1, confidence=0.75),
    _E("birth_date", "被告人出生日期", BIRTH, "person", basis=R358_1, confidence=0.75),
    _E("id_number", "被告人公民身份号码", ID_NUMBER, "person", basis=R358_1, confidence=0.6),
    _E("ethnicity", "被告人民族", ETHNICITY, "person", basis=R358_1, confidence=0.65),
    _E("education", "被告人文化程度", EDUCATION, "person", basis=R358_1, confidence=0.55),
    _E("occupation", "被告人职业或工作单位", OCCUPATION, "person", basis=R358_1, confidence=0.45),
    _E("address", "被告人住址", ADDRESS, "person", basis=R358_1, confidence=0.65),
    _E("measures", "被告人强制措施情况", MEASURES, "person", basis=R358_1, confidence=0.6),
    _E(
        "case_source",
        "案由和案件来源（…侦查终结，以被告人…涉嫌…罪移送审查起诉）",
        (r"(?:侦查|调查)终结", r"移送(?:本院)?审查起诉", r"移送(?:本院)?起诉"),
        "opening",
        basis=R358_2,
        confidence=0.7,
    ),
    _E(
        "defender",
        "辩护人（姓名、单位）",
        (r"辩护人",),
        "parties",
        when=_COUNSEL,
        condition="审查过程中有辩护人的案件",
        basis=INDICTMENT_FORMAT + "；被告人基本情况之后写明辩护人",
        confidence=0.5,
    ),
    _E(
        "transfer_date",
        "移送审查起诉日期",
        (rf"{DATE}[^。；]{{0,30}}移送(?:本院)?(?:审查)?起诉", rf"移送(?:本院)?(?:审查)?起诉[^。；]{{0,8}}{DATE}"),
        "opening",
        near=r"移送(?:本院)?(?:审查)?起诉",
        basis=R358_2,
        confidence=0.6,
    ),
    _E(
        "rights_notice",
        "审查过程：告知诉讼权利（有权委托辩护人、认罪认罚等）",
        (r"告知[^。；]{0,40}(?:权|认罪认罚)", r"已告知"),
        "body",
        near=r"本院受理后|移送(?:本院)?(?:审查)?起诉",
        basis=INDICTMENT_REVIEW,
        confidence=0.55,
    ),
    _E(
        "interrogation",
        "审查过程：依法讯问被告人",
        (r"讯问(?:了)?(?:被告人|犯罪嫌疑人)", r"依法讯问"),
        "body",
        near=r"本院受理后|移送(?:本院)?(?:审查)?起诉",
        basis=INDICTMENT_REVIEW,
        confidence=0.55,
    ),
    _E(
        "opinions",
        "审查过程：听取辩护人、被害人等意见",
        (r"听取(?:了)?[^。；]{0,60}意见",),
        "body",
        near=r"本院受理后|移送(?:本院)?(?:审查)?起诉",
        basis=INDICTMENT_REVIEW,
        confidence=0.55,
    ),
    _E(
        "materials",
        "审查过程：审查全部案件材料",
        (r"审查(?:了)?(?:全部)?(?:案件|案卷)材料", r"审阅(?:了)?(?:全部)?(?:案件|案卷)材料"),
        "body",
        near=r"本院受理后|移送(?:本院)?(?:审查)?起诉",
        basis=INDICTMENT_REVIEW,
        confidence=0.5,
    ),
    _E(
        "facts",
        "经依法审查查明的犯罪事实",
        (r"经(?:依法)?审查(?:查明|认定)", r"审查查明"),
        "body",
        near=r"本院认为",
        basis=R358_3,
        confidence=0.7,
    ),
    _E("evidence", "认定事实的证据", (r"证据",), "body", near=r"本院认为", basis=R358_3, confidence=0.6),
    _E("reasoning", "起诉理由（本院认为）", (r"本院认为",), "body", near=r"提起公诉", basis=R358_4, confidence=0.75),
    _E(
        "criminal_law",
        "所触犯的《刑法》条款",
        (rf"刑法》?(?:修正案[^》]{{0,6}}》)?\s*第{_ORD}条",),
        "body",
        near=r"本院认为|提起公诉",
        basis=R358_4,
        confidence=0.75,
    ),
    _E(
        "cpl_176",
        "起诉的法律依据（《刑事诉讼法》第一百七十六条）",
        (
            r"(?:刑事诉讼法|刑诉法)》?\s*第(?:一百七十六|一百七十二|一百四十一|176|172|141)条",
        ),  # the abbreviation is citation_error's finding
        "body",
        near=r"提起公诉|本院认为",
        basis=CPL176_1,
        confidence=0.75,
    ),
    _E("prosecute", "起诉决定（提起公诉）", (r"提起公诉",), "body", near=r"本院认为", basis=CPL176_1, confidence=0.75),
    _E(
        "sentencing",
        "量刑建议",
        (r"量刑建议", r"建议(?:对被告人[^。；]{0,8})?(?:判处|法院判处|处以)"),
        "body",
        when=_PLEA,
        condition="认罪认罚案件",
        near=_PLEA,
        basis=CPL176_2,
        confidence=0.75,
    ),
    _E(
        "addressee",
        "此致（…人民法院）",
        (r"此\s*致[\s\S]{0,40}人民法院",),
        "tail",
        basis=INDICTMENT_FORMAT,
        confidence=0.7,
    ),
    _E(
        "signature",
        "检察官署名",
        (r"检\s*察\s*官", r"检\s*察\s*员", r"检察长"),
        "tail",
        basis=INDICTMENT_FORMAT,
        confidence=0.65,
    ),
    _E("date", "落款日期", (DATE,), "tail", basis=INDICTMENT_FORMAT, confidence=0.7),
    _E(
        "custody_note",
        "附项：被告人现在处所（羁押处所或取保候审情况）",
        (r"羁押于", r"羁押在", r"看守所", r"取保候审", r"监视居住", r"现住", r"在押", r"现在处所", r"居住"),
        "tail",
        basis=R358_ATTACH,
        confidence=0.6,
    ),
    _E(
        "file_note",
        "附项：案卷材料和证据",
        (r"案卷", r"卷宗", r"证据材料", r"材料[^。；]{0,6}[册份卷]"),
        "tail",
        basis=R358_ATTACH,
        confidence=0.55,
    ),
)

NON_PROSECUTION: tuple[Element, ...] = (
    _E("procuratorate", "院名（XX人民检察院）", (r"人民检察院",), "head", basis=NON_PROSECUTION_FORMAT, confidence=0.8),
    _E(
        "doc_title",
        "文书名称（不起诉决定书）",
        (r"不\s*起\s*诉\s*决\s*定\s*书",),
        "head",
        basis=NON_PROSECUTION_FORMAT,
        confidence=0.8,
    ),
    _E(
        "doc_number",
        "文号（…检…刑不诉〔年〕…号）",
        (rf"检[^\s，。；]{{0,10}}不诉[^\s，。；]{{0,2}}{_YEAR_BRACKET}\s*第?\s*\d+\s*号",),
        "head",
        basis=NON_PROSECUTION_FORMAT,
        confidence=0.8,
    ),
    _E("gender", "被不起诉人性别", GENDER, "person", basis=R372_1, confidence=0.75),
    _E("birth_date", "被不起诉人出生日期", BIRTH, "person", basis=R372_1, confidence=0.75),
    _E("id_number", "被不起诉人公民身份号码", ID_NUMBER, "person", basis=R372_1, confidence=0.6),
    _E("ethnicity", "被不起诉人民族", ETHNICITY, "person", basis=R372_1, confidence=0.65),
    _E("education", "被不起诉人文化程度", EDUCATION, "person", basis=R372_1, confidence=0.55),
    _E("occupation", "被不起诉人职业或工作单位", OCCUPATION, "person", basis=R372_1, confidence=0.45),
    _E("address", "被不起诉人住址", ADDRESS, "person", basis=R372_1, confidence=0.65),
    _E("measures", "被不起诉人强制措施情况", MEASURES, "person", basis=R372_1, confidence=0.45),
    _E(
        "case_source",
        "案由和案件来源",
        (r"(?:侦查|调查)终结", r"移送(?:本院)?审查起诉", r"移送(?:本院)?起诉", r"提起公诉"),
        "opening",
        basis=R372,
        confidence=0.7,
    ),
    _E(
        "facts",
        "案件事实（经本院审查查明/认定）",
        (r"审查(?:查明|认定)", r"经(?:本院)?(?:依法)?审查", r"查明"),
        "body",
        near=r"本院认为",
        basis=R372,
        confidence=0.65,
    ),
    _E("reasoning", "不起诉理由（本院认为）", (r"本院认为",), "body", near=r"不起诉", basis=R372, confidence=0.7),
    _E(
        "legal_basis",
        "不起诉的法律依据（《刑事诉讼法》第一百七十七条或第一百七十五条）",
        (
            r"(?:刑事诉讼法|刑诉法)》?\s*第(?:一百七十七|一百七十五|一百七十三|一百七十一|一百四十二|一百四十|177|175|173|171|142|140)条",
        ),
        "body",
        near=r"不起诉",
        basis=R372,
        confidence=0.75,
    ),
    _E(
        "decision",
        "不起诉决定",
        (r"决定对[^。；]{0,30}不起诉", r"(?:作出|决定)不起诉", r"不起诉决定"),
        "body",
        near=r"本院认为",
        basis=R372,
        confidence=0.7,
    ),
    _E(
        "property",
        "查封、扣押、冻结的涉案财物的处理情况",
        (
            r"(?:扣押|查封|冻结)[^。]{0,80}(?:返还|发还|没收|上缴|移送|解除|处理|退还|予以|依法)",
            r"(?:返还|发还|没收|上缴|解除|退还)[^。]{0,40}(?:扣押|查封|冻结)",
        ),
        "body",
        when=r"扣押|查封|冻结",
        condition="案件有查封、扣押、冻结财物",
        near=r"扣押|查封|冻结",
        basis=R372,
        confidence=0.55,
    ),
    _E(
        "notice_victim_appeal",
        "告知被害人：七日以内向上一级人民检察院申诉",
        (
            # any named procuratorate, a branch included ("上海市人民检察院第一分院")
            rf"(?:七|7)\s*日以?内[^。]{{0,30}}(?:上一级|[^。，；本]{{2,14}})人民检察院{_BRANCH}申诉",
            r"上一级人民检察院申诉[^。]{0,20}(?:七|7)\s*日",
        ),
        "body",
        when=r"被害人|被害单位",
        condition="有被害人的案件",
        basis=CPL180,
        confidence=0.75,
    ),
    _E(
        "notice_victim_suit",
        "告知被害人：可以直接向人民法院起诉",
        (r"向[^。，；]{0,14}人民法院(?:起诉|提起自诉|提起诉讼)",),
        "body",
        when=r"被害人|被害单位",
        condition="有被害人的案件",
        basis=CPL180,
        confidence=0.65,
    ),
    _E(
        "notice_accused_appeal",
        "告知被不起诉人：七日以内向本院申诉",
        (
            r"被不起诉人[^。]{0,60}(?:七|7)\s*日以?内[^。]{0,20}(?:向)?本院申诉",
            r"(?:七|7)\s*日以?内[^。]{0,6}向本院申诉",
        ),
        "body",
        when=r"第(?:一百七十七|一百七十三|一百四十二)条第二款",
        condition="依《刑事诉讼法》第一百七十七条第二款作出的酌定不起诉",
        basis=CPL181,
        confidence=0.75,
    ),
    _E("date", "落款日期", (DATE,), "tail", basis=NON_PROSECUTION_FORMAT, confidence=0.7),
)

_ARREST_COMMON: tuple[Element, ...] = (
    _E("procuratorate", "院名（XX人民检察院）", (r"人民检察院",), "head", basis=ARREST_FORMAT, confidence=0.8),
    _E(
        "addressee",
        "送达的公安机关（XX公安局：）",
        (r"(?:公安局|公安分局|公安处|公安厅|国家安全局|国家安全厅|海警局|缉私局|侦查局|监狱)[^。\n]{0,6}[:：]",),
        "opening",
        basis=ARREST_FORMAT,
        confidence=0.6,
    ),
    _E(
        "request",
        "提请批准逮捕书（文号、日期）",
        (r"提请批准逮捕书", r"提请批准逮捕"),
        "body",
        basis=CPL90,
        confidence=0.65,
    ),
    _E("suspect", "犯罪嫌疑人", (r"犯罪嫌疑人",), "body", basis=CPL90, confidence=0.7),
    _E("date", "落款日期", (DATE,), "tail", basis=ARREST_FORMAT, confidence=0.7),
)

ARREST_APPROVAL: tuple[Element, ...] = (
    *_ARREST_COMMON,
    _E(
        "doc_title",
        "文书名称（批准逮捕决定书）",
        (r"批\s*准\s*逮\s*捕\s*决\s*定\s*书",),
        "head",
        basis=ARREST_FORMAT,
        confidence=0.8,
    ),
    _E(
        "doc_number",
        "文号（…检…批捕〔年〕…号）",
        (rf"检[^\s，。；]{{0,10}}捕[^\s，。；]{{0,2}}{_YEAR_BRACKET}\s*第?\s*\d+\s*号",),
        "head",
        basis=ARREST_FORMAT,
        confidence=0.75,
    ),
    _E("charge", "涉嫌罪名", (r"涉嫌[^。；]{0,30}罪",), "body", basis=CPL81, confidence=0.7),
    _E(
        "cpl_81",
        "逮捕条件的法律依据（《刑事诉讼法》第八十一条）",
        (r"(?:刑事诉讼法|刑诉法)》?\s*第(?:八十一|七十九|六十|81|79|60)条",),
        "body",
        near=r"批准逮捕",
        basis=CPL81,
        confidence=0.6,
    ),
    _E("decision", "批准逮捕决定", (r"决定批准逮捕", r"批准逮捕犯罪嫌疑人"), "body", basis=CPL90, confidence=0.75),
    _E(
        "execute",
        "执行要求（立即执行）",
        (r"立即执行", r"依法执行"),
        "body",
        near=r"批准逮捕",
        basis=R286,
        confidence=0.6,
    ),
    _E(
        "report_back",
        "执行情况通知本院（执行回执）",
        (r"执行情况", r"执行回执", r"(?:三|3)日以?内[^。]{0,20}(?:通知|送达|告知)本院"),
        "body",
        near=r"立即执行|批准逮捕",
        basis=R286,
        confidence=0.55,
    ),
)

ARREST_REFUSAL: tuple[Element, ...] = (
    *_ARREST_COMMON,
    _E(
        "doc_title",
        "文书名称（不批准逮捕决定书）",
        (r"不\s*批\s*准\s*逮\s*捕\s*决\s*定\s*书",),
        "head",
        basis=ARREST_FORMAT,
        confidence=0.8,
    ),
    _E(
        "doc_number",
        "文号（…检…不捕〔年〕…号）",
        (rf"检[^\s，。；]{{0,10}}(?:不捕|不批捕)[^\s，。；]{{0,2}}{_YEAR_BRACKET}\s*第?\s*\d+\s*号",),
        "head",
        basis=ARREST_FORMAT,
        confidence=0.75,
    ),
    _E(
        "reason",
        "不批准逮捕的理由",
        (r"本院(?:经审查)?认为", r"经(?:本院)?审查认为", r"理由"),
        "body",
        near=r"不批准逮捕",
        basis=CPL90,
        confidence=0.7,
    ),
    _E(
        "decision",
        "不批准逮捕决定",
        (r"决定不(?:予)?批准逮捕", r"不批准逮捕犯罪嫌疑人"),
        "body",
        basis=CPL90,
        confidence=0.75,
    ),
    _E(
        "release",
        "执行要求（立即释放或变更强制措施）",
        (r"释放", r"变更强制措施", r"立即执行", r"依法执行"),
        "body",
        near=r"不批准逮捕",
        basis=R286,
        confidence=0.55,
    ),
    _E(
        "report_back",
        "三日以内送达执行回执",
        (r"执行回执", r"执行情况", r"(?:三|3)日以?内"),
        "body",
        near=r"不批准逮捕",
        basis=R286,
        confidence=0.5,
    ),
)

_FIRST_INSTANCE = r"刑[一二三四五六七八九公]?初"
_SECOND_INSTANCE = r"刑终|上诉人"
_PRIVATE = r"自诉人"

JUDGMENT: tuple[Element, ...] = (
    _E("court", "法院名称", (r"人民法院|军事法院|法院",), "head", basis=JUDGMENT_FORMAT, confidence=0.8),
    _E(
        "doc_title",
        "文书名称（刑事判决书）",
        (r"刑事(?:附带民事)?判决书",),
        "head",
        basis=JUDGMENT_FORMAT,
        confidence=0.8,
    ),
    _E("case_number", "案号（（年）…刑初…号）", (COURT_CASE_NUMBER,), "head", basis=JUDGMENT_FORMAT, confidence=0.8),
    _E(
        "prosecutor",
        "公诉机关",
        (r"公诉机关", r"检察院(?:以|指控|于)", r"抗诉机关", r"检察院[^。；]{0,40}(?:起诉书|指控)"),
        "opening",
        when=_FIRST_INSTANCE,
        unless=_PRIVATE,
        when_scope="head",
        condition="一审公诉案件",
        basis=JUDGMENT_FORMAT,
        confidence=0.7,
    ),
    _E(
        "indictment_number",
        "起诉书文号",
        (rf"{PROCURATORATE_NUMBER}",),
        "opening",
        when=_FIRST_INSTANCE,
        unless=_PRIVATE,
        when_scope="head",
        condition="一审公诉案件",
        near=r"起诉书|提起公诉|指控",
        basis=JUDGMENT_FORMAT,
        confidence=0.55,
    ),
    _E(
        "prosecution_date",
        "提起公诉日期",
        (
            rf"{DATE}[^。；]{{0,80}}(?:提起(?:公诉|诉讼)|起诉(?:至|到)本院)",
            rf"(?:提起(?:公诉|诉讼)|起诉(?:至|到)本院)[^。；]{{0,10}}{DATE}",
            rf"本院(?:于|在){DATE}(?:立案|受理)",
        ),
        "opening",
        when=_FIRST_INSTANCE,
        unless=_PRIVATE,
        when_scope="head",
        condition="一审公诉案件",
        near=r"提起公诉|指控",
        basis=JUDGMENT_FORMAT,
        confidence=0.45,
    ),
    _E("gender", "被告人性别", GENDER, "person", basis=JUDGMENT_FORMAT, confidence=0.75),
    _E("birth_date", "被告人出生日期", BIRTH, "person", basis=JUDGMENT_FORMAT, confidence=0.7),
    _E("ethnicity", "被告人民族", ETHNICITY, "person", basis=JUDGMENT_FORMAT, confidence=0.6),
    _E("address", "被告人住址或户籍地", ADDRESS, "person", basis=JUDGMENT_FORMAT, confidence=0.55),
    _E("measures", "被告人因本案所受强制措施", MEASURES, "person", basis=JUDGMENT_FORMAT, confidence=0.55),
    _E(
        "trial",
        "审理经过（合议庭/独任审判、开庭情况）",
        (r"合议庭", r"独任审判", r"独任审理", r"简易程序", r"速裁程序", r"开庭", r"不开庭", r"阅卷", r"出庭"),
        "opening",
        basis=JUDGMENT_FORMAT,
        confidence=0.65,
    ),
    _E(
        "defender",
        "辩护人（姓名、单位）",
        (r"辩护人",),
        "parties",
        when=r"及其辩护人|辩护人[^，。；、]{0,6}到庭",
        condition="辩护人到庭参加诉讼的案件",
        basis=JUDGMENT_FORMAT + "，辩护人",
        confidence=0.55,
    ),
    _E(
        "claims",
        "控辩双方意见",
        (
            r"指控",
            r"原判认定",
            r"原审(?:判决)?认定",
            r"抗诉",
            r"辩称",
            r"辩护(?:人|意见)",
            r"上诉(?:称|理由|提出)",
            r"无异议",
            r"供认不讳",
        ),
        "body",
        basis=SPC300,
        confidence=0.6,
    ),
    _E(
        "findings",
        "经审理查明的事实",
        (r"审理查明", r"经审理认定", r"查明的事实", r"经本院审理", r"二审查明", r"本院查明", r"认定的事实"),
        "body",
        unless=r"速裁程序",
        condition="非速裁程序",
        near=r"本院认为",
        basis=SPC300,
        confidence=0.55,
    ),
    _E("evidence", "证据", (r"证据",), "body", near=r"本院认为", basis=SPC300, confidence=0.55),
    _E("reasoning", "裁判理由（本院认为）", (r"本院认为",), "body", near=r"判决如下", basis=SPC300, confidence=0.75),
    _E(
        "legal_basis",
        "裁判依据（依照…之规定）",
        (r"依照", r"根据《", r"依据《", r"依《"),
        "body",
        near=r"判决如下",
        basis=SPC300,
        confidence=0.7,
    ),
    _E(
        "decision",
        "判决主文（判决如下）",
        (r"判\s*决\s*如\s*下", r"裁\s*定\s*如\s*下"),
        "body",
        near=r"本院认为",
        basis=SPC300,
        confidence=0.75,
    ),
    _E(
        "term_credit",
        "刑期起止及先行羁押折抵",
        (r"刑期(?:从|自)", r"折抵(?:刑期)?", r"抵刑期", r"即自[^。]{0,30}起至"),
        "body",
        when=r"判处(?:有期徒刑|拘役)[^。；缓]{0,60}[。；]",
        condition="判处有期徒刑或拘役而未缓刑的案件",
        when_scope="decision",  # a prior conviction in the party paragraph is not this sentence
        near=r"判处(?:有期徒刑|拘役)",
        basis=CL47,
        confidence=0.6,
    ),
    _E(
        "appeal_notice",
        "上诉告知（十日内上诉及上诉法院）",
        (r"如不服本判决[^。]{0,120}(?:十|10)\s*日", r"(?:十|10)\s*日内[^。]{0,60}上诉", r"上诉于[^。]{0,20}人民法院"),
        "tail",
        when=_FIRST_INSTANCE,
        when_scope="head",
        condition="一审判决",
        basis=CPL230 + "；" + CPL203,
        confidence=0.7,
    ),
    _E(
        "final_notice",
        "终审告知（本判决为终审判决）",
        (r"本判决为终审判决", r"终审判决", r"本裁定为终审裁定"),
        "tail",
        when=r"刑[一二三四五六七八九]?终",
        when_scope="head",
        condition="二审判决",
        basis=JUDGMENT_FORMAT,
        confidence=0.6,
    ),
    _E(
        "judges",
        "审判人员署名",
        (r"审\s*判\s*长", r"审\s*判\s*员", r"人民陪审员"),
        "tail",
        basis=CPL203,
        confidence=0.7,
    ),
    _E("date", "落款日期", (DATE,), "tail", basis=JUDGMENT_FORMAT, confidence=0.7),
    _E("clerk", "书记员署名", (r"书\s*记\s*员",), "tail", basis=CPL203, confidence=0.7),
)

RULING: tuple[Element, ...] = (
    _E("court", "法院名称", (r"人民法院|军事法院|法院",), "head", basis=JUDGMENT_FORMAT, confidence=0.8),
    _E(
        "doc_title",
        "文书名称（刑事裁定书）",
        (r"刑事(?:附带民事)?裁定书",),
        "head",
        basis=JUDGMENT_FORMAT,
        confidence=0.8,
    ),
    _E("case_number", "案号", (COURT_CASE_NUMBER,), "head", basis=JUDGMENT_FORMAT, confidence=0.75),
    _E("reasoning", "裁定理由（本院认为）", (r"本院认为",), "body", near=r"裁定如下", basis=SPC300, confidence=0.7),
    _E(
        "decision",
        "裁定主文（裁定如下）",
        (r"裁\s*定\s*如\s*下",),
        "body",
        near=r"本院认为",
        basis=SPC300,
        confidence=0.75,
    ),
    _E(
        "judges",
        "审判人员署名",
        (r"审\s*判\s*长", r"审\s*判\s*员", r"人民陪审员"),
        "tail",
        basis=CPL203,
        confidence=0.7,
    ),
    _E("date", "落款日期", (DATE,), "tail", basis=JUDGMENT_FORMAT, confidence=0.7),
    _E("clerk", "书记员署名", (r"书\s*记\s*员",), "tail", basis=CPL203, confidence=0.7),
)

REQUIRED: dict[str, tuple[Element, ...]] = {
    doctypes.INDICTMENT: INDICTMENT,
    doctypes.NON_PROSECUTION: NON_PROSECUTION,
    doctypes.ARREST_APPROVAL: ARREST_APPROVAL,
    doctypes.ARREST_REFUSAL: ARREST_REFUSAL,
    doctypes.JUDGMENT: JUDGMENT,
    doctypes.RULING: RULING,
}

# Who the "person" elements describe, per type: the opening words of each party's own paragraph.
PARTY_WORDS: dict[str, tuple[str, ...]] = {
    doctypes.INDICTMENT: ("被告人",),
    doctypes.NON_PROSECUTION: ("被不起诉人",),
    doctypes.JUDGMENT: ("上诉人（原审被告人）", "原审被告人", "被告人", "上诉人"),
}

# Zone boundaries, per type. Facts begin at the first match of the first FACTS_START pattern that matches
# at all (patterns in priority order); the closing block begins at the first TAIL_START match after the
# conclusion (types without one: after the last sentence). TEXT_END says a text reached its conclusion.
FACTS_START: dict[str, tuple[str, ...]] = {
    doctypes.INDICTMENT: (r"经(?:依法)?审查查明|审查查明|经审查认定",),
    doctypes.NON_PROSECUTION: (r"经本院(?:依法)?审查|审查查明|经审查认定|本院认为",),
    # "审理终结" closes the procedural history; "原判认定" alone also occurs inside it (发回重审 reasons).
    doctypes.JUDGMENT: (r"审理终结", r"经审理查明|公诉机关指控|原判认定|原审判决认定|原判决认定|审理查明"),
    doctypes.RULING: (r"审理终结", r"经审理查明|原判认定|审理查明"),
}
TAIL_START: dict[str, str] = {
    doctypes.INDICTMENT: r"此\s*致",
    doctypes.JUDGMENT: r"如不服本判决|本判决为终审判决|审\s*判\s*长|审\s*判\s*员",
    doctypes.RULING: r"本裁定为终审裁定|如不服本裁定|审\s*判\s*长|审\s*判\s*员",
}
TEXT_END: dict[str, str] = {
    doctypes.INDICTMENT: r"提起公诉",
    doctypes.NON_PROSECUTION: r"决定对[^。；]{0,30}不起诉|(?:作出|决定)不起诉",
    doctypes.ARREST_APPROVAL: r"批准逮捕",
    doctypes.ARREST_REFUSAL: r"不批准逮捕",
    doctypes.JUDGMENT: r"判\s*决\s*如\s*下",
    doctypes.RULING: r"裁\s*定\s*如\s*下",
}

# When no party paragraph is found at all, one element stands for the whole of it.
PARTY_BLOCK: dict[str, Element] = {
    doctypes.INDICTMENT: _E(
        "parties",
        "被告人基本情况（姓名、性别、出生日期、公民身份号码、民族、文化程度、职业、住址、强制措施）",
        (),
        "opening",
        basis=R358_1,
        confidence=0.6,
    ),
    doctypes.NON_PROSECUTION: _E(
        "parties",
        "被不起诉人基本情况（姓名、性别、出生日期、公民身份号码、民族、文化程度、职业、住址、强制措施）",
        (),
        "opening",
        basis=R372_1,
        confidence=0.6,
    ),
    doctypes.JUDGMENT: _E(
        "parties",
        "被告人基本情况（姓名、性别、出生日期、民族、住址、强制措施）",
        (),
        "opening",
        basis=JUDGMENT_FORMAT,
        confidence=0.5,
    ),
}
