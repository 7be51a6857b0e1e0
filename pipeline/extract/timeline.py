"""The procedural timeline of a case: dated events (拘留, 逮捕, 移送审查起诉, 提起公诉, 判决 …) per person.

How an event is read from a sentence such as
"被告人张某，男，…，因涉嫌盗窃罪，于2019年3月1日被某县公安局刑事拘留，同年3月8日经本院批准逮捕":
* a trigger phrase (刑事拘留, 批准逮捕 …) from the table below; evidence names (拘留证, 逮捕决定书),
  negations (未经退回补充侦查) and prior convictions (曾因犯…, 刑满释放) are skipped;
* its date is the nearest date mention before it in the same clause, else a date left over from an
  earlier clause of the same sentence that no other event used ("2018年2月5日，经…批准，次日…执行逮捕");
  a birth date ("…出生") is never taken;
* its person is the defendant whose basic-information paragraph it sits in, else the defendants named
  before it in its clause (several for "被告人甲、乙于…"), else the nearest one named before it in the
  sentence; with only one defendant in the document, personal events without a name are his;
* its actor (公安局/人民检察院/人民法院/本院) is the organ named before it in its clause.

Case-wide events (移送审查起诉, 提起公诉, 判决 …) may have no person: they concern every defendant.
All offsets are NORMALISED; `Context.span` maps them to raw text for evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from ..doctypes import ARREST_APPROVAL, ARREST_REFUSAL, INDICTMENT, JUDGMENT, NON_PROSECUTION, PROCURATORIAL
from ..law.holidays import Period
from .dates import ABSOLUTE, DAY, DateMention, cn_int, extract_dates
from .persons import extract_persons

if TYPE_CHECKING:
    from ..detectors.base import Context

# ------------------------------------------------------------------------------------------ event kinds

CAUGHT = "caught"  # 抓获/到案/投案
CUSTODY = "custody"  # 被羁押/关押/寄押
DETAINED = "detained"  # 刑事拘留
DETENTION_EXTENDED = "detention_extended"  # 延长拘留期限 / 提请批准逮捕时间延长至三十日
ARREST_REQUESTED = "arrest_requested"  # 提请批准逮捕
ARREST_APPROVED = "arrest_approved"  # 批准逮捕
ARREST_REFUSED = "arrest_refused"  # 不批准逮捕
ARREST_DECIDED = "arrest_decided"  # 决定逮捕 (人民检察院自侦 / 人民法院)
ARRESTED = "arrested"  # 执行逮捕 / 被逮捕
BAIL = "bail"  # 取保候审
RESIDENCE = "residence"  # 监视居住 (designated=True for 指定居所监视居住)
MEASURE_LIFTED = "measure_lifted"  # 解除取保候审/监视居住/强制措施
RELEASED = "released"  # 释放
INVESTIGATION_EXTENDED = "investigation_extended"  # 延长侦查羁押期限
TRANSFERRED = "transferred"  # 移送审查起诉
REVIEW_RECEIVED = "review_received"  # 人民检察院受理
RIGHTS_NOTIFIED = "rights_notified"  # 告知有权委托辩护人
RETURNED = "returned"  # 退回补充侦查
RESUBMITTED = "resubmitted"  # 补充侦查完毕 / 重新移送审查起诉
REVIEW_EXTENDED = "review_extended"  # 延长审查起诉期限
INDICTED = "indicted"  # 提起公诉
NOT_PROSECUTED = "not_prosecuted"  # 不起诉决定
COURT_RECEIVED = "court_received"  # 人民法院受理/立案
TRIAL_EXTENDED = "trial_extended"  # 延长审限
POSTPONED = "postponed"  # 延期审理
SUSPENDED = "suspended"  # 停止计算羁押期限 / 中止审理 / 不计入期限
RESUMED = "resumed"  # 恢复计算 / 恢复审理
JUDGED = "judged"  # 作出判决 / 宣判
INTERROGATED = "interrogated"  # 第一次讯问
SENTENCE_CREDIT = "sentence_credit"  # 刑期折抵：即自A起至B止

NAMES_ZH = {
    CAUGHT: "抓获到案", CUSTODY: "羁押", DETAINED: "刑事拘留", DETENTION_EXTENDED: "延长拘留期限",
    ARREST_REQUESTED: "提请批准逮捕", ARREST_APPROVED: "批准逮捕", ARREST_REFUSED: "不批准逮捕",
    ARREST_DECIDED: "决定逮捕", ARRESTED: "执行逮捕", BAIL: "取保候审", RESIDENCE: "监视居住",
    MEASURE_LIFTED: "解除强制措施", RELEASED: "释放", INVESTIGATION_EXTENDED: "延长侦查羁押期限",
    TRANSFERRED: "移送审查起诉", REVIEW_RECEIVED: "检察院受理", RIGHTS_NOTIFIED: "告知委托辩护人权利",
    RETURNED: "退回补充侦查", RESUBMITTED: "补充侦查完毕重新移送", REVIEW_EXTENDED: "延长审查起诉期限",
    INDICTED: "提起公诉", NOT_PROSECUTED: "不起诉", COURT_RECEIVED: "法院受理", TRIAL_EXTENDED: "延长审限",
    POSTPONED: "延期审理", SUSPENDED: "停止计算期限", RESUMED: "恢复计算期限", JUDGED: "判决",
    INTERROGATED: "第一次讯问", SENTENCE_CREDIT: "刑期折抵",
}  # fmt: skip

# Events about the whole case: without a name they concern every defendant.
CASE_KINDS = frozenset(
    {TRANSFERRED, REVIEW_RECEIVED, RIGHTS_NOTIFIED, RETURNED, RESUBMITTED, REVIEW_EXTENDED, INDICTED,
     NOT_PROSECUTED, COURT_RECEIVED, TRIAL_EXTENDED, POSTPONED, JUDGED}
)  # fmt: skip
# Events that matter even without a date (they change a limit or count toward one).
UNDATED_KINDS = frozenset({DETENTION_EXTENDED, INVESTIGATION_EXTENDED, RETURNED, REVIEW_EXTENDED, TRIAL_EXTENDED})

POLICE, PROCURATORATE, COURT, SUPERVISION = "police", "procuratorate", "court", "supervision"


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    date: date | None
    start: int  # normalised offsets of the evidence: from the date (when in the same clause) to the trigger
    end: int
    trigger: str
    persons: tuple[str, ...] = ()
    actor: str | None = None  # as written: 某县公安局, 本院 …
    actor_kind: str | None = None  # police | procuratorate | court | supervision
    date_mention: DateMention | None = None
    length: Period | None = None  # for 延长… events: the extension stated
    count: int | None = None  # for 退回补充侦查 二次 / 延长…一次
    until: date | None = None  # 刑期折抵: the stated last day
    detail: str | None = None  # 刑期折抵: the term (有期徒刑三年); judged: the case number
    instance: str | None = None  # judged / court_received: "first" | "second"
    designated: bool = False  # 指定居所监视居住
    synthetic: bool = False  # made from the document's own date (an 起诉书 is itself the 提起公诉)

    @property
    def person(self) -> str | None:
        return self.persons[0] if len(self.persons) == 1 else None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def name_zh(self) -> str:
        return NAMES_ZH[self.kind]

    @property
    def confident(self) -> bool:
        """A date read safely: day precision, valid, and not resolved by guesswork."""
        m = self.date_mention
        return self.date is not None and (m is None or (m.confident and m.valid and m.precision == DAY))


# ------------------------------------------------------------------------------------------ trigger table

_EVIDENCE_AFTER = r"(?!证|决定书|通知书|书|证明|执行回执|回执|登记|手续|期间|期限|条件|的条件|必要|措施|经过|情况)"
_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(p))
    for k, p in (
        (MEASURE_LIFTED, r"解除(?:对\S{0,8}?的)?(?:取保候审|监视居住|强制措施)"),
        (DETENTION_EXTENDED, r"延长拘留期限|(?:提请(?:审查)?批准(?:逮捕)?的?(?:时间|期限))(?:延长|延至)"),
        (INVESTIGATION_EXTENDED, r"延长(?:侦查)?羁押期限|(?:侦查)?羁押期限(?:延长|延至)"),
        (REVIEW_EXTENDED, r"延长审查起诉期限"),
        (TRIAL_EXTENDED, r"延长(?:审理期限|审限)"),
        (SUSPENDED, r"停止计算[^，。；]{0,6}期限|中止审理|不计入[^，。；]{0,6}期限"),
        (RESUMED, r"恢复计算|恢复审理"),
        (POSTPONED, r"延期审理"),
        (ARREST_REFUSED, rf"不(?:予)?批准逮捕{_EVIDENCE_AFTER}"),
        (ARREST_REQUESTED, rf"(?:提请|报请)(?:本院|[^，。；]{{0,12}}?检察院)?(?:审查)?(?:批准)?逮捕{_EVIDENCE_AFTER}"),
        (
            ARREST_APPROVED,
            # A bare "经…检察院批准，" approves an arrest unless its object is an extension that follows:
            # "经某市人民检察院批准，延长侦查羁押期限一个月" is an extension event, not an arrest approval.
            rf"(?<!不)批准(?:对\S{{0,8}}?)?(?:执行)?逮捕{_EVIDENCE_AFTER}|(?:(?<=检察院)|(?<=检察机关))(?:依法)?批准(?=[，。；]|$)"
            r"(?![，,][^，。；]{0,14}?(?:延长|延至|延期))",
        ),
        (ARREST_DECIDED, rf"决定(?:对\S{{0,8}}?)?(?:执行)?逮捕{_EVIDENCE_AFTER}"),
        (ARRESTED, rf"逮捕{_EVIDENCE_AFTER}(?!后|人|时)"),
        (
            DETAINED,
            rf"(?:刑事拘留|刑拘|(?<!行政)(?<!司法)(?<!治安)拘留){_EVIDENCE_AFTER}(?!所|\d|[一二三四五六七八九十]+日)",
        ),
        (BAIL, rf"取保候审{_EVIDENCE_AFTER}(?!保证)"),
        (RESIDENCE, rf"(?:指定居所)?监视居住{_EVIDENCE_AFTER}"),
        (RELEASED, r"(?<!刑满)(?<!假)(?<!期满)释放(?!证|的)"),
        (CUSTODY, r"(?:被|予以|临时)(?:羁押|关押|收押|收监|寄押)|送(?:往|交)?看守所(?:羁押|关押)"),
        (CAUGHT, r"(?:抓获|抓捕归案|挡获|缉拿归案|扭送|投案|到案|归案)(?!经过|情况|说明|证明|登记|后)"),
        (
            RESUBMITTED,
            r"(?:重新|再次)移送(?:本院|[^，。；]{0,15}?检察院)?(?:审查)?起诉|补充侦查完毕|补查完毕|补充侦查终结",
        ),
        (TRANSFERRED, r"移送(?:本院|[^，。；]{0,15}?检察院)?审查起诉|移送起诉"),
        (RETURNED, r"退回(?:公安机关|侦查机关|[^，。；]{0,8}?)?补充侦查|退回补侦|退查"),
        (RIGHTS_NOTIFIED, r"告知[^，。；]{0,12}?有权委托辩护人|告知[^，。；]{0,12}?诉讼权利|权利义务告知"),
        (INDICTED, r"提起公诉|向本院起诉|起诉(?:至|到)本院"),
        (NOT_PROSECUTED, r"(?:作出|决定)[^，。；]{0,6}不起诉"),
        (JUDGED, r"作出[^，。；]{0,40}?刑[^，。；]{0,30}?(?:判决|裁定)书?|(?:公开|当庭|定期)?宣判(?!后|前|时|笔录)"),
        (INTERROGATED, r"(?:第一次|首次)讯问"),
        ("received", r"受理(?!案件|登记|通知)|(?<=本院)(?:于[^，。；]{0,14}?)?立案(?!侦查|审查)"),
    )
)
_NEGATED_BEFORE = re.compile(
    r"(?:未经|未|没有|无|不需|无需|不予|不应|不宜|拒不|建议|申请|要求|应当|可以|是否|能否)\S{0,2}$"
)
# Clauses about an earlier conviction or an administrative penalty start a "prior" run inside a sentence.
_PRIOR = re.compile(r"曾因|曾于|曾被|因犯|前科|刑满|劳动教养|行政处罚|行政拘留")
_CURRENT = re.compile(r"涉嫌|因本案|本案")
_BIRTH_AFTER = re.compile(r"\s*(?:出生|生(?:人|[，,。]))")
_ACTOR = re.compile(
    r"(本院|原审法院|一审法院|[\u4e00-\u9fff]{0,20}?(?:公安分局|公安局|公安处|派出所|公安机关|人民检察院|检察院|检察机关|"
    r"人民法院|法院|国家安全局|监察委员会|监委|看守所))"
)
_CLAUSE_SPLIT = re.compile(r"[，,：:]")
_COUNT = re.compile(r"([一二两三四五六七八九\d])次")
_LENGTH = re.compile(r"(?:至|到|为)?(半个月|[\d一二两三四五六七八九十]+)\s*(个月|日|天)")
_CASE_NO = re.compile(r"[（(〔\[]\s*\d{4}\s*[）)〕\]][^，。；]{0,12}?刑(初|终)")
_TERMINATOR = re.compile(
    r"(?:辩护人|指定辩护人|委托辩护人|诉讼代理人|委托诉讼代理人|法定代理人|(?:原)?公诉机关|被害人|附带民事|本院|"
    r"原审法院|现已审理终结|经审理查明|经审查|本案由|[^，。；]{0,40}?人民(?:检察院|法院)(?:以|审理|指控|于))"
)
_DEFENDANT_ROLES = {"被告人", "犯罪嫌疑人", "原审被告人", "上诉人", "被不起诉人"}


# ------------------------------------------------------------------------------------------ public API


def extract_timeline(ctx: Context) -> list[Event]:
    """Procedural events of the document in text order, memoised on the context as fact "timeline"."""
    return ctx.fact("timeline", _build_timeline)


def defendants(ctx: Context) -> list[str]:
    """Names of the 被告人/犯罪嫌疑人 whose basic-information paragraphs the document has, in order."""
    return list(dict.fromkeys(n for n, _s, _e in _defendant_blocks(ctx)))


def document_dates(ctx: Context) -> list[DateMention]:
    """Every date mention of the normalised text, memoised as fact "dates"."""
    return ctx.fact("dates", lambda c: extract_dates(c.text))


def document_date(ctx: Context) -> DateMention | None:
    """The document's own date (落款), memoised as fact "document_date"; None when it cannot be told."""
    return ctx.fact("document_date", lambda c: find_document_date(c.text, document_dates(c)))


