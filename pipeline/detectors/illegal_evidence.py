"""非法取证线索: 刑讯逼供, 暴力取证, 威胁/引诱/欺骗, 疲劳审讯, 指供/诱供, evidence fabricated by
investigators, 非法证据排除 applications, and evidence used although such a claim was made (《刑事诉讼法》第五十六条; 条例 art. 7(3)(4)).

The words alone prove nothing — judgments quote the law, deny the allegation, or report that the court
examined a claim and found it baseless — and the product must not wrongly accuse. So every mention is read
in its context, in this order:

1. Statute wording is masked before anything is searched: law titles in 《》, the generic sentences of
   CPL 52/56/58/60 ("严禁刑讯逼供和以威胁、引诱、欺骗以及其他非法方法收集证据", "采用刑讯逼供等非法方法
   收集的…"), anything after "规定：", and charge names (刑讯逼供罪, 非法拘禁罪, 强迫交易罪, 欺骗他人吸毒罪 …).
2. A mention inside a negation (未发现/不存在/没有/并无/否认遭受/未提出/不属于/可排除…可能) is no
   allegation. After a claim it counts as the authority's answer to that claim.
3. A mention in a claim (辩称/提出/辩护意见/上诉理由/申请排除…) is a CLAIM; "申请排除非法证据" and the like
   are APPLICATIONS. A claim answered later by 不予采纳/不予支持/不能成立/理由不足/不予排除 … or by a
   negated finding is REJECTED.
4. An author's own statement that evidence is excluded (依法予以排除, 不作为定案的根据) or that illegal
   methods were used (确有刑讯逼供, 不能排除…可能, 属于非法证据) is SUSTAINED.
5. Anything else is a bare MENTION.
Words that are everyday crime vocabulary (殴打, 威胁, 引诱, 欺骗, 非法拘禁, 逼迫) count only when an
investigator is the actor ("侦查人员对其殴打") or a statement is said to result from them ("供述系被打后
所作").

One flag per document; its confidence says how likely the document records illegal evidence collection
that a reviewer must look into:
* 0.9  SUSTAINED — the document itself excludes evidence as illegal or finds illegal methods were used;
* 0.65 CLAIM/APPLICATION with no answer in the document — the claim may have been ignored while the
       evidence was still used (条例 7(4));
* 0.5  bare MENTION without claim or finding — unclear who says it;
* 0.35 every claim examined and rejected — still worth a look at how it was examined (录音录像, 体检).
Documents prosecuting the crimes 刑讯逼供罪/暴力取证罪 describe the defendant's acts, not this case's
evidence: there bare mentions and findings are ignored and only claims, applications and exclusions count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..types import Flag
from .base import Context, Detector, register

CODE = "illegal_evidence"

BASIS = (
    "《中华人民共和国刑事诉讼法》第五十六条：采用刑讯逼供等非法方法收集的犯罪嫌疑人、被告人供述和采用暴力、"
    "威胁等非法方法收集的证人证言、被害人陈述，应当予以排除。《人民检察院司法责任追究条例》第七条："
    "（三）暴力取证或者以其他非法方式获取证据的；（四）明知是非法证据不依法排除，而作为认定案件事实重要依据的。"
)

CONF_SUSTAINED = 0.9
CONF_UNANSWERED = 0.65
CONF_MENTION = 0.5
CONF_REJECTED = 0.35

MAX_EVIDENCE = 8
_RESOLUTION_WINDOW = 5  # sentences after a claim in which a bare "不予采纳" still answers it
_LOOKBACK = 300  # characters of the paragraph searched for the claim a sentence belongs to
_MASK = "□"

# ------------------------------------------------------------------------------------------- lexicon

# Terms that always speak of illegal evidence collection.
_STRONG = re.compile(
    r"刑讯逼供|逼供|逼取口供|诱供|骗供|指供(?![述认称])|暴力取证|疲劳审讯|疲劳讯问|变相肉刑|肉刑|"
    r"非法证据|非法取证|违法取证|取证违法|非法方法(?:收集|取得|获取)|以非法方法|"
    # "以暴力方法收集其供述" (not "以暴力方法劫取财物": only collecting evidence counts)
    r"(?:暴力|威胁|引诱|欺骗)(?:、(?:暴力|威胁|引诱|欺骗))*等?(?:非法)?方法(?:收集|取得|获取|逼取)"
    r"[^，,。；]{0,12}?(?:供述|口供|证言|陈述|笔录|证据)|"
    r"(?:连续|长时间)(?:审讯|讯问)|车轮战"
)
# Everyday crime words that count only with an investigator as the actor.
_ACT = re.compile(
    r"殴打|毒打|暴打|吊打|打骂|打了一顿|打(?:了)?(?:我|其|他|她)(?![们]?电话)|体罚|罚站|罚跪|电击(?!电?鱼)|"
    r"威胁|恐吓|引诱|诱导|欺骗|哄骗|逼迫|强迫|非法拘禁|"
    r"不(?:让|准|给)(?:我|其|他|她)?(?:睡觉|睡|吃饭|喝水|休息)"
)
_AGENT = re.compile(
    r"侦查人员|办案人员|办案民警|审讯人员|讯问人员|公安人员|公安干警|侦查机关|公安机关|公安局|派出所|"
    r"刑警队?|民警|警察|干警|侦查员|检察人员"
)
_AGENT_IS_PATIENT = set("对向将把与和跟给朝冲")
_AGENT_GAP = 8
# "侦查人员在讯问韩某时确有威胁": a when-clause about the interrogation may stand between actor and act.
_DURING_INTERROGATION = re.compile(r"在(?:讯问|审讯|询问|提讯|提审)[^，,；;。]{1,8}?(?:时|期间|过程中)")
_AGENT_LOOKBACK = 24
# A statement said to result from coercion: "供述系被打后所作", "笔录是在威胁下签的".
_ORIGIN = re.compile(
    r"(?:供述|口供|笔录|证言|供词|交代|认罪)[^。；，,：]{0,15}?(?:是|系|均系|都是|为|在)[^。；，,]{0,12}?"
    r"(?:殴打|被打|挨打|打骂|体罚|威胁|恐吓|引诱|诱导|欺骗|逼迫|强迫|疲劳|不让睡觉|非法拘禁)"
    r"[^。；，,]{0,10}?(?:下|后|所|而|之下|情况下|作出|形成|取得|得来|签)"
)
# "…系在侦查人员称其不认罪将被关押，以及…的诱导下作出": an investigator's pressure "之下", across commas.
_UNDER = re.compile(
    rf"(?:{_AGENT.pattern})[^。；]{{0,40}}?的?(?P<act>诱导|引诱|威胁|逼迫|欺骗|恐吓|殴打|刑讯|哄骗)(?:之)?下"
)
# Evidence said to be fabricated by investigators (条例 7(2) is its own item, but a reviewer must see it here).
_FAKE = r"(?:伪造|篡改|编造|捏造)"
_FABRICATED = re.compile(
    rf"(?:证据|笔录|供述|口供|材料|证言)[^。；，,]{{0,6}}?(?:系|是|为|被|均系|都是)(?:{_AGENT.pattern})[^。；，,]{{0,3}}{_FAKE}|"
    rf"(?:{_AGENT.pattern})[^。；，,]{{0,4}}{_FAKE}(?:了)?[^。；，,]{{0,6}}?(?:证据|笔录|供述|口供|证言)"
)
# A party named inside the phrase is the one who threatens or beats: crime facts, not interrogation.
_THIRD_PARTY = re.compile(r"被告人|被害人|同案|犯罪嫌疑人|上诉人|某")
_COERCED = re.compile(
    r"(?:被迫|违背(?:其|本人|自己|我)?(?:的)?(?:真实)?意愿|并非(?:其|本人)?自愿|不是(?:其|本人|我)?自愿)"
    r"[^。；，]{0,8}(?:作出|作了|签|承认|供述|认罪|交代|按)|"
    r"(?:供述|认罪|认罚|口供|笔录)[^。；，]{0,4}(?:非自愿|不是自愿|并非自愿|系被迫|是被迫)"
)
_INTERROGATION = re.compile(r"侦查|公安|讯问|审讯|笔录|供述|口供|民警|警察|派出所")
_APPLICATION = re.compile(
    r"申请[^。；，,]{0,20}?(?:排除非法证据|非法证据排除)|(?:排除非法证据|非法证据排除)(?:的)?申请|"
    r"(?:证据|供述|笔录)(?:收集|取得)?的合法性(?:提出|有)(?:异议|疑问)|要求(?:认定为非法证据|排除非法证据)|"
    r"(?:申请|请求|要求)(?:法庭|法院|本院)?(?:依法)?排除[^。；，,]{0,20}?(?:供述|笔录|证言|陈述|口供|证据)"
)
# The court or procuratorate investigating how evidence was collected (CPL 58-59): a doubt was raised.
_LEGALITY_INQUIRY = re.compile(
    r"(?:证据|供述|笔录|证言|取证)的?(?:收集|取得)?的?合法性进行了?(?:法庭)?(?:调查|审查|核查)"
)

# Every hit pattern contains one of these: sentences without any are skipped at once.
_ANCHOR = re.compile(rf"{_STRONG.pattern}|{_ACT.pattern}|被打|挨打|疲劳|排除|合法性|被迫|违背|自愿|伪造|篡改|编造|捏造")

# Generic statute wording and other spans that are never an allegation about this case.
_LAW_PHRASES = re.compile(
    r"《[^》\n]{0,80}》|"
    r"严禁刑讯逼供|威胁、引诱、欺骗以及其他非法方法收集证据|不得强迫任何人证实自己有罪|"
    r"采用刑讯逼供等非法方法收集的[^。；]{0,40}|采用暴力、威胁等非法方法收集的[^。；]{0,30}|"
    r"第五十六条规定的以非法方法收集证据情形|应当对证据收集的合法性进行法庭调查|"
    r"刑讯逼供罪|暴力取证罪|虐待被监管人罪|强迫交易罪|非法拘禁罪|强迫劳动罪|强迫卖血罪|强迫(?:他人)?吸毒罪|"
    r"引诱、教唆、欺骗他人吸毒罪|欺骗他人吸毒罪|强迫卖淫罪|引诱、容留、介绍卖淫罪|引诱幼女卖淫罪|引诱未成年人聚众淫乱罪|"
    r"规定[：:][^。\n]*|规定[，,]?“[^”\n]*”"
)
_APPENDIX = re.compile(r"^\s*附[：:]?\s*(?:本判决|本裁定|本案)?[^\n]{0,8}(?:法律条文|法律条款|法律依据|法律规定)", re.M)
_CRIME_CHARGE = re.compile(r"(?:犯|涉嫌|以|构成)(?:刑讯逼供|暴力取证|虐待被监管人)罪")

# Negators that cover their whole clause, and short ones that only cover a trigger close behind them
# ("被告人辩称其在无律师在场的情况下遭刑讯逼供" is no denial).
_NEGATOR_CLAUSE = re.compile(
    r"没有证据证[明实]|无证据证[明实]|不能证[明实]|未能证[明实]|无法证[明实]|未提供|没有提供|未提出|没有提出|"
    r"未发现|没有发现|未见|不存在|并不存在|不属于|并没有|并无|未曾|否认|排除"
)
_NEGATOR_NEAR = re.compile(r"没有|未|无|不是|不系|并非")
_NEAR = 8
_SCOPE_BREAK = re.compile(r"辩称|辩解|称|提出|认为|主张|但|却|而是|并且")
_CANNOT_RULE_OUT = re.compile(r"(?:不能|无法|难以|不足以)排除")
_RULED_OUT = re.compile(r"排除[^，。；]{0,30}可能")

_CLAIM_CUE = re.compile(
    r"辩称|辩解|辩护意见|辩护提出|辩护人提出|上诉理由|上诉称|上诉提出|提出|申诉|反映|控告|举报|翻供|供称|诉称|"
    r"(?:声|自|并|又|还|均|坚)称|申请|称(?:其|自己|：|:|，|,|被|遭|有罪|供述|在)|主张|异议|质疑|是否|"
    r"(?<!本院)(?<!法院)(?<!检察院)(?<!合议庭)认为"
)
_RESOLUTION_MARKER = re.compile(
    r"经查|经审查|经核查|经核实|经调查|经法庭调查|本院认为|(?:审查|审理|研究|讨论|调查|核实)认为|综上|对此[，,]"
)
_REJECTION = re.compile(
    r"不予采纳|不予支持|不能成立|不予认可|不予确认|理由不足|不足采信|不予采信|本院不予|不成立|"
    r"不予排除|不应(?:当)?(?:予以)?排除|无需排除|不需要排除|不属于(?:应当排除的)?非法证据|"
    r"不存在非法证据排除的情形|取证(?:程序)?合法|合法有效|于法无据"
)
_AUTHORITY_REJECTION = re.compile(r"不予采纳|不予支持|本院不予|不予采信|不予认可|不予确认|不予排除")
_EXCLUSION = re.compile(
    r"(?:依法|予以|应予|应当予以|决定|均予|一并)排除|"
    r"不(?:得|能|应|宜)?作为(?:定案|认定案件事实|认定事实)的?(?:根据|依据)|不作为定案"
)
_EXCLUSION_TARGET = re.compile(r"供述|笔录|证言|陈述|证据|口供|辨认|供词")
_FINDING = re.compile(
    r"确有|确实存在|确系|属实|(?:不能|无法|难以)排除|属于非法证据|系非法证据|认定为非法证据|"
    r"存在[^，。；]{0,6}(?:刑讯逼供|逼供|诱供|非法取证|暴力取证)"
)


# ------------------------------------------------------------------------------------------ reading


@dataclass(frozen=True, slots=True)
class Event:
    """One reading of one sentence."""

    kind: str  # claim | application | rejected | answered_by_denial | sustained | mention
    start: int  # evidence span, normalised offsets
    end: int
    sentence: int  # index in ctx.sentences


CLAIM, APPLICATION, REJECTED, DENIED, SUSTAINED, MENTION = (
    "claim",
    "application",
    "rejected",
    "answered_by_denial",
    "sustained",
    "mention",
)


def mask_law(text: str) -> str:
    """`text` with statute wording and law titles replaced by □ (same length, so offsets hold)."""
    chars = list(text)
    for m in _LAW_PHRASES.finditer(text):
        chars[m.start() : m.end()] = _MASK * (m.end() - m.start())
    app = _APPENDIX.search(text)
    if app:
        chars[app.start() :] = _MASK * (len(text) - app.start())
    return "".join(chars)


def find_hits(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of allegation terms in masked[start:end] (strong terms, investigator acts, coerced statements)."""
    if not _ANCHOR.search(masked, start, end):
        return []
    hits = [(m.start(), m.end()) for m in _STRONG.finditer(masked, start, end)]
    hits += [(m.start(), m.end()) for m in _APPLICATION.finditer(masked, start, end)]
    hits += [(m.start(), m.end()) for m in _LEGALITY_INQUIRY.finditer(masked, start, end)]
    for m in _ACT.finditer(masked, start, end):
        if _investigator_acts(masked, start, m.start()):
            hits.append((m.start(), m.end()))
    for m in _ORIGIN.finditer(masked, start, end):
        if not _THIRD_PARTY.search(m.group(0)):
            hits.append((m.start(), m.end()))
    hits += [
        (m.start(), m.end()) for m in _FABRICATED.finditer(masked, start, end) if not _THIRD_PARTY.search(m.group(0))
    ]
    hits += [m.span("act") for m in _UNDER.finditer(masked, start, end) if not _THIRD_PARTY.search(m.group(0))]
    if _INTERROGATION.search(masked, start, end):
        hits += [(m.start(), m.end()) for m in _COERCED.finditer(masked, start, end)]
    return _merge(hits)


