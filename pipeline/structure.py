"""Document type recognition and section splitting, on NORMALISED text.

`detect_doc_type` reads the top of the document: the document's own title (院名 + 文书名称) and its own
number (检察院文号 "某检刑诉〔2019〕12号" or 法院案号 "(2020)浙0702刑初662号"). Titles and numbers that
are only mentioned ("以某检刑诉〔2019〕12号起诉书指控…", "作出…号刑事判决书") do not count. When the top
says nothing, a few unmistakable body formulas decide (判决如下, 决定不批准逮捕 …), else "other".

`split_sections` cuts the text into named sections, in order, contiguous from the first one found to
the end of the text (every character after the header belongs to exactly one section):
  header       院名, 文书名称, 文号/案号 (and the addressee line of 批捕决定书/检察建议书: "某某公安局：")
  parties      被告人/被不起诉人/上诉人 … basic data, 辩护人
  procedure    案由和案件来源, 审查/审理经过 (judgments: also the 控辩意见 that precede 经审理查明)
  facts        经依法审查查明 / 经审理查明 …; in judgments without such a heading (速裁/简易),
               the 公诉机关指控 part is the facts
  evidence     认定上述事实的证据如下 / 上述事实，有…等证据证实
  reasoning    本院认为 … (起诉书: up to the 提起公诉 sentence; 判决书: incl. "依照…之规定，")
  decision     判决如下/裁定如下 …; 起诉书: the "根据…第一百七十六条的规定，提起公诉" sentence (and what follows
               before 此致); 不起诉: 决定对…不起诉; 批捕: 决定(不)批准逮捕 …
  footer       此致 …, 署名, 日期; judgments: from the 上诉告知 (如不服本判决…) on; 不起诉: from the 申诉告知
  attachments  附：/附项/附注 … to the end
A section the document lacks is absent; the missing_element detector relies on that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doctypes import (
    ARREST_APPROVAL,
    ARREST_REFUSAL,
    INDICTMENT,
    JUDGMENT,
    NON_PROSECUTION,
    OTHER,
    PROTEST,
    REVIEW_REPORT,
    RULING,
    SUGGESTION,
)
from .types import Section

HEADER = "header"
PARTIES = "parties"
PROCEDURE = "procedure"
FACTS = "facts"
EVIDENCE = "evidence"
REASONING = "reasoning"
DECISION = "decision"
FOOTER = "footer"
ATTACHMENTS = "attachments"
SECTION_NAMES = (HEADER, PARTIES, PROCEDURE, FACTS, EVIDENCE, REASONING, DECISION, FOOTER, ATTACHMENTS)

HEAD_CHARS = 300  # the document's own title and number are in the first lines
_LOOSE_TITLE_CHARS = 120

_HAN = r"\u4e00-\u9fff"
_OPEN = r"（(〔\[［"  # for use inside a character class
_CLOSE = r"）)〕\]］"
_YEAR = r"(?:19|20)\d{2}"

# ----------------------------------------------------------------------------------------- titles
# One alternation, longest names first at the same start, so that 不起诉决定书 never reads as 起诉书
# and 不批准逮捕决定书 never as 批准逮捕决定书 (the leftmost match wins and consumes the name).
_TITLE_KINDS = (
    (NON_PROSECUTION, r"(?:附条件|酌定|存疑|法定|相对|绝对)?不起诉决定书"),
    (ARREST_REFUSAL, r"不(?:予)?批准逮捕决定书"),
    (ARREST_APPROVAL, r"批准逮捕决定书"),
    (INDICTMENT, r"(?:补充|追加|变更)起诉决定书"),
    (OTHER, r"起诉意见书|提请批准逮捕书|撤回起诉决定书|(?:民事|行政)(?:[一二]审)?(?:判决书|裁定书|调解书)"),
    (PROTEST, r"(?:刑事)?抗诉书"),
    (SUGGESTION, r"检察建议书"),
    (
        REVIEW_REPORT,
        r"审查逮捕(?:案件)?意见书|(?:审查起诉|审查逮捕|公诉|起诉)?(?:案件)?(?:审查|审结|终结)报告",
    ),
    (JUDGMENT, r"刑事(?:附带民事)?(?:[一二]审)?判决书|[一二]审(?:刑事)?(?:附带民事)?判决书|判决书"),
    (RULING, r"刑事(?:附带民事)?(?:[一二]审)?裁定书|[一二]审(?:刑事)?(?:附带民事)?裁定书|裁定书"),
    (INDICTMENT, r"起诉书"),
)
_TITLE = re.compile("|".join(f"(?P<t{i}>{p})" for i, (_, p) in enumerate(_TITLE_KINDS)))
# What surrounds a name that is only mentioned: "以…号起诉书指控", "该判决书", "送达起诉书副本".
_MENTION_BEFORE = re.compile(r"(?:号|以|的|该|此|原|份|其|《|出|送|达|作|据|按|依|与|和|及|、)\s*$")
# Only on the title's own line: the next line may be a number starting with 于 or 并 (于都县 "于检…", 太原 "并…").
_MENTION_AFTER = re.compile(
    r"^[ \t]*(?:指控|认定|所|中|的|一案|提出|作出|后|送达|副本|已|及|和|、|并|于|对|认为|均|载明|系|证实|列|称|记载|"
    r"内容|上|等|》|之|时|是|不|确|生效|发生|，|。|；)"
)


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    start: int
    end: int


def _own_titles(head: str) -> list[_Found]:
    """Title names in `head` that name THIS document: on a line of their own, after the court or
    procuratorate name, or directly before the document number; never in a mention context."""
    out = []
    for m in _TITLE.finditer(head):
        kind = _TITLE_KINDS[int(m.lastgroup[1:])][0]  # type: ignore[index]
        before, after = head[max(0, m.start() - 3) : m.start()], head[m.end() : m.end() + 6]
        if _MENTION_AFTER.match(after) or _MENTION_BEFORE.search(before):
            continue
        line_start = before.rstrip(" ").endswith(("\n", "院", "#")) or m.start() == 0
        numbered = bool(re.match(rf"\s*[{_OPEN}]", after))
        line_end = bool(re.match(r"[ \t]*(?:\n|$)", after))
        rank = 0 if numbered or (line_start and line_end) else 1 if line_start or line_end else 2
        if rank == 2 and m.start() > _LOOSE_TITLE_CHARS:
            continue  # a name in the middle of a line counts only in a scraped title line at the very top
        out.append((rank, m.start(), _Found(kind, m.start(), m.end())))
    return [f for _, _, f in sorted(out, key=lambda r: (r[0], r[1]))]


# ----------------------------------------------------------------------------------------- numbers
# 检察院文号: "某检刑诉〔2019〕12号", "京丰检刑诉［2018］661号", "某检公诉刑不诉〔2019〕3号".
_PROC_NO = re.compile(rf"([{_HAN}\dA-Za-z]{{1,16}})\s*[{_OPEN}]\s*{_YEAR}\s*[{_CLOSE}]\s*第?\s*\d+\s*号")
# 法院案号: "（2020）浙0702刑初662号", "（2014）沂南刑初字第348号", "(2013)深中法刑二终字第237号".
_COURT_NO = re.compile(rf"[{_OPEN}]\s*{_YEAR}\s*[{_CLOSE}]\s*([{_HAN}\dA-Za-z]{{1,16}}?)\s*(?:字)?\s*第?\s*\d+\s*号")
_PROC_NO_KINDS = (  # the procuratorate's own abbreviation, most specific first
    (NON_PROSECUTION, re.compile(r"不诉|不起诉")),
    (ARREST_REFUSAL, re.compile(r"不批捕|不捕")),
    (ARREST_APPROVAL, re.compile(r"批捕|捕")),
    (PROTEST, re.compile(r"抗")),
    (SUGGESTION, re.compile(r"建")),
    (INDICTMENT, re.compile(r"诉")),
)
_NUMBER_MENTIONED = re.compile(rf"^\s*[{_HAN}]{{0,10}}?书|^\s*(?:指控|文书|判决|裁定|决定)")


def _own_number(head: str) -> _Found | None:
    """The first document number in `head` that is not a mention of another document."""
    found: list[_Found] = []
    for m in _COURT_NO.finditer(head):
        if "刑" in m.group(1) and not _NUMBER_MENTIONED.match(head[m.end() :]):
            found.append(_Found(JUDGMENT, m.start(), m.end()))
    for m in _PROC_NO.finditer(head):
        # the prefix may run back into the sentence: "…人民检察院以婺检二部刑诉" -> own part "以婺检二部刑诉"
        own = m.group(1)[m.group(1).rfind("院") + 1 :]
        if "检" not in own or "以" in own or _NUMBER_MENTIONED.match(head[m.end() :]):
            continue
        code = own[own.rfind("检") :]
        kind = next((k for k, rx in _PROC_NO_KINDS if rx.search(code)), None)
        if kind:
            found.append(_Found(kind, m.start(1) + m.group(1).rfind("院") + 1, m.end()))
    return min(found, key=lambda f: f.start) if found else None


# ----------------------------------------------------------------------------------------- body
# The body formulas count only under a bare 院名 first line (a case report titled "某某人民检察院督促…案"
# that retells a 检察建议 is not a 检察建议书).
_COURT_HEAD = re.compile(r"^[^\n]{2,40}法院[ \t]*$")
_PROC_HEAD = re.compile(r"^[^\n]{2,40}检察院(?:[^\n]{0,6}分院)?[ \t]*$")
_BODY_RULES = (  # (needs court/procuratorate at the top, kind, formula)
    ("court", JUDGMENT, re.compile(r"判决如下")),
    ("court", RULING, re.compile(r"裁定如下")),
    ("proc", ARREST_REFUSAL, re.compile(r"决定不(?:予)?批准逮捕")),
    ("proc", ARREST_APPROVAL, re.compile(r"决定批准逮捕")),
    ("proc", NON_PROSECUTION, re.compile(r"决定对[^。]{0,40}?不起诉")),
    ("proc", PROTEST, re.compile(r"提出抗诉[^。]{0,20}。[\s\S]*此致")),
    ("proc", INDICTMENT, re.compile(r"提起公诉[^。]{0,20}。[\s\S]*此致")),
    ("proc", SUGGESTION, re.compile(r"(?:提出|发出)(?:如下)?检察建议|建议如下")),
)


def detect_doc_type(text: str) -> str:
    """One of the codes in `pipeline.doctypes`."""
    head = text.lstrip()[:HEAD_CHARS]
    titles = _own_titles(head)
    number = _own_number(head)
    if titles and titles[0].kind != OTHER:
        return titles[0].kind
    if titles:
        return OTHER  # 起诉意见书, 民事判决书 …: known documents that are not ours to screen as such
    if number:
        if number.kind == JUDGMENT:
            return RULING if "裁定如下" in text and "判决如下" not in text else JUDGMENT
        return number.kind
    first_line = head.split("\n", 1)[0]
    for where, kind, rx in _BODY_RULES:
        at_top = _COURT_HEAD if where == "court" else _PROC_HEAD
        if at_top.match(first_line) and rx.search(text):
            return kind
    return OTHER


# ----------------------------------------------------------------------------------------- sections
@dataclass(frozen=True, slots=True)
class _Rule:
    """Where a section starts. `at`: "match" (the marker), "sentence" (start of the marker's sentence).
    `strong` markers bound the search for the sections listed before them; `anchored` ones must open
    right where the previous section ended; `fallback` is tried when `pattern` is nowhere; with `reject`
    a match counts only after an own 本院认为 and with no `reject` match in between (原审法院认为…判决如下
    is the first-instance decision quoted in a 二审 judgment)."""

    name: str
    pattern: re.Pattern[str]
    at: str = "match"
    strong: bool = False
    anchored: bool = False
    fallback: re.Pattern[str] | None = None
    reject: re.Pattern[str] | None = None


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, re.M)


_SENT_END = re.compile(r"[。！？!?；;\n]")
_EVIDENCE = _rx(
    r"认定(?:上述|以上|前述|该|本案)?(?:犯罪)?事实的?(?:主要)?证据|(?:主要)?证据(?:材料)?(?:如下|有)[：:]|"
    r"(?:经|下列)[^。]{0,12}?(?:质证|举证)[^。]{0,12}?证据|下列证据|"
    r"上述(?:犯罪)?事实[^。]{0,120}?(?:证据|证言|笔录|供述|鉴定意见|书证)[^。]{0,400}?"
    r"(?:证实|证明|为证|佐证|足以认定|予以确认|在案)"
)
_REASONING = _rx(r"本院(?:经审查|依法审查后|审查后)?认为|经本院审查认为|本院仍然认为")
_ATTACH = _rx(r"^[ \t]*附(?:[：:]|项|注|件|录|本(?:判决|裁定)|相关|法律条文)")
_DATE_LINE = _rx(r"^[ \t]*(?:[〇○OΟ零一二三四五六七八九]{4}|\d{4})\s*年[^\n]{1,8}日[ \t]*(?:[（(]院印[)）])?[ \t]*$")

# A 二审 judgment quotes the first-instance reasoning and decision ("原审法院认为…依照…判决如下：…"); the
# court's own decision follows its own 本院认为 with no lower court speaking in between.
_OWN_REASONING = re.compile(r"本院认为")
_LOWER_COURT_REASONING = re.compile(
    r"(?:原审|一审|原)(?:人民)?(?:法院|判决|判)?认为|[\u4e00-\u9fff]{2,12}法院认为|原(?:审|判)(?:依照|根据|依据)"
)

_JUDGMENT_RULES = (
    _Rule(
        PARTIES,
        _rx(
            r"(?:原公诉机关|公诉机关|抗诉机关|公诉人|原审被告人|被告人|上诉人|被告单位|附带民事(?:公益)?诉讼"
            r"|自诉人|申诉人|被申请人|罪犯)"
        ),
        anchored=True,
    ),
    _Rule(
        PROCEDURE,
        _rx(
            r"起诉书[，,]?\s*指控|提起公诉|向本院(?:提起|起诉)|审理[^。]{0,80}?一案|本院受理后|本院于[^。]{0,24}?立案|"
            r"提出上诉|提出抗诉|不服[^。]{0,60}?(?:判决|裁定)"
        ),
        at="sentence",
    ),
    _Rule(
        FACTS,
        _rx(
            r"(?:经|本院)[^。；，：\n]{0,12}?审理[，,]?\s*(?:本院)?(?:查明|认定|确认)|(?:本院)?二审(?:期间)?(?:查明|认定)|"
            r"(?:^|(?<=[。：:\n]))查明(?:的)?事实(?=[：:，,]|\d)"
        ),
        # no own finding (速裁/简易 judgments, or a 二审 text cut short): the facts as charged or as found below
        fallback=_rx(
            r"(?:公诉机关|检察院|起诉书)(?:起诉)?指控(?:称|意见)?[：:，,]|公诉机关指控|原判(?:决)?认定|原审(?:判决)?认定|"
            r"[\u4e00-\u9fff]{0,12}法院(?:经审理)?(?:审理)?(?:查明|认定)[：:，,]|审理查明"
        ),
    ),
    _Rule(EVIDENCE, _EVIDENCE, at="sentence"),
    _Rule(REASONING, _rx(r"本院认为"), strong=True),
    _Rule(DECISION, _rx(r"(?:判决|裁定)如下"), strong=True, reject=_LOWER_COURT_REASONING),
    _Rule(
        FOOTER,
        _rx(
            r"如不服本(?:判决|裁定)|本(?:判决|裁定)为终审(?:判决|裁定)|"
            r"^[ \t]*(?:审\s*判\s*长|审\s*判\s*员|代理审判员|人民陪审员)[ \t]*[\u4e00-\u9fff·]{1,6}[ \t]*$"
        ),
        strong=True,
    ),
    _Rule(ATTACHMENTS, _ATTACH, strong=True),
)

_PROC_PROCEDURE = _rx(
    r"本案(?:由|系|经)|侦查终结|移送(?:本院)?审查起诉|移送(?:本院)?起诉|本院(?:于[^。]{0,24}?)?受理|案件来源|交办"
)
_PROC_FACTS = _rx(
    r"经(?:本院)?(?:依法)?审查[，,]?\s*(?:本院)?(?:查明|认定|确认)|审查(?:查明|认定)[：:，,]|(?:现|经)查明[：:，,]"
)

_INDICTMENT_RULES = (
    _Rule(PARTIES, _rx(r"被告人|被告单位|犯罪嫌疑人"), anchored=True),
    _Rule(PROCEDURE, _PROC_PROCEDURE, at="sentence"),
    _Rule(FACTS, _PROC_FACTS),
    _Rule(EVIDENCE, _EVIDENCE, at="sentence"),
    _Rule(REASONING, _REASONING, strong=True),
    _Rule(DECISION, _rx(r"提起公诉"), at="sentence"),
    _Rule(FOOTER, _rx(r"^[ \t]*此\s*致|(?<=。)此致"), strong=True),
    _Rule(ATTACHMENTS, _ATTACH, strong=True),
)

_NON_PROSECUTION_RULES = (
    _Rule(PARTIES, _rx(r"被不起诉人|被不起诉单位|被附条件不起诉人|犯罪嫌疑人"), anchored=True),
    _Rule(PROCEDURE, _PROC_PROCEDURE, at="sentence"),
    _Rule(FACTS, _PROC_FACTS),
    _Rule(EVIDENCE, _EVIDENCE, at="sentence"),
    _Rule(REASONING, _REASONING, strong=True),
    _Rule(DECISION, _rx(r"决定对[^。]{0,40}?不起诉"), strong=True),
    _Rule(
        FOOTER,
        _rx(r"被不起诉人如不服|被害人如不服|如不服本决定|被附条件不起诉人如|^[ \t]*此\s*致"),
        strong=True,
        fallback=_DATE_LINE,
    ),
    _Rule(ATTACHMENTS, _ATTACH, strong=True),
)

_ARREST_RULES = (
    _Rule(PROCEDURE, _rx(r"你(?:局|分局|所|处|队|委|厅|部门|单位)|提请(?:本院)?批准逮捕"), at="sentence"),
    _Rule(FACTS, _PROC_FACTS),
    _Rule(REASONING, _rx(r"(?:经)?本院(?:依法)?审查(?:后)?认为|经审查认为|本院认为"), strong=True),
    _Rule(DECISION, _rx(r"决定(?:对[^。]{0,20}?)?(?:不(?:予)?)?批准(?:逮捕)?"), strong=True),
    _Rule(FOOTER, _DATE_LINE, strong=True, fallback=_rx(r"[（(]院印[)）]")),
    _Rule(ATTACHMENTS, _ATTACH, strong=True),
)

_PROTEST_RULES = (
    _Rule(PARTIES, _rx(r"原审被告人|被告人|被告单位|罪犯"), anchored=True),
    _Rule(
        PROCEDURE,
        _rx(r"人民法院以|(?:判决书|裁定书)[^。]{0,40}?(?:判决|裁定|判处)|审理[^。]{0,60}?一案"),
        at="sentence",
    ),
    _Rule(FACTS, _rx(r"经(?:本院)?(?:依法)?审查(?:查明|认定)|原(?:判|审判决)认定")),
    _Rule(REASONING, _rx(r"本院(?:依法)?审查后?认为|本院认为|理由如下"), strong=True),
    _Rule(DECISION, _rx(r"(?:提出|提起)抗诉"), at="sentence", strong=True),
    _Rule(FOOTER, _rx(r"^[ \t]*此\s*致|(?<=。)此致"), strong=True),
    _Rule(ATTACHMENTS, _ATTACH, strong=True),
)

_SUGGESTION_RULES = (
    _Rule(
        FACTS,
        _rx(
            r"本院在(?:办理|履行|依法)|(?:经|通过)(?:调查|审查|走访|检察)[^。]{0,20}?(?:发现|查明)|存在(?:以下|如下)问题"
        ),
        at="sentence",
    ),
    _Rule(REASONING, _rx(r"(?:上述|以上)(?:问题|情况|行为)|本院认为"), at="sentence"),
    _Rule(
        DECISION,
        _rx(r"(?:提出|特提出|现提出)(?:如下|以下)?(?:检察)?建议|建议如下|(?:检察)?建议[：:]"),
        at="sentence",
        strong=True,
    ),
    _Rule(
        FOOTER,
        _rx(r"请(?:你|贵)?(?:单位|局|院|部门)?(?:于|在|自)[^。]{0,40}?(?:回复|答复|反馈)"),
        at="sentence",
        strong=True,
        fallback=_DATE_LINE,
    ),
    _Rule(ATTACHMENTS, _ATTACH, strong=True),
)

_REVIEW_RULES = (
    _Rule(PARTIES, _rx(r"(?:犯罪嫌疑人|被告人|被告单位|当事人)(?:的)?(?:基本)?(?:情况|身份)")),
    _Rule(
        PROCEDURE,
        _rx(r"发、?破案经过|案件来源|诉讼过程|审查过程|诉讼经过|侦查经过|案件的?由来|受案情况"),
    ),
    _Rule(
        FACTS,
        _rx(
            r"(?:侦查机关|公安机关)?(?:经(?:依法)?)?(?:审查)?(?:认定|查明)的(?:犯罪)?事实|经(?:依法)?审查(?:认定|查明)"
        ),
    ),
    _Rule(
        EVIDENCE, _rx(r"认定上述事实的证据|证据(?:情况|分析|列举|摘录|如下)|^[ \t]*[一二三四五六七八九十]+、\s*证据")
    ),
    _Rule(
        REASONING,
        _rx(r"需要说明的(?:问题|情况)|审查意见|综合分析|分析意见|承办人意见|本院认为|对案件的(?:分析|认定)"),
        strong=True,
    ),
    _Rule(DECISION, _rx(r"处理意见|处理建议|审查结论|拟(?:作|提起|起诉|不起诉)"), strong=True),
    _Rule(FOOTER, _rx(r"^[ \t]*(?:承办人|承办检察官|检察官|检察员)[：:\s]"), strong=True),
    _Rule(ATTACHMENTS, _ATTACH, strong=True),
)

_OTHER_RULES = (
    _Rule(FACTS, _rx(r"【?基本案情】?|经审理查明|经审查查明|案件事实")),
    _Rule(PROCEDURE, _rx(r"【检察机关履职(?:过程|情况)】|【?裁判结果】?|诉讼过程|处理结果")),
    _Rule(REASONING, _rx(r"本院认为|【?裁判理由】?|【指导意义】|指导意义")),
    _Rule(ATTACHMENTS, _ATTACH),
)

_LAYOUTS: dict[str, tuple[_Rule, ...]] = {
    JUDGMENT: _JUDGMENT_RULES,
    RULING: _JUDGMENT_RULES,
    INDICTMENT: _INDICTMENT_RULES,
    NON_PROSECUTION: _NON_PROSECUTION_RULES,
    ARREST_APPROVAL: _ARREST_RULES,
    ARREST_REFUSAL: _ARREST_RULES,
    PROTEST: _PROTEST_RULES,
    SUGGESTION: _SUGGESTION_RULES,
    REVIEW_REPORT: _REVIEW_RULES,
    OTHER: _OTHER_RULES,
}
_WITH_ADDRESSEE = {ARREST_APPROVAL, ARREST_REFUSAL, SUGGESTION}
_COLON = re.compile(r"[ \t]*[：:]?")
_GAP = re.compile(r"[\s：:]*")
_ADDRESSEE = re.compile(r"\s*(?:致[:：]?\s*)?[^\n。，；：]{2,30}[：:][ \t]*(?:\n|$)")


def split_sections(text: str, doc_type: str) -> list[Section]:
    """Named, non-overlapping sections in text order (normalised offsets)."""
    if not text.strip():
        return []
    starts: list[tuple[str, int]] = []
    header_end = _header_end(text, doc_type)
    if header_end:
        starts.append((HEADER, 0))
    cursor = header_end
    rules = _LAYOUTS.get(doc_type, _OTHER_RULES)
    for i, rule in enumerate(rules):
        limit = _limit(text, rules[i + 1 :], cursor)
        # right after the header, a sentence that began in it still starts the section at its end
        floor = header_end if cursor == header_end else None
        pos = _find(text, rule, cursor, limit, floor=floor)
        if pos is None:
            continue
        if starts and pos <= starts[-1][1]:
            continue
        if not starts and pos > 0 and not text[:pos].strip():
            pos = 0
        starts.append((rule.name, pos))
        cursor = pos + 1
    out = []
    for (name, s), nxt in zip(starts, [*starts[1:], ("", len(text))], strict=False):
        if nxt[1] > s:
            out.append(Section(name, s, nxt[1]))
    return out


def _header_end(text: str, doc_type: str) -> int:
    """End of the header: after the document number, else after the title, else after a short first
    line; plus the addressee line for documents sent to one body (批捕决定书, 检察建议书)."""
    lead = len(text) - len(text.lstrip())
    head = text[lead : lead + HEAD_CHARS]
    number = _own_number(head)
    titles = _own_titles(head)
    if number:
        end = number.end
    elif titles:
        end = titles[0].end
    else:
        nl = head.find("\n")
        end = nl if 0 < nl <= 60 and head[nl:].strip() else 0
    if end == 0:
        return 0
    end = _COLON.match(head, end).end()  # type: ignore[union-attr]
    if doc_type in _WITH_ADDRESSEE:
        m = _ADDRESSEE.match(head, end)
        if m and not re.match(r"\s*(?:被告人|犯罪嫌疑人|被不起诉人)", m.group()):
            end = m.end()
    while end < len(head) and head[end].isspace():
        end += 1
    return lead + end


def _limit(text: str, later: tuple[_Rule, ...], cursor: int) -> int:
    """The earliest strong marker of a later section bounds where an earlier section may start."""
    limit = len(text)
    for rule in later:
        if rule.strong:
            pos = _find(text, rule, cursor, limit, use_fallback=False)
            if pos is not None:
                limit = min(limit, pos)
    return limit


def _find(
    text: str, rule: _Rule, start: int, end: int, *, use_fallback: bool = True, floor: int | None = None
) -> int | None:
    if rule.anchored:
        m = rule.pattern.match(text, _GAP.match(text, start).end(), end)  # type: ignore[union-attr]
        return m.start() if m else None
    m = _search(text, rule.pattern, start, end, rule.reject)
    if m is None and use_fallback and rule.fallback is not None:
        m = _search(text, rule.fallback, start, end, rule.reject)
    if m is None:
        return None
    if rule.at == "sentence":
        s = _sentence_start(text, m.start())
        if s >= start:
            return s
        return floor if floor is not None else m.start()
    return m.start()


def _search(
    text: str, rx: re.Pattern[str], start: int, end: int, reject: re.Pattern[str] | None
) -> re.Match[str] | None:
    for m in rx.finditer(text, start, end):
        if reject is None:
            return m
        own = [o.end() for o in _OWN_REASONING.finditer(text, 0, m.start())]
        if own and not reject.search(text, own[-1], m.start()):
            return m
    return None


def _sentence_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and not _SENT_END.match(text, i - 1):
        i -= 1
    while i < pos and text[i].isspace():
        i += 1
    return i