def document_instance(ctx: Context) -> str | None:
    """ "first" for a 刑初 document, "second" for 刑终, from the case number in its head; else None."""

    def compute(c: Context) -> str | None:
        cn = _CASE_NO.search(c.text, 0, min(len(c.text), 300))
        return None if cn is None else "first" if cn.group(1) == "初" else "second"

    return ctx.fact("document_instance", compute)


def find_document_date(text: str, dates: list[DateMention] | None = None) -> DateMention | None:
    """The 落款 date: a full date alone on its line (院印 marks allowed) or right after the signatures,
    in the last third of the text. A truncated text whose last date is in the facts has none."""
    tail_from = max(0, min(len(text) * 2 // 3, len(text) - 300))
    found = [
        d
        for d in (extract_dates(text) if dates is None else dates)
        if d.start >= tail_from and d.kind == ABSOLUTE and d.precision == DAY
    ]
    for d in reversed(found):
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = re.sub(r"[\s（()）院印章]", "", text[line_start : d.start] + text[d.end : line_end])
        signed = re.search(
            r"(?:审判长|审判员|人民陪审员|检察官|检察员|代理检察员|检察长)[^。；]{0,40}$",
            text[max(0, d.start - 80) : d.start],
        )
        if rest == "" or signed:
            return d if d.valid else None
    return None


# ------------------------------------------------------------------------------------------ building


@dataclass(slots=True)
class _Pending:
    mention: DateMention | None = None
    used: bool = False
    birth: bool = False


@dataclass(slots=True)
class _Build:
    ctx: Context
    dates: list[DateMention]
    date_starts: list[int]
    triggers: list[tuple[str, int, int]]
    trigger_starts: list[int]
    names: list[str]
    name_re: re.Pattern[str] | None
    blocks: list[tuple[str, int, int]]
    events: list[Event] = field(default_factory=list)


def _build_timeline(ctx: Context) -> list[Event]:
    text = ctx.text
    blocks = _defendant_blocks(ctx)
    names = sorted({n for n, _s, _e in blocks}, key=len, reverse=True)
    name_re = re.compile("|".join(re.escape(n) for n in names)) if names else None
    dates = document_dates(ctx)
    triggers = _find_triggers(text)
    b = _Build(
        ctx=ctx, dates=dates, date_starts=[d.start for d in dates], triggers=triggers,
        trigger_starts=[t[1] for t in triggers], names=[n for n, _s, _e in blocks], name_re=name_re, blocks=blocks,
    )  # fmt: skip
    sentences = ctx.sentences or [(0, len(text))]
    for s_start, s_end in sentences:
        _read_sentence(b, s_start, s_end)
    b.events.extend(_sentence_credits(b))
    b.events.extend(_synthetic_events(ctx, b))
    only = list(dict.fromkeys(b.names))
    if len(only) == 1:  # one defendant: personal events without a name are his
        b.events = [e if e.persons or e.kind in CASE_KINDS else _with_persons(e, (only[0],)) for e in b.events]
    b.events.sort(key=lambda e: e.start)
    out: list[Event] = []
    for e in b.events:  # "补充侦查完毕重新移送审查起诉": two triggers, one event
        if (
            out
            and (out[-1].kind, out[-1].date, out[-1].persons) == (e.kind, e.date, e.persons)
            and e.start - out[-1].end < 12
        ):
            continue
        out.append(e)
    return out


def _with_persons(e: Event, persons: tuple[str, ...]) -> Event:
    return replace(e, persons=persons)


def _defendant_blocks(ctx: Context) -> list[tuple[str, int, int]]:
    """(name, start, end) of each defendant's basic-information paragraph (through its 强制措施 sentences)."""

    def compute(c: Context) -> list[tuple[str, int, int]]:
        persons = extract_persons(c)
        out = []
        for i, p in enumerate(persons):
            if not (set(p.roles) & _DEFENDANT_ROLES) or "被害人" in p.roles:
                continue
            limit = persons[i + 1].clause[0] if i + 1 < len(persons) else len(c.text)
            end = limit
            for s, _e in c.sentences:
                if s <= p.clause[0] or s >= limit:
                    continue
                if _TERMINATOR.match(c.text, s):
                    end = s
                    break
            out.append((p.name, p.clause[0], end))
        return out

    return ctx.fact("defendant_blocks", compute)


def _read_sentence(b: _Build, s_start: int, s_end: int) -> None:
    text = b.ctx.text
    pending = _Pending()
    prior = False
    pos = s_start
    clauses = []
    for m in _CLAUSE_SPLIT.finditer(text, s_start, s_end):
        clauses.append((pos, m.start()))
        pos = m.end()
    clauses.append((pos, s_end))
    prior_dated = False
    for c_start, c_end in clauses:
        clause = text[c_start:c_end]
        clause_dates = b.dates[bisect_left(b.date_starts, c_start) : bisect_left(b.date_starts, c_end)]
        absolute = any(d.kind == ABSOLUTE for d in clause_dates)
        # A prior conviction/penalty runs from its marker until its statement is over: a later clause with a
        # fresh absolute date and no marker starts a new statement ("…行政拘留15日，2018年8月31日被抓获").
        if _PRIOR.search(clause) and not _CURRENT.search(clause):
            prior, prior_dated = True, prior_dated or bool(clause_dates)
        elif _CURRENT.search(clause) or (prior and prior_dated and absolute):
            prior = prior_dated = False
        elif prior and clause_dates:
            prior_dated = True
        triggers = [
            t
            for t in b.triggers[bisect_left(b.trigger_starts, c_start) : bisect_left(b.trigger_starts, c_end)]
            if t[2] <= c_end
        ]
        for d in clause_dates:
            if _BIRTH_AFTER.match(text, d.end):
                pending = _Pending(d, birth=True)
        for kind, t_start, t_end in triggers:
            if prior:
                continue
            before = [d for d in clause_dates if d.end <= t_start and not _BIRTH_AFTER.match(text, d.end)]
            mention = before[-1] if before else None
            if mention is None and kind in _DATES_AFTER_KINDS:
                # "退回补充侦查二次（2019年6月3日、2019年8月1日）": one event per date in the brackets
                after = _bracketed_dates(b, t_end)
                if after:
                    for d in after:
                        ev = _make_event(b, kind, d, t_start, t_end, c_start, c_end)
                        if ev is not None:
                            b.events.append(ev)
                    continue
            if mention is None and pending.mention is not None and not pending.used and not pending.birth:
                mention = pending.mention
            ev = _make_event(b, kind, mention, t_start, t_end, c_start, c_end)
            if ev is not None:
                b.events.append(ev)
        if triggers and not prior:
            pending.used = True
        last = [d for d in clause_dates if not _BIRTH_AFTER.match(text, d.end)]
        if last and not triggers:
            pending = _Pending(last[-1])


_DATES_AFTER_KINDS = {
    RETURNED,
    RESUBMITTED,
    REVIEW_EXTENDED,
    INVESTIGATION_EXTENDED,
    TRIAL_EXTENDED,
    DETENTION_EXTENDED,
}
_BRACKET_AFTER = re.compile(r"[^（(。；]{0,8}?[（(](?P<inner>[^）)]{4,80})[）)]")


def _bracketed_dates(b: _Build, t_end: int) -> list[DateMention]:
    m = _BRACKET_AFTER.match(b.ctx.text, t_end)
    if not m:
        return []
    lo, hi = m.start("inner"), m.end("inner")
    return [d for d in b.dates[bisect_left(b.date_starts, lo) : bisect_left(b.date_starts, hi)] if d.precision == DAY]


def _find_triggers(text: str) -> list[tuple[str, int, int]]:
    """Every trigger of the text, earlier table rows winning overlaps, negated ones dropped, in text order."""
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pat in _TRIGGERS:
        for m in pat.finditer(text):
            if _CLAUSE_SPLIT.search(m.group(0)) or any(m.start() < e and s < m.end() for s, e in taken):
                continue
            clause_start = max(text.rfind(c, 0, m.start()) for c in "，,：:。；\n") + 1
            if _NEGATED_BEFORE.search(text[max(clause_start, m.start() - 6) : m.start()]):
                continue
            taken.append(m.span())
            found.append((kind, m.start(), m.end()))
    found.sort(key=lambda t: t[1])
    return found


def _make_event(
    b: _Build, kind: str, mention: DateMention | None, t_start: int, t_end: int, c_start: int, c_end: int
) -> Event | None:
    text = b.ctx.text
    actor, actor_kind = _actor(b.ctx, text[c_start:t_start])
    if actor is None and kind in (JUDGED, "received"):
        # "原审法院于…送达…，并于…宣判": a court's act may name the court in an earlier clause
        actor, actor_kind = _actor(b.ctx, text[b.ctx.sentence_at(t_start)[0] : t_start])
    if kind == "received":
        # Only this office's own receipt of the criminal case: "本院于…受理", not a civil execution filing.
        if actor != "本院" or actor_kind not in (PROCURATORATE, COURT):
            return None
        kind = REVIEW_RECEIVED if actor_kind == PROCURATORATE else COURT_RECEIVED
    value = mention.value if mention is not None and mention.precision == DAY else None
    if value is None and kind not in UNDATED_KINDS:
        return None
    start = mention.start if mention is not None and mention.start < t_start else t_start
    end = mention.end if mention is not None and mention.start > t_start else t_end  # "退回补充侦查（2019年6月3日）"
    persons = _persons_for(b, t_start, c_start, case_wide=kind in CASE_KINDS)
    window = text[t_end : min(c_end + 12, len(text))]
    length = (
        _length(window)
        if kind in (DETENTION_EXTENDED, INVESTIGATION_EXTENDED, REVIEW_EXTENDED, TRIAL_EXTENDED)
        else None
    )
    count = None
    if kind in (RETURNED, REVIEW_EXTENDED, INVESTIGATION_EXTENDED):
        cm = _COUNT.search(text[max(c_start, t_start - 6) : t_start]) or _COUNT.match(window)
        count = cn_int(cm.group(1)) if cm else None
    instance = None
    detail = None
    if kind in (JUDGED, COURT_RECEIVED):
        cn = _CASE_NO.search(text, c_start, t_end)
        if cn:
            instance = "first" if cn.group(1) == "初" else "second"
            detail = cn.group(0)
        elif actor == "本院":
            instance = document_instance(b.ctx)
        elif actor_kind == COURT and document_instance(b.ctx) == "second":
            instance = "first"  # 原审法院/一审法院/another court named in an appeal judgment
        # otherwise unknown: a bare "于…宣判" may be either trial
    return Event(
        kind=kind, date=value, start=start, end=end, trigger=text[t_start:t_end], persons=persons,
        actor=actor, actor_kind=actor_kind, date_mention=mention if value else None, length=length, count=count,
        detail=detail, instance=instance, designated=text[t_start:t_end].startswith("指定居所"),
    )  # fmt: skip


def _actor(ctx: Context, before: str) -> tuple[str | None, str | None]:
    found = list(_ACTOR.finditer(before))
    if not found:
        return None, None
    actor = found[-1].group(1)
    if actor == "本院":
        return actor, PROCURATORATE if ctx.doc_type in PROCURATORIAL else COURT if ctx.doc_type != "other" else None
    if re.search(r"检察", actor):
        return actor, PROCURATORATE
    if re.search(r"法院", actor):
        return actor, COURT
    if re.search(r"监察|监委", actor):
        return actor, SUPERVISION
    return actor, POLICE


def _persons_for(b: _Build, t_start: int, c_start: int, *, case_wide: bool) -> tuple[str, ...]:
    """Who an event concerns; a case-wide event only takes the names written in its own clause."""
    if b.name_re is None:
        return ()
    text = b.ctx.text
    if case_wide:
        return tuple(dict.fromkeys(m.group(0) for m in b.name_re.finditer(text, c_start, t_start)))
    for name, s, e in b.blocks:
        if s <= t_start < e:
            return (name,)
    in_clause = list(dict.fromkeys(m.group(0) for m in b.name_re.finditer(text, c_start, t_start)))
    if in_clause:
        return tuple(in_clause)
    s_start, _ = b.ctx.sentence_at(t_start)
    in_sentence = [m.group(0) for m in b.name_re.finditer(text, s_start, t_start)]
    return (in_sentence[-1],) if in_sentence else ()


def _length(window: str) -> Period | None:
    m = _LENGTH.match(window) or _LENGTH.search(window[:8])
    if not m:
        return None
    if m.group(1) == "半个月":
        return Period(days=15)
    n = cn_int(m.group(1).replace("两", "二"))
    if n is None:
        return None
    return Period(months=n) if m.group(2) == "个月" else Period(days=n)


# ------------------------------------------------------------------------------------------ 刑期折抵

# Only a 刑期折抵 range: "借款期限为三个月，即自…起至…止" is a loan term.
_CREDIT = re.compile(r"折抵刑期[^。；]{0,12}?即自(?P<a>[^，。；]{4,24}?)起至(?P<b>[^，。；）)]{4,24}?)止")
_TERM_BEFORE = re.compile(r"(?:判处|决定执行|执行)(?P<term>(?:有期徒刑|拘役)[\d一二两三四五六七八九十年零个月日天]+)")


_DECISION_START = re.compile(r"(?:判决|裁定|决定)如下")


def _last_end(first: re.Match[str] | None, pos: int) -> int:
    """Where the last "判决如下" before `pos` ends (`first` is the first one in the look-back), else `pos`."""
    if first is None:
        return pos
    last = first
    while (nxt := _DECISION_START.search(first.string, last.end(), pos)) is not None:
        last = nxt
    return last.end()


def _sentence_credits(b: _Build) -> list[Event]:
    text = b.ctx.text
    out = []
    for m in _CREDIT.finditer(text):
        a = [d for d in b.dates if m.start("a") <= d.start and d.end <= m.end("a")]
        z = [d for d in b.dates if m.start("b") <= d.start and d.end <= m.end("b")]
        if len(a) != 1 or len(z) != 1 or a[0].precision != DAY or z[0].precision != DAY:
            continue
        item_start = max(text.rfind("\n", 0, m.start()), m.start() - 300, 0)
        # Published judgments often put the "（刑期从…即自…起至…止）" note on its own line after the line with the
        # term: look back through the decision section to the nearest term, if no other defendant is named since.
        decision = _DECISION_START.search(text, max(0, m.start() - 1500), m.start())
        look_from = min(item_start, _last_end(decision, m.start()))
        terms = list(_TERM_BEFORE.finditer(text, look_from, m.start()))
        term_m = terms[-1] if terms else None
        persons: tuple[str, ...] = ()
        if b.name_re is not None:
            named = list(b.name_re.finditer(text, look_from, m.start()))
            persons = (named[-1].group(0),) if named else ()
            if term_m is not None and term_m.start() < item_start:
                owner = [n.group(0) for n in named if n.start() < term_m.start()]
                if persons and (not owner or owner[-1] != persons[0]):
                    term_m = None  # another defendant is named between that term and the note
        term = term_m.group("term") if term_m else None
        out.append(
            Event(
                kind=SENTENCE_CREDIT,
                date=a[0].value,
                start=m.start(),
                end=m.end(),
                trigger=m.group(0),
                persons=persons,
                date_mention=a[0] if a[0].value else None,
                until=z[0].value,
                detail=term,
            )  # fmt: skip
        )
    return out


# ------------------------------------------------------------------------------------------ the document itself

_SYNTHETIC = {INDICTMENT: INDICTED, NON_PROSECUTION: NOT_PROSECUTED, ARREST_APPROVAL: ARREST_APPROVED,
              ARREST_REFUSAL: ARREST_REFUSED, JUDGMENT: JUDGED}  # fmt: skip


def _synthetic_events(ctx: Context, b: _Build) -> list[Event]:
    """An 起诉书 is itself the 提起公诉, a 判决书 the 判决: its own date dates that event."""
    kind = _SYNTHETIC.get(ctx.doc_type)
    d = document_date(ctx)
    if kind is None or d is None or d.value is None:
        return []
    if any(e.kind == kind and e.date == d.value for e in b.events):
        return []
    instance = document_instance(ctx) if kind == JUDGED else None
    detail = None
    actor_kind = COURT if kind == JUDGED else PROCURATORATE
    return [
        Event(
            kind=kind,
            date=d.value,
            start=d.start,
            end=d.end,
            trigger=d.text,
            actor="本院",
            actor_kind=actor_kind,
            date_mention=d,
            instance=instance,
            detail=detail,
            synthetic=True,
        )  # fmt: skip
    ]


# ------------------------------------------------------------------------------------------ procedure notes


@dataclass(frozen=True, slots=True)
class ProcedureNotes:
    """What the document says about the procedure that changes how clocks run (no dates needed)."""

    speedy: bool = False  # 速裁程序
    summary: bool = False  # 简易程序
    long_detention_allowed: bool = False  # 流窜/多次/结伙作案: 提请批准逮捕 may be extended to 30 days
    detention_extended: bool = False  # any recorded 延长拘留期限
    review_extended: bool = False  # 延长审查起诉期限 recorded
    returns_stated: int = 0  # the largest count of 退回补充侦查 the text states
    clock_paused: bool = False  # 停止计算/不计入期限/中止审理/鉴定期间
    investigation_recount: bool = False  # art. 160: 另有重要罪行 / 身份不明 -> 重新计算侦查羁押期限
    jurisdiction_changed: bool = False  # 改变管辖 / 指定管辖 / 并案
    trial_reset: bool = False  # 延期审理 / 补充侦查 during trial / 发回重审 / 重新计算审理期限
    on_the_spot_verdict: bool = False  # 当庭宣判: the written judgment may postdate the verdict
    supervision_case: bool = False  # 留置 (监察) case: art. 170 detention rules apply


_NOTE_PATTERNS = {
    "speedy": r"速裁程序",
    "summary": r"简易程序(?![^。]{0,10}转)",
    "long_detention_allowed": r"流窜作案|多次作案|结伙作案|(?:延长|延至)(?:至)?(?:三十|30)日",
    "detention_extended": r"延长拘留期限|提请(?:审查)?批准(?:逮捕)?的?(?:时间|期限)(?:延长|延至)",
    "review_extended": r"延长审查起诉期限",
    "clock_paused": r"停止计算|不计入[^，。；]{0,8}期限|中止审理|鉴定(?:的)?期间",
    "investigation_recount": r"重新计算侦查羁押期限|另有重要罪行|身份不明|不讲真实姓名",
    "jurisdiction_changed": r"改变管辖|指定管辖|移送管辖|并案",
    "trial_reset": r"延期审理|发回[^，。；]{0,8}?重(?:新)?审|重新计算审理期限|建议补充侦查|补充侦查完毕移送(?:本院|人民法院)",
    "on_the_spot_verdict": r"当庭宣判",
    "supervision_case": r"留置",
}


def procedure_notes(ctx: Context) -> ProcedureNotes:
    """Document-level procedure facts, memoised as fact "procedure_notes"."""

    def compute(c: Context) -> ProcedureNotes:
        found = {k: bool(re.search(p, c.text)) for k, p in _NOTE_PATTERNS.items()}
        counts = [e.count or 1 for e in extract_timeline(c) if e.kind == RETURNED]
        dated = len([e for e in extract_timeline(c) if e.kind == RETURNED and e.date])
        return ProcedureNotes(**found, returns_stated=max([*counts, dated, 0]))

    return ctx.fact("procedure_notes", compute)