def _investigator_acts(text: str, sent_start: int, act_start: int) -> bool:
    """Is an investigator the actor of the act that starts at act_start (within its clause, 24 chars)?"""
    lo = max(sent_start, act_start - _AGENT_LOOKBACK)
    clause_start = max((text.rfind(p, lo, act_start) for p in "，,；：:"), default=-1)
    lo = max(lo, clause_start + 1)
    agents = list(_AGENT.finditer(text, lo, act_start))
    if not agents:
        return False
    agent = agents[-1]
    gap = text[agent.end() : act_start]
    during = _DURING_INTERROGATION.match(gap)
    if during:
        gap = gap[during.end() :]  # the person questioned (韩某) is named there: not an actor
    # "民警…时被某某殴打" (the investigator is the victim), "公安机关的调查材料中看不出沈某殴打" (someone
    # else acts): only a short gap such as "对其" / "在审讯中" links the investigator to the act.
    if len(gap) > _AGENT_GAP or any(c in gap for c in "被的某"):
        return False
    return not (agent.start() > 0 and text[agent.start() - 1] in _AGENT_IS_PATIENT)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def is_negated(text: str, sent_start: int, hit_start: int, hit_end: int) -> bool:
    """Does a negation in the hit's own clause, not cut off by a new predicate, cover the hit?"""
    clause_start = max((text.rfind(p, sent_start, hit_start) for p in "，,；;：:"), default=-1)
    lo = max(sent_start, clause_start + 1)
    before = text[lo:hit_start]
    clause_end = min([i for p in "，,。；;" if (i := text.find(p, hit_end)) != -1] or [len(text)])
    after = text[hit_end:clause_end]
    if _CANNOT_RULE_OUT.search(before):
        return False
    if "排除" in before and not _RULED_OUT.search(before + text[hit_start:hit_end] + after):
        before = before.replace("排除", "")  # 申请排除非法证据: 排除 there is the remedy, not a denial
    last_end = -1
    for m in _NEGATOR_CLAUSE.finditer(before):
        last_end = m.end()
    for m in _NEGATOR_NEAR.finditer(before):
        if len(before) - m.end() <= _NEAR:
            last_end = max(last_end, m.end())
    if last_end < 0:
        return False
    return not _SCOPE_BREAK.search(before, last_end)


