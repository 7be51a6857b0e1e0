"""Legal wording checks a reviewer makes and a general spell checker does not.

Rule tables, each with a suggested replacement, a fixed confidence and the standard it follows:
* 截止/截至: 截止 (to end) takes no object; "截止2019年5月1日" should read 截至.
* 做出/作出: with abstract objects (决定, 判决, 处理 …) statutes and official documents write 作出.
* 帐/账: money and accounts are 账 (账户, 账目, 转账); 帐 only for curtains and tents (蚊帐, 帐篷).
* 其它/其他: formal legal texts use 其他 throughout (the statutes never write 其它).
* Non-standard law names: colloquial abbreviations (刑诉法, 高检规则 …) in a formal document.
* 常见错字错词: the common-misspelling list compiled at training time (see `scripts/train_typo.py`).
* Legal confusables: real words in the wrong place (上诉证据→上述, 指控实施→事实, 以盈利为目的, 免于刑事处罚)
  and misspellings particular to legal documents, from the table data/typo/legal_confusables.tsv.
* Procedural stage: 被告人 vs 犯罪嫌疑人 / 被不起诉人 for the document type (see `stage_findings`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import doctypes
from .words import tokenizer

BASIS_GUIFAN = "《通用规范汉字表》（国务院2013年发布）及《第一批异形词整理表》"
BASIS_LAW_NAME = "《中华人民共和国刑事诉讼法》与最高人民检察院法律文书格式样本：引用法律应使用全称"
BASIS_LEGAL_USAGE = "法律、司法解释条文的规范用语；《通用规范汉字表》（国务院2013年发布）"
BASIS_STAGE = (
    "《中华人民共和国刑事诉讼法》（2018）第三十四条：侦查、审查起诉阶段称“犯罪嫌疑人”，提起公诉后称“被告人”；"
    "《人民检察院刑事诉讼规则》（2019）第三百七十二条：不起诉决定书写明“被不起诉人”的基本情况"
)


@dataclass(frozen=True)
class WordingFinding:
    """A wording problem at normalised offsets [start, end)."""

    start: int
    end: int
    original: str
    suggestion: str
    confidence: float
    rule: str
    reason: str
    basis: str


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]
    confidence: float
    reason: str
    basis: str
    doc_types: frozenset[str] | None = None  # None: every document type
    # Only where no word of the sentence's segmentation crosses the match's edges: a listed misspelling
    # can be two words side by side (就坐在地上 is 就/坐在, 国有股分配 is 国有股/分配).
    word_aligned: bool = False


_TIME = (
    r"(?:[0-9〇零一二三四五六七八九十两]{2,4}年|[0-9一二三四五六七八九十]{1,3}月|本月|今年|去年|当年|同年|次年|上年|"
    r"目前|现在|今天|今日|当日|当天|该日|次日|此时|案发|发案|立案|报案|起诉|移送|审查起诉|判决|本案|本判决|本决定|"
    r"侦查终结|庭审|开庭|宣判|[0-9]{1,2}日)"
)
_ABSTRACT = (
    r"(?:决定|判决|裁定|裁决|处理|处罚|处分|规定|答复|回复|说明|解释|承诺|保证|贡献|结论|鉴定|批复|安排|选择|让步|努力|"
    r"评价|认定|批准|指示|表态|部署|修改|调整|决议|判断|检讨|供述|陈述|辩解|评估|审查|意见|指控|抗诉|答辩|"
    r"不起诉|起诉|逮捕|撤销|变更|补正|纠正|赔偿|回避|通知|告知|报告|反应|响应)"
)
FORMAL_TYPES = frozenset(
    {
        doctypes.INDICTMENT,
        doctypes.NON_PROSECUTION,
        doctypes.ARREST_APPROVAL,
        doctypes.ARREST_REFUSAL,
        doctypes.REVIEW_REPORT,
        doctypes.JUDGMENT,
        doctypes.RULING,
        doctypes.PROTEST,
        doctypes.SUGGESTION,
    }
)
# Colloquial law-name abbreviations → the full official name (quoted in the suggestion).
LAW_ABBREVIATIONS = {
    "刑诉法解释": "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》",
    "刑诉解释": "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》",
    "高检规则": "《人民检察院刑事诉讼规则》",
    "刑诉规则": "《人民检察院刑事诉讼规则》",
    "刑诉法": "《中华人民共和国刑事诉讼法》",
    "民诉法": "《中华人民共和国民事诉讼法》",
    "行诉法": "《中华人民共和国行政诉讼法》",
    "治安处罚法": "《中华人民共和国治安管理处罚法》",
    "道交法": "《中华人民共和国道路交通安全法》",
}


def _const(s: str) -> Callable[[re.Match[str]], str]:
    return lambda m: s


RULES: tuple[Rule, ...] = (
    Rule(
        "jiezhi_time",
        re.compile(r"截止(?=\s*" + _TIME + ")"),
        _const("截至"),
        0.9,
        "“截止”意为到期停止，不能直接带时间宾语；表示“到某时为止”应作“截至”",
        BASIS_GUIFAN,
    ),
    Rule(
        "jiezhi_deadline",
        re.compile(r"截至(?=日期|时间|期限|日$)"),
        _const("截止"),
        0.85,
        "表示期限届满的“截止日期/截止时间”应作“截止”",
        BASIS_GUIFAN,
    ),
    Rule(
        "zuochu",
        re.compile(r"做出(?=了?[^，。；、\s后并又就便再而却]{0,10}?" + _ABSTRACT + ")"),
        _const("作出"),
        0.85,
        "法律文书中与决定、判决、处理等抽象事物搭配时应作“作出”",
        "法律、司法解释及检察法律文书格式样本统一使用“作出”",
    ),
    Rule(
        "zhang_account",
        re.compile(r"(?<![蚊营军床纱帷罗毡])帐(?![篷幕子蓬])"),
        _const("账"),
        0.85,
        "与钱财、账目有关的意义应写作“账”（账户、账目、转账），“帐”只用于帐篷、蚊帐等",
        BASIS_GUIFAN,
    ),
    Rule(
        "qita",
        re.compile(r"其它"),
        _const("其他"),
        0.75,
        "正式法律文书统一用“其他”（法律条文不用“其它”）",
        "国家法律法规文本统一使用“其他”",
        FORMAL_TYPES,
    ),
    Rule(
        "law_abbreviation",
        re.compile("(?<![《〈])(?:" + "|".join(sorted(LAW_ABBREVIATIONS, key=len, reverse=True)) + ")"),
        lambda m: LAW_ABBREVIATIONS[m.group()],
        0.8,
        "正式法律文书引用法律应使用规范全称，不用简称、俗称",
        BASIS_LAW_NAME,
        FORMAL_TYPES,
    ),
)


# Listed misspellings that are also two ordinary words: only the listed sense is flagged. 就座 (take a
# seat) ends a clause; 就坐在/就坐车 is 就 (then) + 坐 (sit, ride), frequent in testimony.
MISSPELLING_CONTEXT = {"就坐": "就坐(?=[，。；、！]|$)"}


def common_misspelling_rule(pairs: dict[str, str]) -> Rule | None:
    """Rule over the compiled 常见错字错词 list: {wrong: correct}."""
    if not pairs:
        return None
    alternatives = (MISSPELLING_CONTEXT.get(w, re.escape(w)) for w in sorted(pairs, key=len, reverse=True))
    pattern = re.compile("|".join(alternatives), re.M)
    return Rule(
        "common_misspelling",
        pattern,
        lambda m: pairs[m.group()],
        0.85,
        "常见错字错词",
        BASIS_GUIFAN,
        word_aligned=True,
    )


def table_rules(path: Path) -> tuple[Rule, ...]:
    """Rules from a tab-separated table: regular expression of the wrong text, right text, confidence,
    reason (see data/typo/legal_confusables.tsv); `#` lines are comments."""
    rules = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            pattern, right, confidence, reason = line.split("\t")
            rules.append(Rule("legal_confusable", re.compile(pattern), _const(right), float(confidence), reason,
                              BASIS_LEGAL_USAGE))  # fmt: skip
        except (ValueError, re.error) as e:
            raise ValueError(f"{path}:{n}: not a valid rule row ({e})") from e
    return tuple(rules)


def _crosses_a_word(text: str, start: int, end: int) -> bool:
    """Whether a word of the segmentation around [start, end) begins or ends strictly inside it."""
    s, e = max(0, start - 8), min(len(text), end + 8)
    for _, ws, we in tokenizer().tokenize(text[s:e], HMM=False):
        ws, we = ws + s, we + s
        if (ws < start < we) or (ws < end < we):
            return True
    return False


def rule_findings(text: str, doc_type: str, rules: Iterable[Rule]) -> list[WordingFinding]:
    out = []
    for rule in rules:
        if rule.doc_types is not None and doc_type not in rule.doc_types:
            continue
        for m in rule.pattern.finditer(text):
            if rule.word_aligned and _crosses_a_word(text, m.start(), m.end()):
                continue
            out.append(
                WordingFinding(
                    m.start(), m.end(), m.group(), rule.replace(m), rule.confidence, rule.name, rule.reason, rule.basis
                )
            )
    return out


# --- procedural stage: 被告人 / 犯罪嫌疑人 / 被不起诉人 ----------------------------------------------------
PRE_INDICTMENT = frozenset({doctypes.ARREST_APPROVAL, doctypes.ARREST_REFUSAL, doctypes.REVIEW_REPORT})
# A sentence about a trial (a prior conviction, another court's judgment) may rightly say 被告人.
_COURT_CONTEXT = re.compile(r"判决|(?<!可能)判处|裁定|法院|审理|开庭|原审|一审|二审|上诉|再审|刑初|刑终|前科|服刑|刑满")
_NOT_INDICTED = re.compile(r"另案|在逃|同案|另行|未到案|已判|不起诉|撤回|脱逃|负案")
_DEFENDANT = re.compile(r"(?<![原])被告人")
_SUSPECT = re.compile(r"犯罪嫌疑人")
# The statutes name both stages at once (犯罪嫌疑人、被告人供述和辩解; 被告人或者犯罪嫌疑人): not a stage error.
_BOTH_STAGES = re.compile(r"犯罪嫌疑人(?:、|或者?|和|及|与)被告人|被告人(?:、|或者?|和|及|与)犯罪嫌疑人")


def _in_both_stages(text: str, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in _BOTH_STAGES.finditer(text, max(0, start - 8), end + 8))


def stage_findings(text: str, doc_type: str, sentences: list[tuple[int, int]]) -> list[WordingFinding]:
    """被告人 before indictment (arrest decisions, review reports, non-prosecution) and 犯罪嫌疑人 for an
    indicted person in a 起诉书."""
    from .protect import _name_after  # a name right after the role word

    def sentence_of(pos: int) -> str:
        for s, e in sentences:
            if s <= pos < e:
                return text[s:e]
        return text[max(0, pos - 40) : pos + 40]

    out: list[WordingFinding] = []
    if doc_type in PRE_INDICTMENT or doc_type == doctypes.NON_PROSECUTION:
        right = "被不起诉人" if doc_type == doctypes.NON_PROSECUTION else "犯罪嫌疑人"
        conf = 0.6 if doc_type == doctypes.REVIEW_REPORT else 0.8
        name_zh = doctypes.NAMES_ZH[doc_type]
        for m in _DEFENDANT.finditer(text):
            if _COURT_CONTEXT.search(sentence_of(m.start())) or _in_both_stages(text, m.start(), m.end()):
                continue
            out.append(
                WordingFinding(
                    m.start(), m.end(), "被告人", right, conf, "stage_defendant",
                    f"{name_zh}处于提起公诉之前，当事人应称“{right}”而非“被告人”", BASIS_STAGE,
                )
            )  # fmt: skip
    elif doc_type == doctypes.INDICTMENT:
        defendants = set()
        for m in _DEFENDANT.finditer(text):
            end = _name_after(text, m.end())
            if end > m.end():
                defendants.add(text[m.end() : end])
        for m in _SUSPECT.finditer(text):
            if _in_both_stages(text, m.start(), m.end()):
                continue
            end = _name_after(text, m.end())
            name = text[m.end() : end]
            sent = sentence_of(m.start())
            if name and name in defendants:
                conf = 0.85
            elif _NOT_INDICTED.search(sent) or _COURT_CONTEXT.search(sent):
                continue
            else:
                conf = 0.55
            out.append(
                WordingFinding(
                    m.start(), m.end(), "犯罪嫌疑人", "被告人", conf, "stage_suspect",
                    "起诉书中被提起公诉的人应称“被告人”", BASIS_STAGE,
                )
            )  # fmt: skip
    return out