def read_sentence(masked: str, s: int, e: int) -> list[tuple[str, int, int]]:
    """The events of the sentence masked[s:e] as (kind, start, end); [] when it says nothing about illegal
    evidence. `masked` is the document after `mask_law`."""
    hits = find_hits(masked, s, e)
    if not hits:
        return []
    live = [(hs, he) for hs, he in hits if not is_negated(masked, s, hs, he)]
    if not live:
        return [(DENIED, s, e)]
    marker = _RESOLUTION_MARKER.search(masked, s, e)
    claim_end = marker.start() if marker else e
    events: list[tuple[str, int, int]] = []
    claim_hits = [h for h in live if h[0] < claim_end]
    cue = bool(_CLAIM_CUE.search(masked, s, claim_end)) or _claim_context(masked, s)
    applied = any(_APPLICATION.match(masked, h[0]) for h in claim_hits)
    if claim_hits and (cue or applied):  # an application is a claim whoever writes it down
        events.append((APPLICATION if applied else CLAIM, s, claim_end))
        cue = True
    if marker:
        answer_start = claim_end
        rejected = _REJECTION.search(masked, answer_start, e)
    elif cue:  # only an authority's own verb answers a claim inside the claim's sentence
        answer_start = live[-1][1]
        rejected = _AUTHORITY_REJECTION.search(masked, answer_start, e)
    else:
        answer_start = s
        rejected = _REJECTION.search(masked, s, e)
    denied_after = marker is not None and any(h not in live and h[0] >= claim_end for h in hits)
    if rejected:
        events.append((REJECTED, answer_start, e))
    elif denied_after:
        events.append((DENIED, answer_start, e))
    elif (marker or not cue) and _is_exclusion(masked[answer_start:e]):
        events.append((SUSTAINED, answer_start, e))
    elif not cue and _FINDING.search(masked, s, e):
        events.append((SUSTAINED, s, e))
    elif not events:
        events.append((MENTION, s, e))
    return events


def _claim_context(masked: str, s: int) -> bool:
    """Is the sentence part of a claim begun earlier in its paragraph ("辩护意见如下：…；2、…")?"""
    lo = max(masked.rfind("\n", 0, s) + 1, s - _LOOKBACK)
    cues = list(_CLAIM_CUE.finditer(masked, lo, s))
    if not cues:
        return False
    return not _RESOLUTION_MARKER.search(masked, cues[-1].end(), s)


def _is_exclusion(s: str) -> bool:
    m = _EXCLUSION.search(s)
    return bool(m and _EXCLUSION_TARGET.search(s) and not _REJECTION.search(s))


def read_document(ctx: Context) -> list[Event]:
    """Every event in the document, in text order."""
    text = ctx.text
    if not _ANCHOR.search(text):
        return []
    masked = mask_law(text)
    events: list[Event] = []
    last_claim: int | None = None
    for i, (s, e) in enumerate(ctx.sentences):
        found = read_sentence(masked, s, e)
        if not found and last_claim is not None and i - last_claim <= _RESOLUTION_WINDOW:
            # A sentence without the words that still answers the claim just made.
            if _REJECTION.search(masked, s, e):
                found = [(REJECTED, s, e)]
            elif _is_exclusion(masked[s:e]):
                found = [(SUSTAINED, s, e)]
        for kind, fs, fe in found:
            events.append(Event(kind, fs, fe, i))
            if kind in (CLAIM, APPLICATION):
                last_claim = i
    return events


# ----------------------------------------------------------------------------------------- detector


@register
class IllegalEvidence(Detector):
    name = "illegal_evidence"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        events = read_document(ctx)
        if _CRIME_CHARGE.search(ctx.text):
            events = [
                ev for ev in events if ev.kind not in (SUSTAINED, MENTION) or _is_exclusion(ctx.text[ev.start : ev.end])
            ]
        claims = [ev for ev in events if ev.kind in (CLAIM, APPLICATION)]
        answers = [ev for ev in events if ev.kind in (REJECTED, DENIED)]
        sustained = [ev for ev in events if ev.kind == SUSTAINED]
        mentions = [ev for ev in events if ev.kind == MENTION]
        # A rejection restating the claim ("关于…系刑讯逼供的意见，经查…不予采纳") is a claim too.
        if not claims and any(ev.kind == REJECTED for ev in answers):
            claims = [ev for ev in answers if ev.kind == REJECTED][:1]
        unanswered = [c for c in claims if not any(a.start >= c.start and a is not c for a in answers)]
        if sustained:
            conf, shown = CONF_SUSTAINED, sustained + claims
            reason = "文书记载有关证据因非法取证被排除或认定存在非法取证情形，须核查取证经过及相关人员责任"
        elif claims and unanswered:
            conf, shown = CONF_UNANSWERED, unanswered
            reason = (
                f"{_who(ctx, unanswered)}提出非法取证主张或排除非法证据申请（{len(unanswered)}处），"
                "文书未见对该主张的审查结论；须核查有关证据是否仍被采信"
            )
        elif claims:
            conf, shown = CONF_REJECTED, claims + [a for a in answers if a.start >= claims[0].start]
            reason = (
                f"{_who(ctx, claims)}提出非法取证主张，经审查未予采纳或认定不存在非法取证；"
                "仍建议复核审查过程（同步录音录像、体检记录、讯问笔录）"
            )
        elif mentions:
            conf, shown = CONF_MENTION, mentions
            reason = "文书提及刑讯逼供等非法取证情形，未见明确的主张、审查或认定，请复核"
        else:
            return []
        spans = sorted({(ev.start, ev.end) for ev in shown})[:MAX_EVIDENCE]
        return [self.flag(ctx, CODE, spans, confidence=conf, basis=BASIS, reason=reason)]


_WHO = re.compile(r"辩护人|上诉人|被告人|犯罪嫌疑人|被不起诉人|被害人|证人")


def _who(ctx: Context, events: list[Event]) -> str:
    """Who made the claims: the role word closest before each claim verb ("…的辩护人陈某提出")."""
    found: list[str] = []
    for ev in events:
        for cue in _CLAIM_CUE.finditer(ctx.text, ev.start, ev.end):
            roles = list(_WHO.finditer(ctx.text, max(ev.start, cue.end() - 22), cue.end()))
            if roles and roles[-1].group(0) not in found:
                found.append(roles[-1].group(0))
    return "、".join(found[:3]) if found else "当事人"
